/**
 * How an embed image (og:image, oEmbed thumbnail, the link + image form) is drawn: the view's
 * self-contained SVG (src/embed/images.ts) screenshotted in Chromium at IMAGE_SIZE. Used by
 * `npm run embed:images`, which writes them, and by tests/e2e/embed-images.test.ts, which draws
 * them again and compares pixels with the committed files.
 */
import type { Browser, Page } from 'playwright-core';
import { IMAGE_SIZE } from '../../src/embed/snippet.ts';

/** Chromium switches the images are drawn with (text rendering must not depend on hinting). */
export const EMBED_IMAGE_CHROMIUM_ARGS = ['--no-sandbox', '--font-render-hinting=none'];

/** A page sized for the images that fetches nothing (the SVG is self-contained). */
export async function embedImagePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { ...IMAGE_SIZE }, deviceScaleFactor: 1 });
  await page.route('**/*', (route) => route.abort('blockedbyclient'));
  return page;
}

/** The PNG of one image's SVG. */
export async function drawEmbedImage(page: Page, svg: string): Promise<Buffer> {
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>html,body{margin:0}svg{display:block}</style>${svg}`);
  await page.evaluate(() => document.fonts.ready);
  return page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...IMAGE_SIZE } });
}
