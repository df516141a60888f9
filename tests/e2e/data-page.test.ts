/**
 * The open-data page in real Chromium: every figure listed, sort and filter, each row leading
 * to its highlighted sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, ROOT, screenshot, startServer, type PageProbe, type StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;
let probe: PageProbe;
const metrics = JSON.parse(readFileSync(join(ROOT, 'data/metrics.json'), 'utf8')).metrics as Array<{
  id: string;
  region: string;
  value: number | null;
  range: { low: number; high: number } | null;
  raw: string;
  quote: string;
}>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  probe = await newPage(browser, { width: 1440, height: 900 });
  await probe.page.goto(server.url('/data/'), { waitUntil: 'load' });
});
afterAll(async () => {
  await probe?.close();
  await browser?.close();
  await server?.close();
});

const visibleIds = () =>
  probe.page.$$eval('.metrics-table tbody tr:not([hidden])', (rows) => rows.map((r) => (r as HTMLElement).dataset.id!));

describe('the data page', () => {
  it('lists every figure of metrics.json once, with its raw form and quote', async () => {
    const ids = await visibleIds();
    expect([...ids].sort()).toEqual(metrics.map((m) => m.id).sort());
    const row = await probe.page.locator('#row-lin-pv-capacity').innerText();
    expect(row).toContain('197.02MW');
    expect(row).toContain('累计建成光伏扶贫电站197.02MW');
  });

  it('filters by county and unit, and says how many rows it shows', async () => {
    await probe.page.selectOption('select[name=region]', '141124');
    const lin = await visibleIds();
    expect(lin.length).toBe(metrics.filter((m) => m.region === '141124').length);
    expect(lin.every((id) => metrics.find((m) => m.id === id)!.region === '141124')).toBe(true);
    await probe.page.selectOption('select[name=unit]', 'percent');
    expect(await visibleIds()).toEqual(expect.arrayContaining(['lin-poverty-incidence-before', 'lin-poverty-incidence-after']));
    await expect.poll(() => probe.page.locator('.table-count').innerText()).toMatch(/显示 \d+ \/ 109/);
    await probe.page.selectOption('select[name=region]', '');
    await probe.page.selectOption('select[name=unit]', '');
    expect((await visibleIds()).length).toBe(metrics.length);
  });

  it('sorts by normalised value, both ways', async () => {
    const header = probe.page.locator('th[data-sort=value] button');
    await header.click();
    const up = await visibleIds();
    const value = (id: string) => {
      const m = metrics.find((x) => x.id === id)!;
      return m.value ?? m.range!.low;
    }; // a range sorts by its low end
    expect(up.map(value)).toEqual([...up.map(value)].sort((a, b) => a - b));
    expect(await probe.page.getAttribute('th[data-sort=value]', 'aria-sort')).toBe('ascending');
    await header.click();
    const down = await visibleIds();
    expect(down[0]).toBe(up.at(-1));
    expect(await probe.page.getAttribute('th[data-sort=value]', 'aria-sort')).toBe('descending');
  });

  it('takes a row to its sentence in the restored text, highlighted', async () => {
    await probe.page.click('#row-lin-poverty-incidence-before a');
    await probe.page.waitForFunction(() => location.hash === '#fig-lin-poverty-incidence-before');
    const sentence = probe.page.locator('.sentence:has(mark:target)');
    await expect.poll(() => sentence.count()).toBe(1);
    expect(await sentence.innerText()).toContain('贫困发生率由39.5%降至0.39%');
    const bg = await sentence.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    await screenshot(probe.page, 'data-page-sentence');
  });

  it('marks every figure in the restored text, and the unit-less one as unreadable', async () => {
    const marked = await probe.page.$$eval('.marked-text mark[id^="fig-"]:not([id*="-again-"])', (ms) => ms.map((m) => m.id.slice(4)));
    expect([...marked].sort()).toEqual(metrics.map((m) => m.id).sort());
    expect(await probe.page.locator('.marked-text .unreadable').innerText()).toBe('11.5');
  });

  it('loads nothing from another origin and logs no errors', () => {
    expect(probe.foreignRequests).toEqual([]);
    expect(probe.errors()).toEqual([]);
  });
});

describe('the language switch on the data page', () => {
  it.each(['/data/', '/en/data/'])('%s: the back link and the language switch stand apart, as two links', async (path) => {
    const p = await newPage(browser, { width: 390, height: 844 });
    try {
      await p.page.goto(server.url(path), { waitUntil: 'load' });
      const [back, other] = await p.page.$$eval('.data-nav a', (links) => links.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
      // On one line with at least a word space between them, or each on its own line.
      const apart = back!.bottom <= other!.top || other!.left - back!.right >= 12;
      expect(apart, `back ${back!.right}, switch ${other!.left}`).toBe(true);
    } finally {
      await p.close();
    }
  });

  const switchHref = (page: PageProbe['page']) => page.getAttribute('.data-nav a[data-lang-switch]', 'href');
  /**
   * Scrolls by `by` px, or to centre `selector`'s first match, and resolves once the scroll event
   * has been dispatched (a frame later): the page's listeners have run (and armed their timers).
   */
  const scrolled = (page: PageProbe['page'], to: { by: number } | { selector: string }) =>
    page.evaluate((t) => {
      const dispatched = new Promise((done) => addEventListener('scroll', done, { once: true }));
      if ('by' in t) scrollBy({ top: t.by, behavior: 'instant' });
      else document.querySelector(t.selector)!.scrollIntoView({ block: 'center' });
      return dispatched;
    }, to);

  it('carries the #fragment the page was opened at: a figure’s sentence', async () => {
    const fresh = await newPage(browser, { width: 1440, height: 900 });
    await fresh.page.goto(server.url('/data/#fig-lin-poverty-incidence-before'), { waitUntil: 'load' });
    await expect.poll(() => switchHref(fresh.page)).toBe('/en/data/#fig-lin-poverty-incidence-before');
    await Promise.all([
      fresh.page.waitForURL('**/en/data/#fig-lin-poverty-incidence-before'),
      fresh.page.click('.data-nav a[data-lang-switch]'),
    ]);
    expect(await fresh.page.getAttribute('html', 'lang')).toBe('en');
    await fresh.close();
  });

  it('keeps that #fragment while its sentence is on screen, through scrolling the reader did not do', async () => {
    const fresh = await newPage(browser, { width: 1440, height: 900 });
    const { page } = fresh;
    // The page's timers run only when the test says: the switch waits for the page to rest (0.5 s).
    await page.clock.install();
    await page.goto(server.url('/data/#fig-lin-poverty-incidence-before'), { waitUntil: 'load' });
    await page.clock.runFor(1_000);
    expect(await switchHref(page)).toBe('/en/data/#fig-lin-poverty-incidence-before');
    // The browser keeping the text in place as late content lays out: a small scroll, the sentence still on screen.
    await scrolled(page, { by: -60 });
    await page.clock.runFor(1_000);
    expect(await switchHref(page)).toBe('/en/data/#fig-lin-poverty-incidence-before');
    // Scrolled on until the sentence has left the screen: the switch follows the section read.
    await scrolled(page, { selector: '#text-xingxian p' });
    await page.clock.runFor(1_000);
    expect(await switchHref(page)).toBe('/en/data/#text-xingxian');
    await fresh.close();
  });

  it('carries the section or article scrolled to, and lands there in the other language', async () => {
    const fresh = await newPage(browser, { width: 390, height: 844 });
    const { page } = fresh;
    await page.goto(server.url('/en/data/'), { waitUntil: 'load' });
    expect(await switchHref(page)).toBe('/data/');
    await scrolled(page, { selector: '#text-linxian p' });
    await expect.poll(() => switchHref(page), { timeout: 5000 }).toBe('/data/#text-linxian');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/data/' && url.hash === '#text-linxian'),
      page.click('.data-nav a[data-lang-switch]'),
    ]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('#text-linxian').evaluate((a) => Math.abs(a.getBoundingClientRect().top) < 2)).toBe(true);
    expect(fresh.errors().filter((e) => !e.endsWith('net::ERR_ABORTED'))).toEqual([]);
    await fresh.close();
  });
});

// The downloads themselves (CSV, JSON, TopoJSON, GeoJSON) are opened with GDAL and csvkit in downloads.test.ts.
