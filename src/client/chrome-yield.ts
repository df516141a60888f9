/**
 * On a phone or tablet the story's cards scroll over the map, and the panel's title box and its
 * buttons are pinned to the top of the screen: a card's first lines would pass under them and a
 * reader would read through the chrome. So each piece of chrome steps aside (story.css hides it,
 * layout kept) while a card overlaps it, and comes back once the card has passed.
 *
 * `data-yield` on the panel lists the pieces hidden now: "chrome" (title, legend, locator),
 * "steps" (prev/next, legend, language buttons). On the desktop layout the text has a column of
 * its own, nothing ever overlaps and the attribute stays empty.
 */

/** The elements that read as cards: what must never pass under the chrome. */
const CARD_SELECTOR = '.chapter-kicker, .chapter > .chapter-title, .step, .chapter-share, .story-footer';

const PIECES = { chrome: '.map-chrome:not([hidden])', steps: '.map-steps' } as const;

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.width > 0 && b.width > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Starts watching; returns a function to call when the chrome changed size (another view, the legend folded). */
export function yieldChromeToCards(main: HTMLElement, panel: HTMLElement): () => void {
  const cards = [...main.querySelectorAll<HTMLElement>(CARD_SELECTOR)];
  let frame = 0;
  const update = () => {
    frame = 0;
    // Reading boxes after a scroll forces no layout: a few dozen reads a frame.
    const boxes = cards.map((c) => c.getBoundingClientRect()).filter((b) => b.bottom > 0 && b.top < innerHeight);
    const hidden = Object.entries(PIECES)
      .filter(([, selector]) => {
        const piece = panel.querySelector(selector);
        if (!piece) return false;
        const box = piece.getBoundingClientRect();
        return boxes.some((b) => overlaps(b, box));
      })
      .map(([name]) => name)
      .join(' ');
    if ((panel.dataset.yield ?? '') !== hidden) panel.dataset.yield = hidden;
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(update);
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  schedule();
  return schedule;
}
