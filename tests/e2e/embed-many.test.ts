/**
 * Four embeds on one article, as a live blog might have them: every frame fits its content
 * and every map draws (non-blank) once scrolled to. Frames load lazily (loading="lazy") and
 * create their map only in view, so the page pays only for what a reader reaches. Four kinds of
 * map, each its own WebGL context on the page, the languages taking turns (every kind's embed
 * page is opened on its own by the reader walk and embed-page.test.ts).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iframeSnippet } from '../../src/embed/snippet.ts';
import { allViewKeys, type ViewKey } from '../../src/views/view-keys.ts';
import { articlePage, startHostServer, type HostServer } from './fixtures/host-server.ts';
import { embedFrame, expectFitted, fitOf, pointAtFrame } from './embed-helpers.ts';
import { distinctColours, launchBrowser, newPage, screenshot, startServer, type PageProbe, type StaticServer } from './harness.ts';

let site: StaticServer;
let host: HostServer;
let browser: Browser;
let probe: PageProbe;

/** The first view of each kind of map (the layer kinds it draws): the first four. */
const kind = (k: ViewKey) => [...new Set(k.view.layers.map((l) => l.kind))].sort().join('+');
const views = allViewKeys();
const firstOfKind = views.filter((k, i) => views.findIndex((x) => kind(x) === kind(k)) === i);
const EMBEDS = firstOfKind.slice(0, 4).map((k, i) => ({ key: k.key, lang: i % 2 ? ('en' as const) : ('zh' as const), id: `m${i}` }));
const pathOf = (e: (typeof EMBEDS)[number]) => `${e.lang === 'en' ? '/en' : ''}/embed/${e.key}/`;

beforeAll(async () => {
  site = await startServer();
  host = await startHostServer();
  browser = await launchBrowser();
  probe = await newPage(browser, { width: 1280, height: 900, origin: host.origin });
});
afterAll(async () => {
  await probe?.close();
  await browser?.close();
  await host?.close();
  await site?.close();
});

describe('four embeds on one page', () => {
  it('each fits its content and draws its map once scrolled to', async () => {
    const body = EMBEDS.map(
      (e) =>
        `<h2>${e.key}</h2><div id="${e.id}">${iframeSnippet({ origin: site.origin, lang: e.lang, key: e.key, title: e.key, description: '', height: 700, storyUrl: site.url('/'), imageKey: e.key })}</div>`,
    ).join('\n<p>More article text between the maps.</p>\n');
    const warnings: string[] = [];
    probe.page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const started = Date.now();
    await probe.page.goto(host.page('/four.html', articlePage('Four embeds', body)));
    const drawnAt: number[] = [];
    for (const e of EMBEDS) {
      await probe.page.locator(`#${e.id} iframe`).scrollIntoViewIfNeeded();
      const frame = await embedFrame(probe.page, site.origin, pathOf(e));
      await pointAtFrame(probe.page, `#${e.id} iframe`, frame);
      await frame.waitForSelector('.embed-map[data-map="maplibre"]', { timeout: 30_000 }).catch(async (error: Error) => {
        // Say why the live map stayed away (map-runtime warns), not only that time ran out.
        throw new Error(
          `${e.key}: data-map=${await frame.getAttribute('.embed-map', 'data-map')}; warnings: ${warnings.join(' | ')}; ${error.message}`,
        );
      });
      await expectFitted(probe.page, frame, `#${e.id} iframe`);
      drawnAt.push(Date.now() - started);
      const shot = await frame.locator('.map-canvas canvas').screenshot();
      expect(await distinctColours(probe.page, shot, 7), `${e.key}: the map canvas is blank`).toBeGreaterThan(12);
    }
    const total = Date.now() - started;
    // Scrolled past, every frame still fits (later frames loading must not disturb earlier ones).
    for (const e of EMBEDS) {
      const fit = await fitOf(probe.page, await embedFrame(probe.page, site.origin, pathOf(e)), `#${e.id} iframe`);
      expect(Math.abs(fit.frame - fit.content), e.key).toBeLessThanOrEqual(1);
      expect(fit.overflowY, e.key).toBe(0);
    }
    console.log(
      `[embed] ${EMBEDS.length} embeds: all fitted and drawn ${total} ms after navigation (scrolling to each); per frame ${drawnAt.map((t, i) => t - (drawnAt[i - 1] ?? 0)).join(', ')} ms`,
    );
    await screenshot(probe.page, 'embed-four', true);
    expect(probe.errors()).toEqual([]);
    // resize.js does not ask frames that have not loaded yet (Chromium would warn of an origin mismatch).
    expect(warnings.filter((w) => w.includes('postMessage'))).toEqual([]);
  }, 180_000);
});
