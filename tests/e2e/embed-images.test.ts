/**
 * The committed embed images (public/embed/img/{lang}/{key}.png: og:image, oEmbed thumbnail, the
 * link + image form) are the pictures of their views: each is drawn again here as
 * `npm run embed:images` draws it (scripts/lib/embed-image.ts) and compared pixel by pixel. The
 * unit test (tests/unit/embed.test.ts) checks the SVGs' hashes; this checks the files themselves,
 * so a PNG left over from another view, swapped, blank or cut off fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedImages } from '../../src/embed/images.ts';
import { drawEmbedImage, EMBED_IMAGE_CHROMIUM_ARGS } from '../../scripts/lib/embed-image.ts';
import { launchBrowser, ROOT } from './harness.ts';

/** A channel differing by more than this counts (anti-aliasing differs by a few levels). */
const CHANNEL_TOLERANCE = 24;
/** Share of pixels that may differ (0.1 %): glyph edges after a font or Chromium update, not a label. */
const PIXEL_SHARE = 0.001;

/** Pixels (of all) whose colour differs by more than the tolerance in some channel. */
function differingShare(a: PNG, b: PNG): number {
  let off = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!)) >
      CHANNEL_TOLERANCE
    )
      off++;
  }
  return off / (a.width * a.height);
}

describe('embed images', () => {
  let browser: Browser;
  beforeAll(async () => {
    // The switches the images are drawn with: a browser of its own, not the shared one.
    browser = await launchBrowser(EMBED_IMAGE_CHROMIUM_ARGS.filter((a) => a !== '--no-sandbox'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('each committed PNG is its view drawn now (else: npm run embed:images)', async () => {
    const wrong: string[] = [];
    const images = embedImages();
    for (const image of images) {
      const file = readFileSync(join(ROOT, 'public/embed/img', `${image.id}.png`));
      const drawn = await drawEmbedImage(browser, image);
      // Same Chromium and fonts as when they were written: the same bytes (decoding is slow).
      if (drawn.equals(file)) continue;
      const committed = PNG.sync.read(file);
      const fresh = PNG.sync.read(drawn);
      if (committed.width !== fresh.width || committed.height !== fresh.height) {
        wrong.push(`${image.id}: ${committed.width} × ${committed.height} px, drawn ${fresh.width} × ${fresh.height}`);
        continue;
      }
      const share = differingShare(committed, fresh);
      if (share > PIXEL_SHARE) wrong.push(`${image.id}: ${(share * 100).toFixed(2)} % of pixels differ`);
    }
    expect(images.length).toBeGreaterThan(20);
    expect(wrong, 'run `npm run embed:images` and commit public/embed/img').toEqual([]);
  }, 120_000);
});
