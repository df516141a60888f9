/**
 * Shared by the embed browser tests: find an embed's frame, measure it from both sides.
 */
import type { Frame, Page } from 'playwright-core';

/**
 * Re-checks `probe` (every 50 ms) until it returns a value other than undefined/false; throws
 * with the last value after `timeout`. Usable in hooks, unlike expect.poll.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeout = 15_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    last = await probe();
    if (last !== undefined && last !== false) return last as T;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The frame whose URL is on `origin` and contains `path` (waits for it to attach). */
export function embedFrame(page: Page, origin: string, path: string): Promise<Frame> {
  return until(`a frame ${origin}…${path}`, () => page.frames().find((f) => f.url().startsWith(origin) && f.url().includes(path)));
}

export interface Fit {
  /** The iframe element's height on the host, in CSS px. */
  frame: number;
  /** The embed's root element height, unrounded. */
  content: number;
  /** The frame's viewport height, as the embed sees it. */
  inner: number;
  /** How far the embed's content overflows its viewport (0 = no scrollbar needed). */
  overflowY: number;
  overflowX: number;
}

export async function fitOf(page: Page, frame: Frame, selector: string): Promise<Fit> {
  const box = await page.locator(selector).evaluate((el) => el.getBoundingClientRect().height);
  const inside = await frame.evaluate(() => {
    const root = document.documentElement;
    return {
      content: root.getBoundingClientRect().height,
      inner: innerHeight,
      overflowY: Math.max(0, root.scrollHeight - innerHeight),
      overflowX: Math.max(0, root.scrollWidth - innerWidth),
    };
  });
  return { frame: box, ...inside };
}

/** Waits until the frame is as tall as its content (±1 px) and nothing overflows. */
export async function expectFitted(page: Page, frame: Frame, selector: string, timeout = 15_000): Promise<Fit> {
  let last: Fit | null = null;
  try {
    return await until(
      `${selector} to fit its content`,
      async () => {
        const fit = (last = await fitOf(page, frame, selector));
        return Math.abs(fit.frame - fit.content) <= 1 && fit.overflowY === 0 && fit.overflowX === 0 && fit;
      },
      timeout,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last measured: ${JSON.stringify(last)}`, { cause: error });
  }
}

/**
 * A reader's pointer over an embed's frame: its first input, which the live map waits for
 * (src/client/first-input.ts). Only once the frame has loaded: its scripts listen for that input
 * from when they run, and a pointer that came before them is, for the page, no input at all.
 */
export async function pointAtFrame(page: Page, iframeSelector: string, frame: Frame): Promise<void> {
  await frame.waitForLoadState('load');
  // Two points: a frame scrolled in under a pointer already at its centre gets no move from a
  // hover there (Playwright moves nothing, so no pointermove reaches the frame, and the map
  // waited for good; embed-many.test failed so in a fresh-clone run).
  const frameBox = page.locator(iframeSelector);
  await frameBox.hover({ position: { x: 8, y: 8 } });
  await frameBox.hover();
}
