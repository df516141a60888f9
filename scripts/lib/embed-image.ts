/**
 * How a picture of src/embed/images.ts (embed image, WeChat image, share card) is drawn: its
 * self-contained SVG screenshotted in Chromium at width/scale × height/scale CSS px and the
 * image's device scale. Used by `npm run embed:images`, which writes them, and by
 * tests/e2e/embed-images.test.ts, which draws them again and compares pixels with the committed files.
 */
import type { Browser } from 'playwright-core';
import type { EmbedImage } from '../../src/embed/images.ts';

/** Chromium switches the images are drawn with (text rendering must not depend on hinting). */
export const EMBED_IMAGE_CHROMIUM_ARGS = ['--no-sandbox', '--font-render-hinting=none'];

/** The PNG of one image's SVG, drawn on a page of its own size that fetches nothing (the SVG is self-contained). */
export async function drawEmbedImage(browser: Browser, image: Pick<EmbedImage, 'width' | 'height' | 'scale' | 'svg'>): Promise<Buffer> {
  const size = { width: image.width / image.scale, height: image.height / image.scale };
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: image.scale });
  try {
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.setContent(`<!doctype html><meta charset="utf-8"><style>html,body{margin:0}svg{display:block}</style>${image.svg}`);
    await page.evaluate(() => document.fonts.ready);
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } });
  } finally {
    await page.close();
  }
}
