/**
 * Shared by the embed browser tests: find an embed's frame, measure it from both sides.
 */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The frame whose URL is on `origin` and contains `path` (waits for it to attach). */
export async function embedFrame(page: Page, origin: string, path: string): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(() => (found = page.frames().find((f) => f.url().startsWith(origin) && f.url().includes(path))), { timeout: 15_000 })
    .toBeTruthy();
  return found!;
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
  let fit: Fit | undefined;
  await expect
    .poll(
      async () => {
        fit = await fitOf(page, frame, selector);
        return Math.abs(fit.frame - fit.content) <= 1 && fit.overflowY === 0 && fit.overflowX === 0;
      },
      { timeout },
    )
    .toBe(true);
  return fit!;
}
