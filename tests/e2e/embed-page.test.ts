/**
 * The embed page on its own: what it declares (noindex, canonical, og:image, oEmbed), its
 * allow-listed parameters, the lazy map, the state switch, and the fallback height recorded
 * for hosts that strip the resize script.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEmbedKeys } from '../../src/embed/keys.ts';
import { EMBED_WIDTH } from '../../src/embed/snippet.ts';
import { DEFAULT_SITE_URL } from '../../src/site/urls.ts';
import { DARK_BASE } from '../../src/embed/dark-map.ts';
import { PALETTE } from '../../src/views/palette.ts';
import { PNG } from 'pngjs';
import fallbackHeights from '../../src/embed/fallback-heights.json';
import { articlePage } from './fixtures/host-server.ts';
import { embedFrame, until } from './embed-helpers.ts';
import { newPage, ROOT, type PageProbe, builtSite } from './harness.ts';
import { firstInput } from './story-helpers.ts';

const site = builtSite({ host: true });

const SITE = process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : DEFAULT_SITE_URL;

describe('what an embed page declares', () => {
  let probe: PageProbe;
  beforeAll(async () => {
    probe = await newPage(site.browser, { width: 640, height: 800 });
    await probe.page.goto(site.url('/en/embed/pv/'));
  });
  afterAll(() => probe?.close());

  it('is noindex as a page of its own for Google (indexifembedded), canonical, with og:image, oEmbed discovery and the other language', async () => {
    const { page } = probe;
    const attr = (sel: string, name: string) => page.getAttribute(sel, name);
    expect(await attr('meta[name=googlebot]', 'content')).toBe('noindex, indexifembedded');
    expect(await attr('link[rel=canonical]', 'href')).toBe(`${SITE}/en/embed/pv/`);
    expect(await attr('meta[property="og:image"]', 'content')).toBe(`${SITE}/embed/img/en/pv.png`);
    expect(await attr('link[rel=alternate][type="application/json+oembed"]', 'href')).toBe(`${SITE}/en/embed/pv/oembed.json`);
    expect(await attr('link[rel=alternate][hreflang="zh-CN"]', 'href')).toBe(`${SITE}/embed/pv/`);
    // The files they name exist on the site.
    for (const path of ['/embed/img/en/pv.png', '/en/embed/pv/oembed.json'])
      expect((await page.request.get(site.url(path))).status(), path).toBe(200);
  });

  it('shows title, legend, source, a story link in a new tab, and the build-time SVG with the description as alt', async () => {
    const { page } = probe;
    expect(await page.locator('h1.embed-title').innerText()).toBe('Photovoltaic poverty relief');
    expect(await page.locator('.map-legend').isVisible()).toBe(true);
    expect(await page.locator('.embed-source').innerText()).toMatch(/^Data: /);
    const link = page.locator('.embed-credit a');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await link.getAttribute('href')).toMatch(/^\/en\/#[a-z]+$/);
    const img = page.locator('img.map-svg');
    expect(await img.getAttribute('src')).toBe('/maps/en/pv.svg');
    expect(await img.getAttribute('alt')).toMatch(/^Photovoltaic relief: Lin County built/);
    expect(await page.locator('noscript').count()).toBeGreaterThan(0);
  });

  it('makes the map live (the map is in view) at the first input, with no console errors', async () => {
    await firstInput(probe.page);
    await probe.page.waitForSelector('.embed-map[data-map="maplibre"]', { timeout: 20_000 });
    expect(probe.errors()).toEqual([]);
  });
});

describe('allow-listed parameters', () => {
  const open = async (search: string) => {
    const probe = await newPage(site.browser, { width: 640, height: 800 });
    const dialogs: string[] = [];
    probe.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await probe.page.goto(site.url(`/embed/overview/${search}`));
    await probe.page.waitForFunction(() => document.documentElement.classList.contains('js'));
    return { probe, dialogs };
  };

  it('title=0 and source=0 hide those lines; theme=dark darkens the page', async () => {
    const { probe } = await open('?title=0&source=0&theme=dark');
    const { page } = probe;
    expect(await page.locator('.embed-title').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(1); // still there for screen readers
    expect(await page.locator('.embed-source').isVisible()).toBe(false);
    expect(await page.locator('.embed-credit a').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.classList.contains('theme-dark'))).toBe(true);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(24, 23, 21)');
    await probe.close();
  });

  it('theme=dark darkens the map itself: the SVG and the live map in the dark base colours, data colours as printed', async () => {
    const { probe } = await open('?theme=dark');
    const { page } = probe;
    expect(await page.locator('img.map-svg').getAttribute('src')).toBe('/embed/dark/zh/overview.svg');
    const svg = await (await page.request.get(site.url('/embed/dark/zh/overview.svg'))).text();
    expect(svg).toContain(`fill="${DARK_BASE.land}"`);
    expect(svg).not.toContain(`fill="${PALETTE.land.hex}"`);
    await firstInput(page);
    await page.waitForSelector('.embed-map[data-map="maplibre"]', { timeout: 20_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // The live map's corner is land beyond the prefectures: dark, not the light #e0ddd5.
    const png = PNG.sync.read(await page.locator('.map-canvas canvas').screenshot());
    const i = (4 * png.width + 4) * 4;
    expect(Math.max(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!)).toBeLessThan(90);
    // Counties not reported: the hatch tile too is dark (white would be its light colour).
    await page.goto(site.url('/embed/incidence-after/?theme=dark'));
    await firstInput(page);
    await page.waitForSelector('.embed-map[data-map="maplibre"][data-map-settled="true"]', { timeout: 20_000 });
    const whiteShare = async () => {
      const shot = PNG.sync.read(await page.locator('.map-canvas canvas').screenshot());
      let white = 0;
      for (let p = 0; p < shot.data.length; p += 4)
        if (shot.data[p]! >= 250 && shot.data[p + 1]! >= 250 && shot.data[p + 2]! >= 250) white++;
      return white / (shot.width * shot.height);
    };
    // Polled: the tile is recoloured once the live map has started.
    await until('the hatch to be drawn dark', async () => (await whiteShare()) < 0.005);
    expect(probe.errors()).toEqual([]);
    await probe.close();
  });

  it('interactive=0 removes the county buttons and lets pointer events through the map', async () => {
    const { probe } = await open('?interactive=0');
    const { page } = probe;
    expect(await page.locator('.map-counties').count()).toBe(0);
    await firstInput(page);
    await page.waitForSelector('.embed-map[data-map="maplibre"]', { timeout: 20_000 });
    expect(await page.locator('.map-canvas').evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    expect(probe.errors()).toEqual([]);
    await probe.close();
  });

  it('unknown or hostile values fall back to the defaults and are never written into the page', async () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const q = new URLSearchParams({
      title: hostile,
      source: 'no',
      interactive: 'javascript:alert(1)',
      theme: 'dark;background:red',
      lang: '../../x',
      childId: hostile,
      initialWidth: '1e9',
      parentTitle: hostile,
      parentUrl: 'javascript:alert(1)',
      foo: hostile,
    });
    const { probe, dialogs } = await open(`?${q}`);
    const { page } = probe;
    expect(await page.locator('.embed-title').isVisible()).toBe(true);
    expect(await page.locator('.embed-source').isVisible()).toBe(true);
    expect(await page.locator('.map-counties').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.className)).not.toContain('theme-dark');
    expect(new URL(page.url()).pathname).toBe('/embed/overview/');
    const html = await page.content();
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('javascript:');
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await probe.close();
  });

  it('lang=en moves to the English page, keeping the other parameters', async () => {
    const { probe } = await open('?lang=en&title=0&theme=dark&utm_source=x');
    await probe.page.waitForURL(/\/en\/embed\/overview\//);
    expect(new URL(probe.page.url()).search).toBe('?title=0&theme=dark');
    expect(await probe.page.getAttribute('html', 'lang')).toBe('en');
    await probe.close();
  });
});

describe('the lazy map', () => {
  let probe: PageProbe;
  beforeAll(async () => {
    probe = await newPage(site.browser, { width: 1000, height: 700, origin: site.host.origin });
  });
  afterAll(async () => {
    await probe?.close();
  });

  it('is created only when the frame is scrolled into view', async () => {
    const requests: string[] = [];
    probe.context.on('request', (r) => requests.push(r.url()));
    const frameHtml = `<div style="height:2500px">Long article text.</div><iframe id="late" src="${site.url('/embed/pv/')}" title="pv" style="width:100%;height:700px;border:0"></iframe>`;
    await probe.page.goto(site.host.page('/late.html', articlePage('Late map', frameHtml)));
    const frame = await embedFrame(probe.page, site.origin, '/embed/pv/');
    await frame.waitForFunction(() => document.documentElement.classList.contains('js'));
    await frame.evaluate(() => document.fonts.ready);
    // The reader's first input inside the frame while it is still below the fold: not enough on
    // its own. (No animation frame to wait for: Chromium does not render an offscreen
    // cross-origin frame.)
    await frame.evaluate(() => dispatchEvent(new Event('pointermove')));
    expect(await frame.getAttribute('.embed-map', 'data-map')).toBe('svg');
    expect(await frame.locator('.maplibregl-canvas').count()).toBe(0);
    expect(requests.filter((u) => /lvliang\.topo\.json|map-runtime|maplibre/.test(u))).toEqual([]);
    // Scrolled into view, with no further input (the host's scrolling gives the frame none): the map starts.
    await probe.page.locator('#late').scrollIntoViewIfNeeded();
    await frame.waitForSelector('.embed-map[data-map="maplibre"]', { timeout: 20_000 });
    expect(requests.filter((u) => u.includes('lvliang.topo.json'))).toHaveLength(1);
    expect(probe.errors()).toEqual([]);
  });
});

describe('the state switch on a view’s bare-id page', () => {
  it('/embed/incidence/ switches legend, label, static map and live map between before and after', async () => {
    const probe = await newPage(site.browser, { width: 640, height: 900 });
    const { page } = probe;
    await page.goto(site.url('/embed/incidence/'));
    await firstInput(page);
    await page.waitForSelector('.embed-map[data-map="maplibre"]', { timeout: 20_000 });
    const visibleLegend = () => page.locator('.embed-legend:not([hidden])').getAttribute('data-key');
    expect(await visibleLegend()).toBe('incidence-before');
    const canvas = page.locator('.map-canvas canvas');
    await page.waitForFunction(() => document.querySelectorAll('.map-label').length > 0);
    const before = await canvas.screenshot();
    await page.getByRole('button', { name: '2019年底' }).click();
    expect(await visibleLegend()).toBe('incidence-after');
    expect(await page.getByRole('button', { name: '2019年底' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.embed-state-label:not([hidden])').innerText()).toContain('2019年底');
    expect(await page.getAttribute('img.map-svg', 'src')).toMatch(/\/maps\/zh\/incidence-after\.svg$/);
    // 临县 turns from the darkest class to the lightest: the live map's pixels change.
    await until('the live map to redraw in the new state', async () => !(await canvas.screenshot()).equals(before));
    expect(probe.errors()).toEqual([]);
    await probe.close();
  });
});

describe('the fallback height (hosts that strip the resize script, iframely#272)', () => {
  it(`fits every embed at the oEmbed width (${EMBED_WIDTH} px) with little to spare`, async () => {
    const probe = await newPage(site.browser, { width: EMBED_WIDTH, height: 600 });
    const measured: Record<string, number> = {};
    for (const lang of ['zh', 'en'] as const)
      for (const { key } of allEmbedKeys()) {
        await probe.page.goto(site.url(`${lang === 'en' ? '/en' : ''}/embed/${key}/`));
        await probe.page.evaluate(() => document.fonts.ready);
        measured[`${lang}/${key}`] = await probe.page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      }
    await probe.close();
    // A little room for other fonts; rounded to 10 px. UPDATE_EMBED_HEIGHTS=1 records them.
    const wanted = Object.fromEntries(Object.entries(measured).map(([k, h]) => [k, Math.ceil((h + 12) / 10) * 10]));
    if (process.env.UPDATE_EMBED_HEIGHTS === '1')
      writeFileSync(join(ROOT, 'src/embed/fallback-heights.json'), `${JSON.stringify(wanted, null, 2)}\n`);
    const recorded = fallbackHeights as Record<string, number>;
    const off = Object.entries(measured).filter(([k, h]) => !(recorded[k]! >= h && recorded[k]! - h <= 60));
    expect(
      off.map(([k, h]) => `${k}: measured ${h}, recorded ${recorded[k]}`),
      'run UPDATE_EMBED_HEIGHTS=1 npx vitest run tests/e2e/embed-page.test.ts',
    ).toEqual([]);
  }, 120_000);
});
