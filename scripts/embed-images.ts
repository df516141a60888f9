/**
 * npm run embed:images — draws every view's PNG (og:image, oEmbed thumbnail, image embed) in
 * Chromium from the SVG renderer, into public/embed/img/{lang}/{key}.png, and records the hash
 * of each SVG in src/embed/images.json. The PNGs are committed: a build needs no browser.
 * Re-run it when tests/unit/embed.test.ts or tests/e2e/embed-images.test.ts says the images are out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { embedImages } from '../src/embed/images.ts';
import { drawEmbedImage, EMBED_IMAGE_CHROMIUM_ARGS, embedImagePage } from './lib/embed-image.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = 'public/embed/img';

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: EMBED_IMAGE_CHROMIUM_ARGS });
try {
  const page = await embedImagePage(browser);
  const manifest: Record<string, string> = {};
  for (const image of embedImages()) {
    const path = join(OUT, `${image.id}.png`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await drawEmbedImage(page, image.svg));
    manifest[image.id] = image.sha256;
    console.log(path);
  }
  writeFileSync('src/embed/images.json', `${JSON.stringify(manifest, null, 2)}\n`);
} finally {
  await browser.close();
}
