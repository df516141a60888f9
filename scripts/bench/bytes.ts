/**
 * Byte budgets, measured in Chromium through Playwright against the bench's nginx (gzip on, as a
 * host serves it): what a phone transfers for the story's first screen, the JavaScript among it,
 * the geography and data the live map then loads, and whether the map library waits until the
 * map is near the viewport (an embed below the fold of a host page).
 */
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { CHROMIUM } from './lighthouse.ts';

export interface Bytes {
  /** Transferred (gzip) bytes of every script the story page runs before the live map is needed. */
  jsBeforeMap: number;
  jsFiles: string[];
  /** Everything transferred for the first screen (390 × 844, no input): headers and bodies. */
  firstScreen: number;
  firstScreenRequests: number;
  /** The JSON the live map fetches (views + geography), transferred. */
  mapData: number;
  mapDataFiles: string[];
  /** MapLibre's code (transferred) once the map is live: for the record, no budget. */
  mapLibrary: number;
  /** The map library was not requested while the embed was below the fold, and was once it was scrolled to. */
  mapLoadsWhenNear: boolean;
  mapLoadsWhenNearDetail: string;
}

interface Transfer {
  url: string;
  body: number;
  headers: number;
  type: string;
}

/** Every response of the page, with its transferred (encoded) size. */
function record(page: Page): Transfer[] {
  const out: Transfer[] = [];
  page.on('response', (r: Response) => {
    void r
      .request()
      .sizes()
      .then((s) => out.push({ url: r.url(), body: s.responseBodySize, headers: s.responseHeadersSize, type: r.request().resourceType() }))
      .catch(() => undefined);
  });
  return out;
}

const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        // Fonts, then two idle periods: whatever the page starts on its own has started.
        void document.fonts.ready.then(() => requestIdleCallback(() => requestIdleCallback(() => done(), { timeout: 2000 }), { timeout: 2000 }));
      }),
  );

async function storyFirstScreen(browser: Browser, origin: string): Promise<Pick<Bytes, 'jsBeforeMap' | 'jsFiles' | 'firstScreen' | 'firstScreenRequests' | 'mapData' | 'mapDataFiles' | 'mapLibrary'>> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const transfers = record(page);
  await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
  await settle(page);
  // The map's code and data are fetched at idle once the page has loaded (story.ts), so the
  // first input waits for no network: counted apart from the first screen.
  const isMap = (t: Transfer) => /map-runtime|maplibre|\.topo\.json|\/views\/(zh|en)\.json/.test(t.url);
  const first = transfers.filter((t) => !isMap(t));
  const js = first.filter((t) => t.type === 'script' || /\.m?js(\?|$)/.test(t.url));
  // Now the reader touches the page: the live map loads.
  await page.mouse.move(4, 4);
  await page.waitForFunction(() => document.getElementById('story-map')?.dataset.map === 'maplibre', null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const data = transfers.filter((t) => isMap(t) && /\.json(\?|$)/.test(t.url));
  const library = transfers.filter((t) => /map-runtime|maplibre/.test(t.url));
  await context.close();
  const sum = (ts: Transfer[], withHeaders = false) => ts.reduce((s, t) => s + t.body + (withHeaders ? t.headers : 0), 0);
  return {
    jsBeforeMap: sum(js),
    jsFiles: js.map((t) => new URL(t.url).pathname),
    firstScreen: sum(first, true),
    firstScreenRequests: first.length,
    mapData: sum(data),
    mapDataFiles: data.map((t) => new URL(t.url).pathname),
    mapLibrary: sum(library),
  };
}

/** A host page with the embed two screens down: no MapLibre before it is scrolled to, MapLibre after. */
async function embedBelowTheFold(browser: Browser, origin: string): Promise<Pick<Bytes, 'mapLoadsWhenNear' | 'mapLoadsWhenNearDetail'>> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const host = `${origin}/bench-host/`;
  await page.goto(host, { waitUntil: 'networkidle' });
  const frame = await page.waitForSelector('iframe');
  const inner = await frame.contentFrame();
  // The reader's first input inside the frame while it is below the fold: the map must still wait.
  await inner!.waitForFunction(() => document.documentElement.classList.contains('js'));
  await inner!.evaluate(async () => {
    dispatchEvent(new Event('pointermove'));
    for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
  });
  await settle(page);
  const before = requested.filter((u) => /map-runtime|maplibre/.test(u)).length;
  // Scrolled to, with no further input in the frame.
  await frame.scrollIntoViewIfNeeded();
  await inner!.waitForFunction(() => document.querySelector<HTMLElement>('.embed-map')?.dataset.map === 'maplibre', null, { timeout: 30_000 });
  const after = requested.filter((u) => /map-runtime|maplibre/.test(u)).length;
  await context.close();
  return { mapLoadsWhenNear: before === 0 && after > 0, mapLoadsWhenNearDetail: `map code requests: ${before} while below the fold after an input in the frame, ${after} once scrolled to` };
}

export async function measureBytes(origin: string): Promise<Bytes> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  try {
    return { ...(await storyFirstScreen(browser, origin)), ...(await embedBelowTheFold(browser, origin)) };
  } finally {
    await browser.close();
  }
}

/** The host page for embedBelowTheFold: two screens of text, then the embed (same origin: served by the bench). */
export const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,"></head>
<body><div style="height:1800px">An article, two screens of text before the map.</div>
<iframe src="/embed/pv/" title="map" style="width:100%;height:900px;border:0"></iframe></body></html>`;
