/**
 * npm run embed:images — draws every view's PNG (og:image, oEmbed thumbnail, image embed) in
 * Chromium from the SVG renderer, into public/embed/img/{lang}/{key}.png, and records the hash
 * of each SVG in src/embed/images.json. The PNGs are committed: a build needs no browser.
 * Re-run it when tests/unit/embed-images.test.ts says the images are out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { embedImages } from '../src/embed/images.ts';
import { IMAGE_SIZE } from '../src/embed/snippet.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = 'public/embed/img';

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--font-render-hinting=none'] });
try {
  const page = await browser.newPage({ viewport: { ...IMAGE_SIZE }, deviceScaleFactor: 1 });
  // The SVG is self-contained: nothing may be fetched.
  await page.route('**/*', (route) => route.abort('blockedbyclient'));
  const manifest: Record<string, string> = {};
  for (const image of embedImages()) {
    await page.setContent(`<!doctype html><meta charset="utf-8"><style>html,body{margin:0}svg{display:block}</style>${image.svg}`);
    await page.evaluate(() => document.fonts.ready);
    const path = join(OUT, `${image.id}.png`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...IMAGE_SIZE } }));
    manifest[image.id] = image.sha256;
    console.log(path);
  }
  writeFileSync('src/embed/images.json', `${JSON.stringify(manifest, null, 2)}\n`);
} finally {
  await browser.close();
}
