/**
 * Waiting on the story page's states (never sleeping), shared by the gate tests (security,
 * accessibility) and the bench.
 */
import type { Page } from 'playwright-core';

/**
 * MapLibre has drawn the current view and the camera is still. (After `story-map-idle`: the map
 * is settled for a moment when it is first shown, before it moves to the step's own frame.)
 */
export const waitForSettledMap = (page: Page, timeout = 20_000) =>
  page.waitForFunction(
    () => {
      const d = document.querySelector<HTMLElement>('#story-map, .embed-map')?.dataset;
      return d?.map === 'maplibre' && d.mapSettled === 'true' && performance.getEntriesByName('story-map-idle').length > 0;
    },
    null,
    { timeout },
  );

/**
 * The story has done what it does after load (story.ts `afterLoad`): the other views' panel
 * blocks have come and their Export/Embed tools are wired. Until then a check that something
 * did NOT happen (no map code, nothing echoed, no error) proves nothing about that work.
 */
export const waitForPanelBlocks = (page: Page, timeout = 20_000) =>
  page.waitForFunction(
    () => {
      const tools = [...document.querySelectorAll<HTMLElement>('#story-map button[data-embed-open]')];
      return tools.length > 1 && tools.every((b) => b.dataset.embedReady === '1');
    },
    null,
    { timeout },
  );

/** Puts a step where a reader's card rests, as the prev/next buttons do, and waits until it is active. */
export async function restStep(page: Page, selector: string): Promise<void> {
  await page.evaluate((s) => document.querySelector(s)!.scrollIntoView({ block: 'start', behavior: 'instant' }), selector);
  await page.waitForFunction((s) => document.querySelector(s)!.classList.contains('is-active'), selector, { timeout: 10_000 });
}

/** Scrolls the i-th step (document order) to where a card rests and waits until it is active. */
export async function restStepAt(page: Page, index: number): Promise<void> {
  await page.evaluate(
    (i) => document.querySelectorAll('.step[data-view]')[i]!.scrollIntoView({ block: 'start', behavior: 'instant' }),
    index,
  );
  await page.waitForFunction((i) => document.querySelectorAll('.step[data-view]')[i]!.classList.contains('is-active'), index, {
    timeout: 10_000,
  });
}

/** Indices (document order) of the first step of each distinct map view + state. */
export const distinctMapStepIndices = (page: Page): Promise<Array<{ key: string; index: number }>> =>
  page.$$eval('.step[data-view]', (steps) => {
    const seen = new Set<string>();
    const out: Array<{ key: string; index: number }> = [];
    steps.forEach((s, index) => {
      const d = (s as HTMLElement).dataset;
      const key = d.state ? `${d.view}-${d.state}` : d.view!;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ key, index });
      }
    });
    return out;
  });

/**
 * The reader's first input, as a pointer move over the page (or over a frame, by hovering its
 * iframe): the live map waits for one (src/client/first-input.ts) and shows the SVG until then.
 */
export async function firstInput(page: Page): Promise<void> {
  // In the top-left corner: over the masthead, never over a county (no hover tooltip).
  await page.mouse.move(2, 2);
  await page.mouse.move(4, 4);
}

/** The first input, then MapLibre drawn and still. */
export async function liveMap(page: Page): Promise<void> {
  await firstInput(page);
  await waitForSettledMap(page);
}
