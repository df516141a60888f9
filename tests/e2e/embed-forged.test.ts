/**
 * resize.js applies a height only from the frame's own window, on the embed origin, in our
 * shape, within a sane range. Everything else is ignored — checked by recording every height
 * the host's frames are ever given, then sending one genuine message last: messages arrive in
 * order, so once it has been applied every forged one before it has been handled (no sleeps).
 */
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iframeSnippet } from '../../src/embed/snippet.ts';
import { articlePage, startHostServer, type HostServer } from './fixtures/host-server.ts';
import { embedFrame, expectFitted } from './embed-helpers.ts';
import { launchBrowser, newPage, startServer, type PageProbe, type StaticServer } from './harness.ts';

let site: StaticServer;
let host: HostServer;
let browser: Browser;
let probe: PageProbe;
let a: Frame;
let c: Frame;
const FORGED = 333;

const msg = (height: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'lvliang-map:height',
  v: 1,
  id: 'zh:overview',
  height,
  ...extra,
});
/** The heights frame #a has been given so far, in order. */
const heightsOfA = () => probe.page.evaluate(() => (window as unknown as { heights: string[] }).heights.slice());

beforeAll(async () => {
  site = await startServer();
  host = await startHostServer();
  browser = await launchBrowser();
  probe = await newPage(browser, { width: 1000, height: 900, origin: host.origin });
  const s = (key: string, id: string) =>
    iframeSnippet({
      origin: site.origin,
      lang: 'zh',
      key,
      title: key,
      description: '',
      height: 500,
      storyUrl: site.url('/'),
      imageKey: key,
    })
      .replace('<iframe ', `<iframe id="${id}" loading="eager" `)
      .replace(' loading="lazy"', '');
  host.page('/blank.html', '<!doctype html><title>blank</title>');
  const url = host.page(
    '/forged.html',
    articlePage(
      'Forged messages',
      `${s('overview', 'a')}${s('pv', 'c')}<iframe id="b" src="${host.url('/blank.html')}" title="another frame"></iframe>
<script>
  window.heights = [];
  new MutationObserver(() => window.heights.push(document.getElementById('a').style.height))
    .observe(document.getElementById('a'), { attributes: true, attributeFilter: ['style'] });
</script>`,
    ),
  );
  await probe.page.goto(url);
  a = await embedFrame(probe.page, site.origin, '/embed/overview/');
  c = await embedFrame(probe.page, site.origin, '/embed/pv/');
  await expectFitted(probe.page, a, '#a');
  await expectFitted(probe.page, c, '#c');
});
afterAll(async () => {
  await probe?.close();
  await browser?.close();
  await host?.close();
  await site?.close();
});

/** Sends a genuine height from frame #a and waits until the host applied it. */
async function genuine(height: number) {
  await a.evaluate((m) => parent.postMessage(m, '*'), msg(height));
  await expect.poll(() => probe.page.locator('#a').evaluate((el) => el.getBoundingClientRect().height)).toBe(height);
}

describe('resize.js ignores forged messages', () => {
  it('from the host page itself, another origin’s frame, and another embed frame using #a’s id', async () => {
    const before = await heightsOfA();
    await probe.page.evaluate((m) => window.postMessage(m, '*'), msg(FORGED));
    const b = probe.page.frames().find((f) => f.url().includes('/blank.html'))!;
    await b.evaluate((m) => parent.postMessage(m, '*'), msg(FORGED));
    // Embed origin, right shape, but sent by frame #c: only #c may take it.
    await c.evaluate((m) => parent.postMessage(m, '*'), msg(FORGED));
    await expect.poll(() => probe.page.locator('#c').evaluate((el) => el.style.height)).toBe(`${FORGED}px`);
    await genuine(401);
    // Only genuine heights (the page's own reports, then 401), never the forged one.
    const given = (await heightsOfA()).slice(before.length);
    expect(given).not.toContain(`${FORGED}px`);
    expect(given.at(-1)).toBe('401px');
  });

  it('from the frame itself: non-JSON, malformed, wrong type or version, absurd heights', async () => {
    const before = await heightsOfA();
    const junk: unknown[] = [
      'not json',
      '{"type":"lvliang-map:height","v":1,"height":333',
      JSON.stringify(msg(FORGED)), // a string, not our object form
      `pymxPYMxaxPYMxheightxPYMx${FORGED}`,
      null,
      42,
      [FORGED],
      msg(String(FORGED)),
      msg(FORGED, { v: 2 }),
      msg(FORGED, { type: 'other:height' }),
      msg(Number.NaN),
      msg(-5),
      msg(0),
      msg(Number.POSITIVE_INFINITY),
      msg(1e9),
      { sentinel: 'amp', type: 'embed-size', height: FORGED }, // AMP's form is for AMP hosts, not resize.js
    ];
    await a.evaluate((list) => {
      for (const m of list) parent.postMessage(m, '*');
    }, junk);
    await genuine(402);
    const given = (await heightsOfA()).slice(before.length);
    // Nothing forged, and nothing clamped from a rejected height (0, -5 → 60 px; ∞, 10⁹ → 20 000 px).
    for (const wrong of [`${FORGED}px`, '60px', '20000px']) expect(given).not.toContain(wrong);
    expect(given.at(-1)).toBe('402px');
  });

  it('from #a’s window once it has navigated to another origin', async () => {
    const before = await heightsOfA();
    // The iframe's src still names the embed, but its window is now on the host's origin.
    const navigate = (url: string) =>
      probe.page.evaluate((u) => (document.getElementById('a') as HTMLIFrameElement).contentWindow!.location.replace(u), url);
    await navigate(host.url('/blank.html?navigated'));
    const away = await embedFrame(probe.page, host.origin, '/blank.html?navigated');
    await away.waitForLoadState();
    await away.evaluate((m) => parent.postMessage(m, '*'), msg(FORGED));
    await navigate(`${site.origin}/embed/overview/?back=1`);
    a = await embedFrame(probe.page, site.origin, '/embed/overview/?back=1');
    // Back on the embed origin, the page reports its real height again.
    await expectFitted(probe.page, a, '#a');
    expect((await heightsOfA()).slice(before.length)).not.toContain(`${FORGED}px`);
    expect(probe.errors()).toEqual([]);
  });

  it('clamps a plausible but huge height to 20 000 px, and the page’s next report undoes it', async () => {
    await a.evaluate((m) => parent.postMessage(m, '*'), msg(50_000));
    await expect.poll(() => probe.page.locator('#a').evaluate((el) => el.style.height)).toBe('20000px');
    // The host asks; the page answers with its real height.
    await probe.page.evaluate(() =>
      (document.getElementById('a') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'lvliang-map:ask', v: 1 }, '*'),
    );
    await expectFitted(probe.page, a, '#a');
  });
});
