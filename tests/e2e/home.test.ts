/**
 * The home page (reading view) in real Chromium, against the built site in dist/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Edition } from '../../src/schema/edition.ts';
import { launchBrowser, newPage, ROOT, screenshot, startServer, type PageProbe, type StaticServer } from './harness.ts';

/** Read after the server starts, so that a failed build is the error a reader sees first. */
let edition: Edition;

/** What a reader sees: runs of white space count as one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  edition = Edition.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'edition.json'), 'utf8')));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(VIEWPORTS)('home page at $width×$height', ({ width, height }) => {
  let probe: PageProbe;
  let text: string;

  beforeAll(async () => {
    probe = await newPage(browser, { width, height });
    const response = await probe.page.goto(server.url('/edition/'), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await probe.page.evaluate(() => document.fonts.ready);
    text = squash(await probe.page.locator('body').innerText());
  });

  afterAll(async () => {
    await probe?.close();
  });

  it('is a Chinese page with a title and no client JavaScript', async () => {
    const { page } = probe;
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.title()).toContain(edition.pageHeader!.text);
    expect(await page.locator('script').count()).toBe(0);
    const viewport = await page.getAttribute('meta[name=viewport]', 'content');
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/);
  });

  it('shows the page header and the edition marker', async () => {
    expect(squash(await probe.page.locator('h1').innerText())).toBe(squash(edition.pageHeader!.text));
    expect(text).toContain(squash(edition.editionMarker.text));
  });

  it('shows every article in order, headlines as h2, never inventing a missing headline', async () => {
    const articles = probe.page.locator('#articles > article');
    expect(await articles.count()).toBe(edition.articles.length);
    for (const [i, article] of edition.articles.entries()) {
      const element = articles.nth(i);
      expect(await element.getAttribute('id')).toBe(article.id);
      const h2 = squash(await element.locator('h2').innerText());
      if (article.headline) {
        expect(h2).toBe(squash(article.headline.text));
        expect(text).toContain(squash(article.headline.text));
      } else {
        expect(h2).toBe(`${article.place}（原版无标题）`);
        expect(await element.locator('h2').getAttribute('class')).toContain('untitled');
      }
    }
  });

  it('contains the text of every paragraph and deck, each under its id', async () => {
    for (const article of edition.articles) {
      for (const paragraph of [...(article.deck ? [article.deck] : []), ...article.paragraphs]) {
        expect(text, paragraph.id).toContain(squash(paragraph.text));
        const own = await probe.page.locator(`p[id="${paragraph.id}"]`).innerText();
        expect(squash(own), paragraph.id).toBe(squash(paragraph.text));
      }
    }
  });

  it('lists the photo captions', async () => {
    const items = probe.page.locator('.captions li');
    expect(await items.count()).toBe(edition.captions.length);
    for (const [i, caption] of edition.captions.entries()) {
      expect(squash(await items.nth(i).innerText())).toBe(squash(caption.text));
      expect(text).toContain(squash(caption.text));
    }
  });

  it('sets Chinese in Noto CJK with a readable measure and leading, without sideways scrolling', async () => {
    const { page } = probe;
    const first = edition.articles[0]!.paragraphs[0]!.id;
    const metrics = await page.locator(`p[id="${first}"]`).evaluate((p) => {
      const style = getComputedStyle(p);
      return {
        fontSize: parseFloat(style.fontSize),
        lineHeight: parseFloat(style.lineHeight),
        width: p.getBoundingClientRect().width,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      };
    });
    expect(metrics.scrollWidth).toBeLessThanOrEqual(metrics.clientWidth);
    expect(metrics.lineHeight / metrics.fontSize).toBeGreaterThanOrEqual(1.7);
    expect(metrics.lineHeight / metrics.fontSize).toBeLessThanOrEqual(1.9);
    expect(metrics.fontSize).toBeGreaterThanOrEqual(16);
    // About 36 characters a line at most; on a phone, the width of the screen less margins.
    expect(metrics.width / metrics.fontSize).toBeLessThanOrEqual(36.5);
    expect(metrics.width).toBeGreaterThanOrEqual(Math.min(width - 64, 30 * metrics.fontSize));

    // The glyphs really come from an installed CJK face (no tofu, no fallback box font).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `p[id="${first}"]` });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    const families = fonts.map((f) => f.familyName);
    expect(
      families.some((f) => /^Noto Serif CJK/.test(f)),
      families.join(', '),
    ).toBe(true);
    expect(fonts.every((f) => !f.isCustomFont)).toBe(true);
  });

  it('loads nothing from another origin and logs no errors', async () => {
    await screenshot(probe.page, `home-${width}x${height}`);
    await screenshot(probe.page, `home-${width}x${height}-full`, true);
    expect(probe.foreignRequests).toEqual([]);
    expect(probe.errors()).toEqual([]);
  });
});
