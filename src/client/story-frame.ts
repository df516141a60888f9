/**
 * The free part of the story's map, from the layout as it is: what the map runtime needs to
 * frame a step's subject where the reader sees it (map-runtime.ts knows nothing of the story's
 * DOM; this file is the story's answer to its `padding` question).
 *
 * Covering the map: the view's legend box where it lies over the map (phones: the top), the
 * prev/next buttons, and on phones the resting card with whatever its chapter puts above it
 * (kicker, title). Beside the map (desktop) no card covers it.
 */
import type { Padding } from './map-runtime.ts';

/** Layout breakpoint shared with story.css: below it the cards scroll over a full-bleed map. */
const DESKTOP = '(min-width: 900px)';

/** Height of what sits above a chapter's first step (kicker, title) and scrolls in with it. */
function leadIn(step: HTMLElement): number {
  let first: Element = step;
  while (first.previousElementSibling && !first.previousElementSibling.matches('.step')) first = first.previousElementSibling;
  return first === step ? 0 : step.getBoundingClientRect().top - first.getBoundingClientRect().top;
}

/** `padding` for startMap: `step()` is the active story step (null above the first). */
export function storyMapPadding(panel: HTMLElement, main: HTMLElement, step: () => HTMLElement | null): (box: DOMRect) => Padding {
  const desktop = matchMedia(DESKTOP);
  return (box) => {
    const gap = Math.round(Math.min(box.width, box.height) * 0.04) + 8;
    const over = (selector: string) => {
      const r = panel.querySelector<HTMLElement>(selector)?.getBoundingClientRect();
      return r && r.width > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top ? r : null;
    };
    const chrome = over('.map-chrome:not([hidden])');
    const buttons = over('.map-steps');
    let top = chrome ? Math.max(gap, chrome.bottom - box.top + gap) : gap;
    let bottom = gap;
    // Prev/next buttons: keep the region clear of them at whichever edge they sit.
    if (buttons && buttons.top - box.top > box.height / 2) bottom = Math.max(bottom, box.bottom - buttons.top + 8);
    else if (buttons) top = Math.max(top, buttons.bottom - box.top + 8);
    const card = step() ?? main.querySelector<HTMLElement>('.step');
    if (!desktop.matches && card) {
      // A card rests with its top at its scroll-margin-top, measured against the panel's own
      // height: the panel is sticky at the viewport's top whenever a card rests.
      const rest = parseFloat(getComputedStyle(card).scrollMarginTop) || box.height / 2;
      bottom = Math.max(gap, box.height - rest + leadIn(card) + gap);
    }
    // Never squeeze the free band below a quarter of the panel (a long legend, a short screen).
    const spare = box.height - top - bottom;
    const fix = spare < box.height / 4 ? (box.height / 4 - spare) / 2 : 0;
    return { top: Math.max(4, top - fix), bottom: Math.max(4, bottom - fix), left: gap, right: gap };
  };
}
