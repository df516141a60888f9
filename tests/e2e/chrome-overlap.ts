/**
 * Story text read through the map's chrome (issue 26), measured as a reader sees it.
 *
 * - A line of visible story text lies under the chrome where a piece of it (the view's box with
 *   its title, legend and locator; the prev/next, legend and language buttons) is painted over
 *   the line. Paint order is the browser's own: at points of the line inside the piece's box,
 *   the topmost of the two (`elementsFromPoint`) says which is read. A piece hidden,
 *   transparent, folded away or passed under by the card is not over the text.
 * - Where a step rests (as the prev/next buttons put it), every piece is whole and at hand: at
 *   each point of a grid over it, the piece is what a finger would touch.
 *
 * Shared by chrome-overlap.test.ts; no vitest here (scripts may measure with it too).
 */
import type { Page } from 'playwright-core';

/** The chrome's pieces, as the page has them in every layout. */
export const CHROME = ['#story-map .map-chrome:not([hidden])', '#story-map .map-steps'] as const;

/** A place of the story a reader passes: px from the document's top, and what it is. */
export interface Position {
  y: number;
  at: string;
  /** A step resting where the prev/next buttons put it (the chrome must be whole there). */
  rest: boolean;
}

/** Story text under a piece of chrome: where the story was, and the text read through it. */
export interface Covered {
  /** Index of the step (document order) the text belongs to, -1 for a chapter's kicker, title or share. */
  step: number;
  at: string;
  piece: string;
  text: string;
}

/** A piece of chrome not whole where a step rests: how much of it is covered, and by what. */
export interface Hidden {
  at: string;
  piece: string;
  /** The share of the piece's points (a grid over its box) where something else is on top. */
  covered: number;
  by: string;
}

/**
 * The positions a reader passes: each step resting, and the whole story swept a quarter of the
 * screen's height a move, from the first card's arrival to the footer.
 */
export function readerPositions(page: Page): Promise<Position[]> {
  return page.evaluate(() => {
    const out: Position[] = [];
    for (const [i, s] of document.querySelectorAll<HTMLElement>('.step').entries()) {
      const margin = parseFloat(getComputedStyle(s).scrollMarginTop) || 0;
      out.push({ y: s.getBoundingClientRect().top + scrollY - margin, at: `step ${i} resting`, rest: true });
    }
    const text = document.querySelector('.story-text')!.getBoundingClientRect();
    const from = Math.max(0, text.top + scrollY - innerHeight);
    const to = Math.min(document.scrollingElement!.scrollHeight - innerHeight, text.bottom + scrollY);
    // Every quarter screen: a card's text block and the chrome piece it passes are together
    // taller than that, so a card passing under any piece is caught at one of these.
    for (let y = from; y <= to; y += innerHeight / 4) out.push({ y, at: 'passing', rest: false });
    return out;
  });
}

/**
 * Scrolls the story through `positions`, waits two animation frames at each (the page answers a
 * scroll in the next one), and returns every line of story text under a piece of chrome, and
 * every piece not whole where a step rests. Runs in the page, in one call.
 */
export function readThroughChrome(page: Page, positions: Position[]): Promise<{ covered: Covered[]; hidden: Hidden[] }> {
  return page.evaluate(
    async ({ positions, pieces }) => {
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      // Each text with the card it is read on (what scrolls past the chrome as one sheet).
      const texts: Array<{ n: Text; card: Element }> = [];
      const walk = document.createTreeWalker(document.querySelector('.story-text')!, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const parent = n.parentElement!;
        if (!n.textContent!.trim() || parent.closest('.sr-only')) continue;
        const card = parent.closest('.step, .chapter-kicker, .chapter-title, .chapter-share, .story-footer') ?? parent;
        texts.push({ n: n as Text, card });
      }
      const steps = [...document.querySelectorAll('.step')];
      const meets = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const visible = (e: Element) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      const name = (e: Element) => (e.classList.contains('map-steps') ? 'buttons' : 'panel');
      const covered: Covered[] = [];
      const hidden: Hidden[] = [];
      for (const { y, at, rest } of positions) {
        scrollTo({ top: y, behavior: 'instant' });
        await frame();
        await frame();
        const where = `${at} (y ${Math.round(scrollY)})`;
        const chrome = pieces
          .flatMap((s) => [...document.querySelectorAll(s)])
          .filter(visible)
          .map((e) => ({ e, box: e.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight);
        for (const { n, card } of texts) {
          // Most cards are nowhere near the chrome: their lines need no look.
          const near = chrome.filter(({ box }) => meets(card.getBoundingClientRect(), box));
          const parent = n.parentElement!;
          if (!near.length || !visible(parent)) continue; // hidden, or in a closed <details>
          const range = document.createRange();
          range.selectNodeContents(n);
          const lines = [...range.getClientRects()].filter((l) => l.width > 0 && l.bottom > 0 && l.top < innerHeight);
          for (const { e, box } of near) {
            const under = lines.some((l) => {
              const left = Math.max(l.left, box.left) + 1;
              const right = Math.min(l.right, box.right) - 1;
              const top = Math.max(l.top, box.top, 0) + 1;
              const bottom = Math.min(l.bottom, box.bottom, innerHeight) - 1;
              if (left >= right || top >= bottom) return false;
              // A grid of points over the shared part of the line: whichever is painted on top.
              for (const fx of [0, 0.25, 0.5, 0.75, 1])
                for (const fy of [0, 0.5, 1]) {
                  const hits = document.elementsFromPoint(left + (right - left) * fx, top + (bottom - top) * fy);
                  const first = hits.find((h) => e.contains(h) || card.contains(h) || h.contains(card));
                  if (first && e.contains(first)) return true;
                }
              return false;
            });
            if (under)
              covered.push({
                step: steps.findIndex((s) => s.contains(parent)),
                at: where,
                piece: name(e),
                text: n.textContent!.trim().slice(0, 30),
              });
          }
        }
        if (!rest) continue;
        for (const { e, box } of chrome) {
          let points = 0;
          const over: Element[] = [];
          for (let fx = 0.05; fx < 1; fx += 0.1)
            for (let fy = 0.05; fy < 1; fy += 0.1) {
              const py = box.top + box.height * fy;
              if (py < 0 || py > innerHeight) continue;
              points++;
              const hit = document.elementFromPoint(box.left + box.width * fx, py);
              // Between the buttons of their column the map underneath shows: that is not a cover.
              if (hit && !e.contains(hit) && !hit.closest('.map-canvas, .map-svg')) over.push(hit);
            }
          if (over.length)
            hidden.push({
              at: where,
              piece: name(e),
              covered: Math.round((over.length / points) * 100) / 100,
              by: [...new Set(over.map((h) => `${h.tagName.toLowerCase()}.${[...h.classList].join('.')}`))].join(', '),
            });
        }
      }
      return { covered, hidden };
    },
    { positions, pieces: [...CHROME] },
  );
}
