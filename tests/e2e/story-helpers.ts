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

/** Waits until the panel shows the step that really is at the trigger line (the rule, computed independently). */
export async function waitForPositionState(page: Page) {
  await page.waitForFunction(
    () => {
      const main = document.querySelector<HTMLElement>('main.story')!;
      const trigger = parseFloat(getComputedStyle(main).getPropertyValue('--story-trigger')) || 0.55;
      let step: HTMLElement | null = null;
      for (const s of document.querySelectorAll<HTMLElement>('.step[data-view]')) {
        if (s.getBoundingClientRect().top <= innerHeight * trigger) step = s;
        else break;
      }
      // Above the first step the panel shows the first step's map (what the page was built with).
      step ??= document.querySelector<HTMLElement>('.step[data-view]')!;
      const d = document.getElementById('story-map')!.dataset;
      const key = step.dataset.state ? `${step.dataset.view}-${step.dataset.state}` : step.dataset.view;
      const chrome = document.querySelector<HTMLElement>(`.map-chrome[data-key="${key}"]`);
      return (
        d.view === step.dataset.view &&
        d.state === (step.dataset.state ?? '') &&
        d.region === step.dataset.region &&
        !!chrome &&
        !chrome.hidden
      );
    },
    null,
    { timeout: 10_000 },
  );
}

/**
 * Scrolls the story to the top and waits until the panel shows what a reader sees there. The
 * story derives its step from positions in the animation frame after the scroll event
 * (scroll-steps.ts): until then the panel still shows the step it was on, and a test that reads
 * the legend box sooner reads the block about to be hidden (on a busy machine, hidden between
 * Playwright's finding it and measuring it: phone.test's legend box test, issue 25).
 */
export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await waitForPositionState(page);
}

/**
 * Gives the story a new viewport and waits until it has settled into it: the panel shows the step
 * at the new trigger line, and the live map (if any) has taken its box's new size and is still.
 * MapLibre resizes from a ResizeObserver, a frame or more after the layout changed (the story
 * re-frames the step then): until then the map still looks settled at its old size.
 */
export async function resizeStory(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await waitForPositionState(page);
  const live = await page.evaluate(() => document.getElementById('story-map')?.dataset.map === 'maplibre');
  if (!live) return;
  await page.waitForFunction(() => {
    const box = document.querySelector('.map-canvas')!.getBoundingClientRect();
    const canvas = document.querySelector('.map-canvas canvas')!.getBoundingClientRect();
    return Math.abs(box.width - canvas.width) < 1 && Math.abs(box.height - canvas.height) < 1;
  });
  await waitForSettledMap(page);
}

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

/** The screens the story is checked at (phone, tablet, desktop) and its two languages. */
export const STORY_SIZES = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;
export const STORY_LANGS = [
  { lang: 'zh', path: '/' },
  { lang: 'en', path: '/en/' },
] as const;
