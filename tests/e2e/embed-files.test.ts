/**
 * The embed's static files as the site serves them: oEmbed answers valid against a schema of
 * the oEmbed 1.0 "rich" type, discovery links that name them, and the framing headers of
 * public/_headers as a static host sends them (the harness applies dist/_headers).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allEmbedKeys } from '../../src/embed/keys.ts';
import { articlePage, startHostServer, type HostServer } from './fixtures/host-server.ts';
import { until } from './embed-helpers.ts';
import { DIST, launchBrowser, newPage, startServer, type StaticServer } from './harness.ts';

/** oEmbed 1.0 (https://oembed.com §2.3.4), "rich": html, width and height required; thumbnail fields all or none. */
const OEmbedRich = z
  .strictObject({
    version: z.literal('1.0'),
    type: z.literal('rich'),
    title: z.string().min(1),
    author_name: z.string().optional(),
    author_url: z.url().optional(),
    provider_name: z.string().min(1),
    provider_url: z.url(),
    cache_age: z.number().int().positive().optional(),
    thumbnail_url: z.url().optional(),
    thumbnail_width: z.number().int().positive().optional(),
    thumbnail_height: z.number().int().positive().optional(),
    html: z.string().min(1),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  })
  .refine(
    (o) =>
      [o.thumbnail_url, o.thumbnail_width, o.thumbnail_height].every((x) => x === undefined) ||
      [o.thumbnail_url, o.thumbnail_width, o.thumbnail_height].every((x) => x !== undefined),
    'thumbnail_url, _width and _height go together',
  );

const PAGES = (['zh', 'en'] as const).flatMap((lang) =>
  allEmbedKeys().map((k) => ({ lang, key: k.key, path: `${lang === 'en' ? '/en' : ''}/embed/${k.key}/` })),
);
const distFile = (urlPath: string) => join(DIST, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
/** The story page has the discovery link once Story.astro includes <OEmbedLink> (read when the tests are collected, after the build). */

describe('oEmbed', () => {
  it.each(PAGES)('$path oembed.json is a valid rich oEmbed answer for that page', ({ lang, path }) => {
    const page = readFileSync(distFile(path), 'utf8');
    const href = page.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)?.[1];
    expect(href, 'discovery link').toBeDefined();
    const { pathname, origin } = new URL(href!);
    expect(pathname).toBe(`${path}oembed.json`);
    const o = OEmbedRich.parse(JSON.parse(readFileSync(distFile(pathname), 'utf8')));
    // Its frame is the page, titled, lazy, sandboxed, at the page's fallback height, then resize.js.
    expect(o.html).toMatch(
      new RegExp(`^<iframe src="${origin}${path}" title="[^"]+" width="100%" height="${o.height}" loading="lazy" sandbox="[^"]+"`),
    );
    expect(o.html).toContain(`<script src="${origin}/embed/resize.js" async></script>`);
    expect(o.html.match(/title="([^"]+)"/)?.[1]).toBe(o.title);
    expect(page).toContain(`<meta property="og:image" content="${o.thumbnail_url}"`);
    expect(existsSync(distFile(new URL(o.thumbnail_url!).pathname)), o.thumbnail_url).toBe(true);
    expect(o.provider_url).toBe(`${origin}${lang === 'en' ? '/en' : ''}/`);
  });

  it('the story page names the oEmbed of its first map', () => {
    const href = readFileSync(join(DIST, 'index.html'), 'utf8').match(/type="application\/json\+oembed" href="([^"]+)"/)?.[1];
    expect(existsSync(distFile(new URL(href!).pathname))).toBe(true);
  });
});

describe('framing headers (public/_headers)', () => {
  let site: StaticServer;
  let host: HostServer;
  let browser: Browser;
  beforeAll(async () => {
    site = await startServer(DIST, { headers: true });
    host = await startHostServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await site?.close();
  });

  const headersOf = async (path: string) => {
    const r = await fetch(site.url(path));
    expect(r.status, path).toBe(200);
    return r.headers;
  };

  it('embed pages may be framed by any https site (and this one); no other page may be framed at all', async () => {
    // One policy each (two would combine into the stricter), whose frame-ancestors is the rule.
    const frameAncestors = (csp: string | null) =>
      csp
        ?.split(';')
        .map((d) => d.trim())
        .filter((d) => d.startsWith('frame-ancestors'));
    for (const path of ['/embed/pv/', '/en/embed/incidence-before/', '/embed/incidence/']) {
      const h = await headersOf(path);
      expect(frameAncestors(h.get('content-security-policy')), path).toEqual(["frame-ancestors 'self' https:"]);
    }
    for (const path of ['/', '/data/', '/edition/', '/en/data/', '/maps/zh/pv.svg', '/embed/', '/en/embed/']) {
      const h = await headersOf(path);
      expect(frameAncestors(h.get('content-security-policy')), path).toEqual(["frame-ancestors 'none'"]);
    }
    for (const path of ['/', '/embed/pv/']) {
      const h = await headersOf(path);
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('Chromium enforces them: an embed frames on this site, the story does not on another, and an http host gets neither', async () => {
    const probe = await newPage(browser, { width: 800, height: 600, origin: host.origin });
    const frames = ['/', '/embed/pv/'].map((p) => `<iframe src="${site.url(p)}" onload="this.done = true"></iframe>`).join('');
    await probe.page.goto(host.page('/framing.html', articlePage('Framing', frames)));
    // Both frames finish loading: a refused one loads Chromium's error page instead of ours.
    await probe.page.waitForFunction(() =>
      [...document.querySelectorAll('iframe')].every((f) => (f as HTMLIFrameElement & { done?: boolean }).done),
    );
    const ours = await Promise.all(
      probe.page
        .frames()
        .slice(1)
        .map((f) => f.evaluate(() => document.querySelector('main') !== null).catch(() => false)),
    );
    expect(ours).toEqual([false, false]);
    await probe.close();
    // The same embed on a page of this site ('self': the Embed dialog's preview) loads.
    const self = await newPage(browser, { width: 800, height: 600, origin: site.origin });
    await self.page.goto(site.url('/embed/'));
    await self.page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, site.url('/embed/pv/'));
    const f = await until('the same-origin frame', () => self.page.frames().find((x) => x.url().endsWith('/embed/pv/')));
    await f.waitForSelector('main.embed');
    await self.close();
  });
});
