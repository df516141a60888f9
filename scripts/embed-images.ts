/**
 * npm run embed:images — draws every picture of src/embed/images.ts (embed images, WeChat images,
 * share cards) in Chromium from the SVG renderer, into public/embed/img/{id}.png, and records the
 * hash of each SVG in src/embed/images.json. The PNGs are committed: a build needs no browser.
 * Re-run it when tests/unit/embed.test.ts says the images are out of date.
 * `npm run embed:images -- share-card` redraws only the ids containing that text (the manifest keeps the rest).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { embedImages } from '../src/embed/images.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = 'public/embed/img';
const MANIFEST = 'src/embed/images.json';
const only = process.argv[2];

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--font-render-hinting=none'] });
try {
  const images = embedImages();
  const old = only && existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>) : {};
  const manifest: Record<string, string> = {};
  for (const image of images) {
    if (only && !image.id.includes(only)) {
      if (old[image.id]) manifest[image.id] = old[image.id]!;
      continue;
    }
    const size = { width: image.width / image.scale, height: image.height / image.scale };
    const page = await browser.newPage({ viewport: size, deviceScaleFactor: image.scale });
    // The SVG is self-contained: nothing may be fetched.
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.setContent(`<!doctype html><meta charset="utf-8"><style>html,body{margin:0}svg{display:block}</style>${image.svg}`);
    await page.evaluate(() => document.fonts.ready);
    const path = join(OUT, `${image.id}.png`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } }));
    await page.close();
    manifest[image.id] = image.sha256;
    console.log(path);
  }
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} finally {
  await browser.close();
}
