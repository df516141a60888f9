/**
 * Total ink on the rasterised press PDF (Ghostscript's bitcmyk, overprint included), against
 * the press's limit. The limit is about areas of ink, as a preflight's total-area-coverage check
 * is: black type and rules that overprint a fill (0.3–0.7 mm wide) are not areas, so a pixel
 * counts only when a whole square of about 1.3 mm around it is over the limit. The first such
 * area is named by the swatch (or the swatches overprinted) that make it.
 */
import { PALETTE, RAMPS, type Swatch } from '../../src/views/palette.ts';
import type { CmykRaster } from './ghostscript.ts';

/** Every palette swatch by name: "PALETTE.river", "RAMPS.incidence[5]". */
export const NAMED_SWATCHES: Array<{ name: string; swatch: Swatch }> = [
  ...Object.entries(PALETTE).map(([k, s]) => ({ name: `PALETTE.${k}`, swatch: s as Swatch })),
  ...Object.entries(RAMPS).flatMap(([k, ramp]) => ramp.map((s, i) => ({ name: `RAMPS.${k}[${i}]`, swatch: s as Swatch }))),
];

const total = (c: readonly number[]) => c.reduce((a, b) => a + b, 0);
const near = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 1.5);

/** Which swatch, or which swatch with 100 % K overprinted on it, prints this CMYK (in %). */
export function describeInk(cmyk: [number, number, number, number]): string {
  const pct = cmyk.map((v) => Math.round(v));
  const own = NAMED_SWATCHES.filter((s) => near(s.swatch.cmyk, cmyk)).map((s) => `${s.name} ${s.swatch.hex}`);
  if (own.length) return `${own.join(' = ')} (${pct.join('/')})`;
  for (const a of NAMED_SWATCHES)
    for (const b of NAMED_SWATCHES) {
      const sum = a.swatch.cmyk.map((v, i) => Math.min(100, v + b.swatch.cmyk[i]!));
      if (near(sum, cmyk)) return `${a.name} ${a.swatch.hex} overprinted on ${b.name} ${b.swatch.hex} (${pct.join('/')})`;
    }
  return `a colour no swatch makes (${pct.join('/')})`;
}

export interface InkArea {
  /** Total ink of the area's first pixel, in %. */
  ink: number;
  x: number;
  y: number;
  cmyk: [number, number, number, number];
  swatch: string;
}

/**
 * The first area (a (2r+1)² px square, every pixel over `limitPercent`) of the raster, or null.
 * At 100 dpi and r = 2, the square is 1.27 mm.
 */
export function inkOverLimit(r: CmykRaster, limitPercent: number, radius = 2): InkArea | null {
  const { width, height, data } = r;
  const limit = (limitPercent / 100) * 255 + 1.5; // 0.5 % for the 8-bit rounding of each plate
  const over = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < over.length; p++, i += 4) over[p] = data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]! > limit ? 1 : 0;
  // Erode: a row pass then a column pass of "all over within ±radius".
  const rows = new Uint8Array(over.length);
  for (let y = 0; y < height; y++)
    for (let x = radius; x < width - radius; x++) {
      let all = 1;
      for (let d = -radius; d <= radius && all; d++) all = over[y * width + x + d]!;
      rows[y * width + x] = all;
    }
  for (let y = radius; y < height - radius; y++)
    for (let x = 0; x < width; x++) {
      let all = 1;
      for (let d = -radius; d <= radius && all; d++) all = rows[(y + d) * width + x]!;
      if (!all) continue;
      const i = (y * width + x) * 4;
      const cmyk = [0, 1, 2, 3].map((c) => (data[i + c]! / 255) * 100) as [number, number, number, number];
      return { ink: total(cmyk), x, y, cmyk, swatch: describeInk(cmyk) };
    }
  return null;
}
