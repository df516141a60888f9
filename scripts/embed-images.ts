/**
 * npm run embed:images — draws every picture of src/embed/images.ts (embed images, WeChat images,
 * share cards) in Chromium from the SVG renderer, into public/embed/img/{id}.png, and records the
 * hash of each SVG and of the PNG drawn from it in src/embed/images.json. The PNGs are committed: a build needs no browser.
 * Re-run it when tests/unit/embed.test.ts or tests/e2e/embed-images.test.ts says the images are out of date.
 * `npm run embed:images -- share-card` redraws only the ids containing that text (the manifest keeps the rest).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { embedImages, type ImageRecord } from '../src/embed/images.ts';
import { drawEmbedImage, EMBED_IMAGE_CHROMIUM_ARGS } from './lib/embed-image.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = 'public/embed/img';
const MANIFEST = 'src/embed/images.json';
const only = process.argv[2];

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: EMBED_IMAGE_CHROMIUM_ARGS });
try {
  const images = embedImages();
  const old = only && existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ImageRecord>) : {};
  const manifest: Record<string, ImageRecord> = {};
  for (const image of images) {
    if (only && !image.id.includes(only)) {
      if (old[image.id]) manifest[image.id] = old[image.id]!;
      continue;
    }
    const path = join(OUT, `${image.id}.png`);
    mkdirSync(dirname(path), { recursive: true });
    const png = await drawEmbedImage(browser, image);
    writeFileSync(path, png);
    manifest[image.id] = { svg: image.sha256, png: createHash('sha256').update(png).digest('hex') };
    console.log(path);
  }
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} finally {
  await browser.close();
}
