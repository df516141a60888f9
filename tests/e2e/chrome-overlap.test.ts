/**
 * A reader never reads through the map's chrome (issue 26): at every step of the story, resting
 * where the prev/next buttons put it and at every quarter of a screen between, no line of visible
 * story text lies under a visible piece of the panel (title, legend, locator) or its buttons;
 * and wherever a step rests, those pieces are whole and at hand (nothing on top of them). Phone,
 * tablet and desktop, both languages. How it is measured: chrome-overlap.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, newPage, type PageProbe } from './harness.ts';
import { readerPositions, readThroughChrome } from './chrome-overlap.ts';
import { STORY_LANGS as LANGS, STORY_SIZES as SIZES, waitForPanelBlocks, waitForPositionState } from './story-helpers.ts';

const site = builtSite();

describe.each(LANGS)('the story in $lang', ({ path }) => {
  describe.each(SIZES)('at $width×$height', (size) => {
    let probe: PageProbe | undefined;
    beforeAll(async () => {
      probe = await newPage(site.browser, size);
      await probe.page.goto(site.url(path), { waitUntil: 'load' });
      // Every view's block is in the panel (each its own height), as when a reader has scrolled a while.
      await waitForPanelBlocks(probe.page);
    });
    afterAll(async () => {
      await probe?.close();
    });

    it('lays no visible line of story text under the panel or its buttons, resting at any step or passing, and shows them whole wherever a step rests', async () => {
      const page = probe!.page;
      const positions = await readerPositions(page);
      expect(positions.filter((p) => p.rest).length).toBeGreaterThan(20);
      const { covered, hidden } = await readThroughChrome(page, positions);
      expect.soft(covered, 'story text under the chrome').toEqual([]);
      expect.soft(hidden, 'chrome not whole where a step rests').toEqual([]);
      // ~200 positions, each measured after two frames: minutes on a loaded 2-core machine.
    }, 600_000);

    // Cards pass over the chrome on phones and tablets; a piece the keyboard is in stays in sight (WCAG 2.4.11).
    if (size.width < 900)
      it('brings the piece of chrome the keyboard is in above a card passing over it', async () => {
        const page = probe!.page;
        // A tall card passing the top of the screen, over the title box (and on a phone the buttons).
        await page.evaluate(() => {
          const tall = [...document.querySelectorAll<HTMLElement>('.step')].find((s) => s.offsetHeight > innerHeight / 3)!;
          scrollTo({ top: tall.getBoundingClientRect().top + scrollY - 4, behavior: 'instant' });
        });
        await waitForPositionState(page);
        const onTop = (selector: string) =>
          page.evaluate((selector) => {
            const piece = document.querySelector(selector)!;
            const r = piece.getBoundingClientRect();
            return piece.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
          }, selector);
        // Each piece, and the control before it in the page's order: Tab from there lands in the piece.
        const pieces = [
          { piece: '.map-chrome:not([hidden])', from: '.chapter-nav li:last-child a' },
          { piece: '.map-steps', from: '.map-counties li:last-child button' },
        ];
        expect(await onTop(pieces[0]!.piece), 'the card passes over the title box').toBe(false);
        for (const { piece, from } of pieces) {
          if (await onTop(piece)) continue; // beside the cards (the buttons on a tablet)
          // Focused where it is, without scrolling the story away from the card.
          await page.locator(from).evaluate((e: HTMLElement) => e.focus({ preventScroll: true }));
          await page.keyboard.press('Tab');
          expect(await page.evaluate((p) => !!document.activeElement?.closest(p), piece), `Tab into ${piece}`).toBe(true);
          await expect.poll(() => onTop(piece), { message: piece }).toBe(true);
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        }
      });
  });
});
