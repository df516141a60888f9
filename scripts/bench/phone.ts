/**
 * The story as a reader's mid-range phone gets it: applied throttling, not Lighthouse's
 * simulation (which does not see what happens after the first input).
 *
 * Chromium through Playwright, a 390 × 844 touch screen (DPR 2), and through the DevTools protocol
 * `Emulation.setCPUThrottlingRate` 4 and `Network.emulateNetworkConditions` 1.6 Mbps down,
 * 750 kbps up, 150 ms RTT. Each run opens the page in a fresh context (empty cache) and records,
 * in the page (PerformanceObserver, buffered):
 * - LCP, and TBT = Σ (long task − 50 ms) from the first contentful paint until the reader's first
 *   touch, which comes once the page has loaded, its network is quiet (500 ms without a
 *   request: the map code fetched at idle has arrived) and the main thread idle;
 * - then a tap every 150 ms on the text, from the first touch until the live map is drawn
 *   (`story-map-idle` mark, map-runtime.ts): the longest Event Timing duration among them (what
 *   the reader waits for an answer), the time from the first touch to the map drawn, and the
 *   longest main-thread task in that window.
 * The text-only copy (baseline.ts) is opened alternately with the story for the LCP ratio.
 *
 * `npx tsx scripts/bench/phone.ts [runs] [en]` measures the already built dist/ on its own
 * (`DIST=folder` another build, e.g. one of the commit before, to compare on the same machine).
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM } from './lighthouse.ts';

export const PHONE = { width: 390, height: 844 } as const;
export const THROTTLE = { cpu: 4, downKbps: 1600, upKbps: 750, rttMs: 150 } as const;
/** A reader tapping the text while the map starts. */
const TAP_EVERY_MS = 150;

export interface PhoneRun {
  lcpMs: number;
  tbtMs: number;
  /** Longest Event Timing duration of the taps from the first input until the map was drawn. */
  maxInputDelayMs: number;
  taps: number;
  /** First input → `story-map-idle`; NaN if the map never drew. */
  mapDrawnMs: number;
  /** Longest task between the first input and the map drawn. */
  longestTaskMs: number;
  /** The longest tap's parts: input delay, processing, presentation (until the next frame was shown). */
  worstTap: string;
  /** The map's start-up marks (map-runtime.ts), page time: where a slow start spent its time. */
  marks: string[];
  firstInputMs: number;
}

/** Set before any page script: collects what the run reads back. */
function observe() {
  const w = window as unknown as { __bench: { lcp: number; fcp: number; tasks: Array<[number, number]>; events: Array<[number, number, number, number, number]>; firstInput: number } };
  w.__bench = { lcp: 0, fcp: 0, tasks: [], events: [], firstInput: -1 };
  const b = w.__bench;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (b.lcp = e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => e.name === 'first-contentful-paint' && (b.fcp = e.startTime))).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => b.tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      const id = (e as PerformanceEntry & { interactionId?: number }).interactionId ?? 0;
      const t = e as PerformanceEventTiming;
      if (id) b.events.push([e.startTime, e.duration, id, t.processingStart - t.startTime, t.processingEnd - t.processingStart]);
    }),
  ).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
  addEventListener('touchstart', (e) => b.firstInput < 0 && (b.firstInput = e.timeStamp), { capture: true, passive: true });
}

/** Applied throttling (THROTTLE) on a page, through the DevTools protocol (the session, for more): the network and the CPU. */
export async function throttle(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLE.rttMs,
    downloadThroughput: (THROTTLE.downKbps * 1000) / 8,
    uploadThroughput: (THROTTLE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
  return cdp;
}

async function throttledPage(context: BrowserContext) {
  const page = await context.newPage();
  await throttle(context, page);
  await page.addInitScript(observe);
  return page;
}

const idle = `new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => done(0), { timeout: 3000 }), { timeout: 3000 }))`;

/** The live map is drawn (`story-map-idle`), or has given way to the SVG for good. */
export const MAP_DRAWN = `performance.getEntriesByName('story-map-idle').length > 0 || !!document.getElementById('story-map')?.dataset.mapFallback`;

/**
 * Polls `expression` in the page every 100 ms until it is true (false after `timeoutMs`), with
 * `page.evaluate` only. Playwright's locators and `waitForFunction` put its injected script in
 * the page, which listens for touchstart and touchend on the window without `passive`: every
 * touch then waits for the main thread before the browser may make a tap of it, which no
 * reader's phone does (it doubled the bench's slowest taps).
 */
export async function pollUntil(page: Page, expression: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await page.evaluate(expression).catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** One throttled visit; `story` false: the text-only copy, LCP only. */
async function visit(browser: Browser, url: string, story: boolean): Promise<PhoneRun> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true });
  try {
    const page = await throttledPage(context);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // The reader starts once the page has loaded and gone quiet: what it fetches at idle (the
    // map's code and data) has arrived. A tap before then waits for that download.
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    await page.evaluate(idle);
    let mapDrawn = false;
    if (story) {
      // The reader taps the text (the first step's paragraph, away from links) every 150 ms until the map is drawn.
      const top = await page.evaluate(() => document.querySelector('.step p')?.getBoundingClientRect().top ?? null);
      const x = Math.round(PHONE.width / 2), y = Math.round(top === null ? PHONE.height * 0.8 : Math.min(PHONE.height - 40, Math.max(40, top + 10)));
      const drawn = pollUntil(page, MAP_DRAWN, 30_000).then((yes) => (mapDrawn = yes));
      let done = false;
      void drawn.then(() => (done = true));
      const pending: Array<Promise<unknown>> = [];
      while (!done) {
        pending.push(page.touchscreen.tap(x, y).catch(() => undefined));
        await new Promise((r) => setTimeout(r, TAP_EVERY_MS));
      }
      await Promise.all(pending);
      await page.evaluate(idle);
    }
    const b = await page.evaluate(() => {
      const w = window as unknown as { __bench: { lcp: number; fcp: number; tasks: Array<[number, number]>; events: Array<[number, number, number, number, number]>; firstInput: number } };
      const idleMark = performance.getEntriesByName('story-map-idle')[0]?.startTime ?? NaN;
      const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('story-map')).map((m) => `${m.name.replace('story-map-', '')}@${Math.round(m.startTime)}`);
      return { ...w.__bench, idleMark, marks, map: document.getElementById('story-map')?.dataset.map ?? '' };
    });
    const before = b.firstInput >= 0 ? b.firstInput : Infinity;
    const tbt = b.tasks.filter(([s]) => s >= b.fcp && s < before).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    const end = Number.isFinite(b.idleMark) ? b.idleMark : Infinity;
    const during = b.tasks.filter(([s, d]) => s + d > before && s < end);
    const taps = b.events.filter(([s]) => s >= before - 1 && s <= end);
    return {
      lcpMs: b.lcp,
      tbtMs: tbt,
      maxInputDelayMs: Math.max(0, ...taps.map(([, d]) => d)),
      worstTap: (([s, d, , delay, proc]: [number, number, number, number, number]) =>
        `@${Math.round(s)} ${Math.round(delay)}+${Math.round(proc)}+${Math.round(d - delay - proc)}`)([...taps].sort((a, b) => b[1] - a[1])[0] ?? [0, 0, 0, 0, 0]),
      taps: new Set(taps.map(([, , id]) => id)).size,
      mapDrawnMs: story && mapDrawn && b.firstInput >= 0 ? b.idleMark - b.firstInput : NaN,
      longestTaskMs: Math.max(0, ...during.map(([, d]) => d)),
      marks: [...b.marks, `data-map=${b.map}`],
      firstInputMs: b.firstInput,
    };
  } finally {
    await context.close();
  }
}

export interface PhoneFigures {
  story: PhoneRun[];
  baseline: PhoneRun[];
}

/** `runs` alternating visits of the story and its text-only copy. */
export async function measurePhone(storyUrl: string, baselineUrl: string, runs: number, log: (s: string) => void = () => undefined): Promise<PhoneFigures> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const out: PhoneFigures = { story: [], baseline: [] };
  try {
    for (let i = 0; i < runs; i++) {
      log(`phone ${new URL(storyUrl).pathname} run ${i + 1}/${runs} (story, then text-only) …`);
      out.story.push(await visit(browser, storyUrl, true));
      out.baseline.push(await visit(browser, baselineUrl, false));
    }
  } finally {
    await browser.close();
  }
  return out;
}

/**
 * Lighthouse's BenchmarkIndex of this machine, unthrottled and at THROTTLE.cpu: which phone the
 * profile stands for here. CPU throttling is relative to the host, so 4× is a slower phone on a
 * slower machine (DevTools' calibration calls 1000 a mid-tier phone, 264 a low-tier one). Printed
 * beside the figures and kept in results.jsonl, so runs on two machines can be told apart.
 */
export async function cpuIndex(): Promise<{ host: number; throttled: number }> {
  const { pageFunctions } = await import('lighthouse/core/lib/page-functions.js');
  const run = `(${pageFunctions.computeBenchmarkIndex.toString()})()`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--no-first-run'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const at = async (rate: number) => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      return Math.round(Number(await page.evaluate(run)));
    };
    // A first run warms V8 up (DevTools' calibration does the same): cold, it reads about half.
    await at(1);
    return { host: await at(1), throttled: await at(THROTTLE.cpu) };
  } finally {
    await browser.close();
  }
}

export const median = (xs: number[]): number => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// Standalone: measure dist/ as built.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { join } = await import('node:path');
  const { startNginx } = await import('../lib/nginx.ts');
  const { writeBaseline } = await import('./baseline.ts');
  const { ROOT } = await import('./build.ts');
  const runs = Number(process.argv[2] ?? 3);
  const site = process.env.DIST ?? join(ROOT, 'dist');
  const paths = process.argv[3] === 'en' ? ['/en/', writeBaseline(site, 'en', 'en/bench/baseline')] : ['/', writeBaseline(site, '', 'bench/baseline')];
  const server = await startNginx(site, { tls: true });
  try {
    const index = await cpuIndex();
    console.log(`BenchmarkIndex: this machine ${index.host}, at CPU ${THROTTLE.cpu}× ${index.throttled}`);
    const f = await measurePhone(server.url(paths[0]!), server.url(paths[1]!), runs, (s) => process.stderr.write(`${s}\n`));
    const r = (x: number) => Math.round(x);
    for (const [i, s] of f.story.entries())
      console.log(`story LCP ${r(s.lcpMs)} (text-only ${r(f.baseline[i]!.lcpMs)}) TBT ${r(s.tbtMs)} (text-only ${r(f.baseline[i]!.tbtMs)}) | ${s.taps} taps, max ${r(s.maxInputDelayMs)} ms (${s.worstTap}: delay+processing+presentation) | map drawn ${r(s.mapDrawnMs)} ms after first input, longest task ${r(s.longestTaskMs)} ms | input@${r(s.firstInputMs)} ${s.marks.join(' ')}`);
  } finally {
    await server.close();
  }
}
