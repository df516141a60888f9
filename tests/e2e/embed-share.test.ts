/**
 * Share cards as a feed, WeChat or a chat app reads them: every page's head parsed by an Open
 * Graph parser (open-graph-scraper, given the HTML the site serves), its card fetched from the
 * site and measured. og:image carries the public origin (SITE_URL, or the preview's with
 * PREVIEW=1): its path is fetched from the server under test.
 */
import ogs from 'open-graph-scraper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL } from '../../src/site/urls.ts';
import { startServer, type StaticServer } from './harness.ts';

const SITE = process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : DEFAULT_SITE_URL;
const PAGES = ['/', '/en/', '/data/', '/en/data/', '/edition/', '/embed/', '/en/embed/'];

let site: StaticServer;
beforeAll(async () => {
  site = await startServer();
});
afterAll(async () => {
  await site?.close();
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer) => ({ type: b.subarray(1, 4).toString(), width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

describe('share cards (Open Graph, Twitter)', () => {
  it.each(PAGES)('%s unfurls with a landscape card ≥ 1200 × 630 that answers 200, and a canonical URL', async (path) => {
    const response = await fetch(site.url(path));
    expect(response.status).toBe(200);
    const html = await response.text();
    const { error, result } = await ogs({ html });
    expect(error).toBe(false);
    expect(result.ogTitle).toBeTruthy();
    expect(result.ogDescription).toBeTruthy();
    expect(result.ogUrl).toBe(`${SITE}${path}`);
    expect(result.twitterCard).toBe('summary_large_image');
    expect(html).toContain(`<link rel="canonical" href="${SITE}${path}">`);
    const image = result.ogImage?.[0];
    expect(image, 'og:image').toBeTruthy();
    const url = new URL(image!.url);
    expect(url.origin).toBe(SITE);
    expect(url.pathname).toBe(`/embed/img/${path.startsWith('/en/') ? 'en' : 'zh'}/share-card.png`);
    const png = await fetch(site.url(url.pathname));
    expect(png.status).toBe(200);
    const size = pngSize(Buffer.from(await png.arrayBuffer()));
    expect(size.type).toBe('PNG');
    expect([Number(image!.width), Number(image!.height)]).toEqual([size.width, size.height]);
    expect(size.width).toBeGreaterThanOrEqual(1200);
    expect(size.height).toBeGreaterThanOrEqual(630);
    expect(size.width / size.height).toBeGreaterThan(1.5); // landscape, as feeds crop
  });
});
