/**
 * The English edition (/en/) and the language switch, in real Chromium against dist/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, type PageProbe, builtSite } from './harness.ts';
import { DEFAULT_SITE_URL } from '../../src/site/urls.ts';
import { waitForPanelBlocks } from './story-helpers.ts';

const SITE = process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : DEFAULT_SITE_URL;

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

/** What a reader sees: runs of white space count as one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const site = builtSite();

/** Is the chapter the one being read: does its box span the layout's reading line (`--story-trigger`)? */
const chapterInView = (page: Page, id: string) =>
  page.locator(`section.chapter[id="${id}"]`).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const trigger = parseFloat(getComputedStyle(document.querySelector('main.story')!).getPropertyValue('--story-trigger'));
    const line = window.innerHeight * (trigger > 0 && trigger < 1 ? trigger : 0.55);
    return r.top <= line + 1 && r.bottom >= line;
  });

describe.each(VIEWPORTS)('the English edition at $width×$height', ({ name, width, height }) => {
  let probe: PageProbe;

  beforeAll(async () => {
    probe = await newPage(site.browser, { width, height });
  });
  afterAll(async () => {
    await probe?.close();
  });

  it('is an English page with hreflang alternates for both languages', async () => {
    const { page } = probe;
    const response = await page.goto(site.url('/en/'), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const alternates = await page.$$eval('link[rel=alternate][hreflang]', (links) =>
      links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
    );
    expect(alternates).toEqual([
      ['zh-CN', `${SITE}/`],
      ['en', `${SITE}/en/`],
      ['x-default', `${SITE}/`],
    ]);
    const zh = await probe.context.request.get(site.url('/'));
    expect(await zh.text()).toContain(`<link rel="alternate" hreflang="en" href="${SITE}/en/">`);
  });

  it('shows the English text with its figures rendered from the data', async () => {
    const { page } = probe;
    expect(squash(await page.locator('.masthead-marker').innerText())).toBe('National Poverty Alleviation Day · Special Edition ①');
    const lin = squash(await page.locator('p[id="linxian-p1"]').innerText());
    expect(lin).toContain('Lin County (临县)');
    expect(lin).toContain('79,700 households, or 205,300 people, out of poverty');
    expect(lin).toContain('from 39.5% to 0.39%');
    expect(squash(await page.locator('p[id="linxian-p4"]').innerText())).toContain('CNY 160 million a year');
    expect(squash(await page.locator('p[id="lead-deck"]').innerText())).toMatch(
      /^The city has lifted a total of 217,000 households, or 585,000 people/,
    );
    expect(squash(await page.locator('p[id="lead-p7"]').innerText())).toContain('11.5 [unit missing in the original] poor people');
    expect(squash(await page.locator('li[id="cap-4"]').innerText())).toContain('40,000 people');
    expect(squash(await page.locator('#lanxian-title').innerText())).toMatch(/^Lan County: a distinctive road/);
    expect(squash(await page.locator('#shilou-title').innerText())).toBe('Shilou County (石楼县)(no headline in the original)');
    // The translated text is English: no Chinese outside the parenthesised names.
    const texts = await page.$$eval('#story-text .step:is(.step-headline, .step-deck, .step-paragraph, .step-captions)', (steps) =>
      steps.map((s) => (s as HTMLElement).innerText),
    );
    expect(texts.length).toBeGreaterThan(30);
    const story = squash(texts.join(' ')).replace(/\([^()]*\)/g, '');
    expect(story.match(/\p{Script=Han}+/gu)).toBeNull();
  });

  it('switches from /#lanxian to /en/#lanxian and back, landing on the same chapter', async () => {
    const { page } = probe;
    await page.goto(site.url('/#lanxian'), { waitUntil: 'load' });
    await waitForPanelBlocks(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => chapterInView(page, 'lanxian'), { timeout: 10_000 }).toBe(true);
    const toEn = page.locator('.story-masthead a[data-lang-switch]');
    expect(squash(await toEn.innerText())).toBe('English');
    expect(await toEn.getAttribute('hreflang')).toBe('en');
    // Its place-keeping loads once the page has loaded (story.ts): then the link names the chapter.
    await expect.poll(() => toEn.getAttribute('href')).toBe('/en/#lanxian');
    // The switch is in the masthead: the click scrolls back up to it first, past the chapters above.
    await Promise.all([page.waitForURL('**/en/#lanxian'), toEn.click()]);
    await waitForPanelBlocks(page);
    expect(new URL(page.url()).pathname).toBe('/en/');
    expect(await page.evaluate(() => location.hash)).toBe('#lanxian');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => chapterInView(page, 'lanxian'), { timeout: 10_000 }).toBe(true);
    await screenshot(page, `language-${name}-en-lanxian`);

    const toZh = page.locator('.story-masthead a[data-lang-switch]');
    expect(squash(await toZh.innerText())).toBe('中文');
    await expect.poll(() => toZh.getAttribute('href')).toBe('/#lanxian');
    await Promise.all([page.waitForURL((url) => url.pathname === '/' && url.hash === '#lanxian'), toZh.click()]);
    await waitForPanelBlocks(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => chapterInView(page, 'lanxian'), { timeout: 10_000 }).toBe(true);
  });

  it('keeps the chapter the reader scrolled to, without a hash in the address', async () => {
    const { page } = probe;
    await page.goto(site.url('/en/'), { waitUntil: 'load' });
    expect(await page.getAttribute('.story-masthead a[data-lang-switch]', 'href')).toBe('/');
    await page.locator('p[id="xingxian-p2"]').evaluate((p) => p.scrollIntoView({ block: 'center' }));
    await expect.poll(() => page.getAttribute('.story-masthead a[data-lang-switch]', 'href'), { timeout: 5000 }).toBe('/#xingxian');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/' && url.hash === '#xingxian'),
      page.locator('.story-masthead a[data-lang-switch]').click(),
    ]);
    await waitForPanelBlocks(page);
    await expect.poll(() => chapterInView(page, 'xingxian'), { timeout: 10_000 }).toBe(true);
  });

  // A fresh /en/, loaded and done with its after-load work, is checked for foreign requests and
  // errors by the reader walk (reader-walk.ts); here, the pages the switch went through.
  it('loads nothing from another origin and throws no error on the pages switched between', async () => {
    expect(probe.foreignRequests).toEqual([]);
    expect(probe.pageErrors).toEqual([]);
  });
});
