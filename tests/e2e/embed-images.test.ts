/**
 * The committed embed images (public/embed/img/{lang}/{key}.png: og:image, oEmbed thumbnail, the
 * link + image form) are the pictures of their views. The unit test (tests/unit/embed.test.ts)
 * checks, for every image, that its SVG is the one drawn now and that the file is the PNG drawn
 * from it (hashes in images.json), so a file swapped, left over, blank or cut fails there. This
 * checks the drawing itself: a sample — one image of each kind of map (800 × 1000) and, in each
 * language, one of each other layout (WeChat, share card) — is drawn again as
 * `npm run embed:images` draws it (scripts/lib/embed-image.ts) and compared pixel by pixel with
 * the file, so a change of the rasteriser, its fonts or its switches that the hashes of the SVGs
 * cannot see fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedImages, type EmbedImage } from '../../src/embed/images.ts';
import { allEmbedKeys } from '../../src/embed/keys.ts';
import { embedKind } from './embed-sample.ts';
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

/**
 * The images drawn again: the 800 × 1000 picture of each kind of map, the kinds taking turns
 * between the languages, and the WeChat picture and the share card in each language (the other
 * images are the same drawing of other data).
 */
function sample(): EmbedImage[] {
  const kindOf = new Map(allEmbedKeys().map((k) => [k.key, embedKind(k)]));
  const kinds = [...new Set(kindOf.values())];
  const seen = new Set<string>();
  return embedImages().filter((image) => {
    const key = image.id.split('/').at(-1)!;
    const layout = image.id.slice(image.lang.length + 1, -key.length);
    const kind = layout === '' ? kindOf.get(key) : undefined;
    if (kind && image.lang !== (kinds.indexOf(kind) % 2 ? 'en' : 'zh')) return false;
    const what = kind ?? `${image.lang} ${layout || key}`;
    if (seen.has(what)) return false;
    seen.add(what);
    return true;
  });
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
    const images = sample();
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
    expect(images.length).toBeGreaterThan(6);
    expect(wrong, 'run `npm run embed:images` and commit public/embed/img').toEqual([]);
  }, 120_000);
});
