/**
 * Security and robustness gate, against nginx applying public/_headers (tests/e2e/nginx.ts):
 * the headers each path gets (and that nginx agrees with the _headers file), a strict CSP, no
 * inline script anywhere, hostile URL parameters ignored, and a lost WebGL context survived.
 * That the built pages never violate the CSP while a reader uses them (story, embeds, dialogs,
 * export, data table) is checked on the accessibility gate's walk (reader-walk.ts), which
 * reaches every one of those states anyway.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allEmbedKeys } from '../../src/embed/keys.ts';
import { headersFor, readHeadersFile } from '../../scripts/headers.ts';
import { watchCsp } from './csp.ts';
import { DIST, newPage, type PageProbe } from './harness.ts';
import { nginxSite } from './nginx.ts';
import { distinctMapStepIndices, liveMap, restStepAt, waitForPanelBlocks, waitForSettledMap } from './story-helpers.ts';

const RULES = readHeadersFile(join(DIST, '_headers'));
const NAMES = ['content-security-policy', 'x-content-type-options', 'referrer-policy'];
const EMBEDS = allEmbedKeys().flatMap((k) => [`/embed/${k.key}/`, `/en/embed/${k.key}/`]);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const FILES = walk(DIST).map((f) => `/${relative(DIST, f).split(sep).join('/')}`);
const HTML = FILES.filter((f) => f.endsWith('.html'));
/** The URL a reader uses for each page (`/en/data/`, not `/en/data/index.html`). */
const PAGES = HTML.map((f) => f.replace(/index\.html$/, ''));

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

const site = nginxSite(DIST);

/** A page through nginx that records CSP violations as well as errors and foreign requests. */
async function open(width: number, height: number): Promise<PageProbe & { csp: string[] }> {
  const probe = await newPage(site.browser, { width, height, origin: site.server.origin });
  const csp = await watchCsp(probe.context);
  return Object.assign(probe, { csp });
}

/** Nothing went wrong on this page: no CSP violation, no error, nothing from another origin. */
function expectClean(probe: PageProbe & { csp: string[] }, what: string, options: { navigatedAway?: boolean } = {}) {
  expect(probe.csp, `${what}: CSP violations`).toEqual([]);
  // Leaving a page while its map still loads cancels those requests: that is no failure.
  const errors = probe.errors().filter((e) => !(options.navigatedAway && e.endsWith(': net::ERR_ABORTED')));
  expect(errors, `${what}: errors`).toEqual([]);
  expect(probe.foreignRequests, `${what}: foreign requests`).toEqual([]);
}

describe('response headers (nginx, generated from public/_headers)', () => {
  it('every file gets exactly the headers _headers gives its path, with one CSP', async () => {
    const urls = [...FILES, ...PAGES, '/no-such-page/'];
    const wrong: string[] = [];
    for (const path of urls) {
      const r = await fetch(site.server.url(path), { method: 'HEAD', redirect: 'manual' });
      const want = headersFor(RULES, path);
      for (const name of NAMES)
        if (r.headers.get(name) !== (want[name] ?? null)) wrong.push(`${path} ${name}: ${r.headers.get(name)} ≠ ${want[name]}`);
      // fetch joins repeated headers with ", ": a second CSP would show as a comma.
      if (r.headers.get('content-security-policy')?.includes(',')) wrong.push(`${path}: two CSPs`);
      if (path !== '/no-such-page/' && r.status !== 200) wrong.push(`${path}: HTTP ${r.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('scripts only from this origin (no unsafe-inline, no unsafe-eval), no plugins, no base or framing surprises', () => {
    for (const path of ['/', '/en/', '/data/', '/edition/', '/embed/', '/embed/pv/', '/en/embed/incidence/']) {
      const csp = directives(headersFor(RULES, path)['content-security-policy'] ?? '');
      const scripts = csp.get('script-src') ?? csp.get('default-src');
      expect(scripts, path).toEqual(["'self'"]);
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'none'"]);
      for (const [name, values] of csp)
        expect(
          values.filter((v) => /unsafe-eval|\*/.test(v)),
          `${path} ${name}`,
        ).toEqual([]);
    }
    const framing = (path: string) => directives(headersFor(RULES, path)['content-security-policy']!).get('frame-ancestors');
    for (const path of ['/', '/en/', '/data/', '/en/data/', '/edition/', '/embed/', '/en/embed/'])
      expect(framing(path), path).toEqual(["'none'"]);
    for (const path of EMBEDS) expect(framing(path), path).toEqual(["'self'", 'https:']);
  });

  it('answers a missing page with 404 and the same headers', async () => {
    const r = await fetch(site.server.url('/no-such-page/'));
    expect(r.status).toBe(404);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('the built HTML', () => {
  it('has no inline script, no event-handler attribute and no javascript: URL', () => {
    const found: string[] = [];
    for (const file of HTML) {
      const html = readFileSync(join(DIST, file), 'utf8');
      for (const m of html.matchAll(/<script\b([^>]*)>/gi)) if (!/\bsrc=/.test(m[1]!)) found.push(`${file}: inline <script${m[1]}>`);
      for (const m of html.matchAll(/<[a-z][^>]*?\s(on[a-z]+)=/gi)) found.push(`${file}: ${m[1]}= attribute`);
      if (/(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(html)) found.push(`${file}: javascript: URL`);
    }
    expect(found).toEqual([]);
  });
});

describe('hostile URL parameters and fragments', () => {
  // Long, but within what a server accepts in a request line (nginx answers 414 past 8 KB).
  const LONG = 'x'.repeat(2_000);
  const HOSTILE = [
    '<script>window.__pwned=1</script>',
    '"><img src=x onerror="window.__pwned=1">',
    'javascript:window.__pwned=1',
    LONG,
    '%00%E0%A4%A',
    '../../etc/passwd',
  ];
  // Every parameter a page might be expected to read; only the embed's allow-list is read at all.
  const NAMES = [
    'lang',
    'view',
    'region',
    'preset',
    'state',
    'key',
    'title',
    'source',
    'interactive',
    'theme',
    'childId',
    'initialWidth',
    'parentUrl',
    'parentTitle',
  ];
  /** Every name set to the value; a long value three names at a time (one request line ≤ 8 KB). */
  const queries = (value: string) => {
    const per = value.length > 500 ? 3 : NAMES.length;
    const out: string[] = [];
    for (let i = 0; i < NAMES.length; i += per)
      out.push(
        `?${NAMES.slice(i, i + per)
          .map((n) => `${n}=${encodeURIComponent(value)}`)
          .join('&')}`,
      );
    return out;
  };

  /** The page as it would be without parameters: what a hostile query must come back to. */
  const snapshot = (page: Page) =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      path: location.pathname,
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
      theme: document.documentElement.classList.contains('theme-dark'),
      heading: document.querySelector('h1, .map-title')?.textContent?.trim() ?? '',
    }));

  /**
   * The page has done what it does after load: two frames, and on the story the panel blocks
   * fetched at idle with their tools wired (they, and the language switch loaded with them, read
   * the address too). Checked before that, an echo written by them would go unseen.
   */
  const settled = async (page: Page) => {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    if (await page.locator('main.story').count()) await waitForPanelBlocks(page);
  };

  // The story, an embed and the data page: '/en/' and every other embed are the same components
  // and scripts reading the same parameters (the embed here is English, with a state switch).
  for (const path of ['/', '/en/embed/incidence/', '/data/']) {
    it(`${path}: defaults, nothing echoed, no error`, async () => {
      const probe = await open(1024, 800);
      const { page } = probe;
      await page.goto(site.server.url(path), { waitUntil: 'load' });
      await settled(page);
      const clean = await snapshot(page);
      for (const value of HOSTILE) {
        // The value in the fragment too, with the first query: one page load reads both.
        for (const url of queries(value).map((q, i) => `${path}${q}${i === 0 ? `#${encodeURIComponent(value)}` : ''}`)) {
          const r = await page.goto(site.server.url(url), { waitUntil: 'load' });
          expect(r?.status(), url.slice(0, 80)).toBe(200);
          await settled(page);
          expect(await snapshot(page), url.slice(0, 80)).toEqual(clean);
          const html = await page.content();
          for (const raw of ['<script>window.__pwned', 'onerror="window.__pwned', 'javascript:window.__pwned', LONG.slice(0, 200)])
            expect(html.includes(raw), `${url.slice(0, 60)} echoes ${raw.slice(0, 30)}`).toBe(false);
          // Links the page writes from the address (language switch, story links) stay plain paths.
          const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
          expect(
            hrefs.filter((h) => /javascript:|<|%3C/i.test(h)),
            url.slice(0, 60),
          ).toEqual([]);
        }
      }
      expectClean(probe, path, { navigatedAway: true });
      await probe.close();
    }, 120_000);
  }
});

describe('WebGL context loss mid-story (WEBGL_lose_context)', () => {
  const lose = (page: Page, selector: string) =>
    page.evaluate((s) => {
      const gl = document.querySelector<HTMLCanvasElement>(s)!.getContext('webgl2')!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { __restore: () => void }).__restore = () => ext.restoreContext();
      ext.loseContext();
    }, selector);

  it('story: falls back to the SVG in place, then draws again when the context comes back', async () => {
    const probe = await open(1440, 900);
    const { page } = probe;
    await page.goto(site.server.url('/'), { waitUntil: 'load' });
    await liveMap(page);
    const steps = await distinctMapStepIndices(page);
    await restStepAt(page, steps[2]!.index);
    await waitForSettledMap(page);
    await lose(page, '.map-canvas canvas');
    await page.waitForFunction(() => {
      const d = document.getElementById('story-map')!.dataset;
      return d.map === 'svg' && d.mapFallback === 'context-lost';
    });
    expect(await page.locator('.map-svg').evaluate((i) => getComputedStyle(i).visibility)).toBe('visible');
    // The story goes on over the SVG while the context is gone.
    await restStepAt(page, steps[3]!.index);
    await page.waitForFunction((key) => document.querySelector<HTMLImageElement>('.map-svg')!.src.endsWith(`/${key}.svg`), steps[3]!.key);
    await page.evaluate(() => (window as unknown as { __restore: () => void }).__restore());
    await waitForSettledMap(page);
    expect(await page.evaluate(() => document.getElementById('story-map')!.dataset.mapFallback)).toBeUndefined();
    expectClean(probe, 'context loss');
    await probe.close();
  }, 60_000);

  it('embed: falls back to the SVG', async () => {
    const probe = await open(640, 800);
    const { page } = probe;
    await page.goto(site.server.url('/embed/incidence/'), { waitUntil: 'load' });
    await liveMap(page);
    await lose(page, '.map-canvas canvas');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.embed-map')!.dataset.map === 'svg');
    expect(await page.locator('.map-svg').evaluate((i) => getComputedStyle(i).visibility)).toBe('visible');
    await page.evaluate(() => (window as unknown as { __restore: () => void }).__restore());
    await waitForSettledMap(page);
    expectClean(probe, 'embed context loss');
    await probe.close();
  }, 60_000);
});
