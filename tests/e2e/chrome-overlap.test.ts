/**
 * A reader never reads through the map's chrome (issue 26): at every step of the story, as its
 * card rests, climbs to the middle of the screen and passes the top, no line of visible story
 * text lies under a visible piece of the panel (title box, legend, locator) or its buttons.
 * Phone, tablet and desktop, both languages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, newPage, type PageProbe } from './harness.ts';
import { waitForPanelBlocks } from './story-helpers.ts';

const SIZES = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;
const LANGS = [
  { lang: 'zh', path: '/' },
  { lang: 'en', path: '/en/' },
] as const;
/** Where each card's top is put, as a fraction of the viewport's height: resting, mid-screen, at the top, half past it. */
const CARD_TOPS = [0.62, 0.3, 0.05, -0.5];

const site = builtSite();

/**
 * Texts of the story lying under visible chrome, with the step and position where they were: for
 * each step and card position, the page is scrolled, two frames pass (the chrome answers a scroll
 * in the next one), and each line box of each text node on screen is tested against each visible
 * chrome box. Runs in the page, in one call.
 */
function textUnderChrome(page: Page): Promise<string[]> {
  return page.evaluate(async (cardTops) => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const texts: Text[] = [];
    const walk = document.createTreeWalker(document.querySelector('.story-text')!, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode())
      if (n.textContent!.trim() && !n.parentElement!.closest('.sr-only')) texts.push(n as Text);
    const found: string[] = [];
    const steps = [...document.querySelectorAll('.step')];
    for (const [i, card] of steps.entries())
      for (const top of cardTops) {
        scrollTo({ top: scrollY + card.getBoundingClientRect().top - top * innerHeight, behavior: 'instant' });
        await frame();
        await frame();
        const chrome = [...document.querySelectorAll('#story-map .map-chrome:not([hidden]), #story-map .map-steps')]
          .filter((e) => e.checkVisibility({ visibilityProperty: true }))
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0);
        for (const n of texts) {
          const range = document.createRange();
          range.selectNodeContents(n);
          const lines = [...range.getClientRects()].filter((l) => l.bottom > 0 && l.top < innerHeight && l.width > 0);
          // Drawn at all: not hidden, not inside a closed <details> (whose content still has boxes).
          if (!lines.length || !n.parentElement!.checkVisibility({ visibilityProperty: true })) continue;
          if (lines.some((l) => chrome.some((c) => l.left < c.right && c.left < l.right && l.top < c.bottom && c.top < l.bottom)))
            found.push(`step ${i} at ${top}: ${n.textContent!.trim().slice(0, 24)}`);
        }
      }
    return found;
  }, CARD_TOPS);
}

describe.each(LANGS)('the story in $lang', ({ path }) => {
  describe.each(SIZES)('at $width×$height', (size) => {
    let probe: PageProbe | undefined;
    beforeAll(async () => {
      probe = await newPage(site.browser, size);
      await probe.page.goto(site.url(path), { waitUntil: 'load' });
      // Every view's block is in the panel, as when a reader has scrolled a while.
      await waitForPanelBlocks(probe.page);
    });
    afterAll(async () => {
      await probe?.close();
    });

    it('no visible line of story text lies under the panel or its buttons, at any step as its card rests and passes', async () => {
      const page = probe!.page;
      expect(await page.$$eval('.step', (s) => s.length)).toBeGreaterThan(20);
      expect(await textUnderChrome(page)).toEqual([]);
    }, 300_000);
  });
});
