/**
 * A reader never reads through the map's chrome (issue 26): at every step of the story, resting
 * where the prev/next buttons put it and at every quarter of a screen between, no line of visible
 * story text lies under a visible piece of the panel (title, legend, locator) or its buttons;
 * and wherever a step rests, those pieces are whole and at hand (nothing on top of them). Phone,
 * tablet and desktop, both languages. How it is measured: chrome-overlap.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { NO_WEBGL_ARGS } from './chromium.ts';
import { builtSite, launchBrowser, newPage, type PageProbe } from './harness.ts';
import { readerPositions, readThroughChrome, type Covered, type Hidden } from './chrome-overlap.ts';
import { STORY_LANGS as LANGS, STORY_SIZES as SIZES, waitForPanelBlocks, waitForPositionState } from './story-helpers.ts';

const site = builtSite();

interface Sweep {
  probe: PageProbe;
  rests: number;
  covered: Covered[];
  hidden: Hidden[];
}

// Every page's sweep starts at once and runs side by side: a sweep waits two frames at each of
// ~250 positions, so it is bound by frames, not by the CPU (six in a row took 90 s alone, 200 s
// beside another test file). The pages keep the build-time SVG map (a Chromium without WebGL): the chrome
// (the view's box, its buttons) is the same HTML over either map, and a live map would only
// draw a software-GL flight at each step passed, doubling every frame's time.
const sweeps = new Map<string, Promise<Sweep>>();
const sweepOf = (path: string, size: { width: number; height: number }) => sweeps.get(`${path} ${size.width}`)!;
let noGl: Browser | undefined;
beforeAll(async () => {
  const browser = (noGl = await launchBrowser(NO_WEBGL_ARGS));
  for (const { path } of LANGS)
    for (const size of SIZES) {
      const sweep = (async (): Promise<Sweep> => {
        const probe = await newPage(browser, size);
        await probe.page.goto(site.url(path), { waitUntil: 'load' });
        // Every view's block is in the panel (each its own height), as when a reader has scrolled a while.
        await waitForPanelBlocks(probe.page);
        const positions = await readerPositions(probe.page);
        return { probe, rests: positions.filter((p) => p.rest).length, ...(await readThroughChrome(probe.page, positions)) };
      })();
      sweep.catch(() => undefined); // read (and reported) by its own test
      sweeps.set(`${path} ${size.width}`, sweep);
    }
});
afterAll(async () => {
  await Promise.all([...sweeps.values()].map((s) => s.then((x) => x.probe.close()).catch(() => undefined)));
  await noGl?.close();
});

describe.each(LANGS)('the story in $lang', ({ path }) => {
  describe.each(SIZES)('at $width×$height', (size) => {
    it('lays no visible line of story text under the panel or its buttons, resting at any step or passing, and shows them whole wherever a step rests', async () => {
      const { rests, covered, hidden } = await sweepOf(path, size);
      expect(rests).toBeGreaterThan(20);
      expect.soft(covered, 'story text under the chrome').toEqual([]);
      expect.soft(hidden, 'chrome not whole where a step rests').toEqual([]);
    }, 300_000);

    // Cards pass over the chrome on phones and tablets; a piece the keyboard is in stays in sight (WCAG 2.4.11).
    if (size.width < 900)
      it('brings the piece of chrome the keyboard is in above a card passing over it', async () => {
        const { page } = (await sweepOf(path, size)).probe;
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
