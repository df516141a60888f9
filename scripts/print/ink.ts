/**
 * Total ink on the rasterised press PDF (Ghostscript's bitcmyk, overprint simulated), against the
 * press's limit, as a preflight's total-area-coverage check measures it: the ink AVERAGED over a
 * 1 mm × 1 mm square, the densest square of the page. Black type and rules that overprint a fill
 * count with the share of the square they cover: a 2 pt outline overprinting the darkest red
 * (0/100/95/20 + K 100) averaged 245 % over its densest millimetre (issue 26), which the old
 * check — every pixel of a 1.3 mm square over the limit — let pass.
 */
import { PALETTE, RAMPS, type Swatch } from '../../src/views/palette.ts';
import type { CmykRaster } from './ghostscript.ts';

/** Every palette swatch by name: "PALETTE.river", "RAMPS.incidence[5]". */
export const NAMED_SWATCHES: Array<{ name: string; swatch: Swatch }> = [
  ...Object.entries(PALETTE).map(([k, s]) => ({ name: `PALETTE.${k}`, swatch: s as Swatch })),
  ...Object.entries(RAMPS).flatMap(([k, ramp]) => ramp.map((s, i) => ({ name: `RAMPS.${k}[${i}]`, swatch: s as Swatch }))),
];

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

export interface DensestArea {
  /** Total ink averaged over the square, in %. */
  ink: number;
  /** Top left of the densest square, in mm from the page's top left. */
  xMm: number;
  yMm: number;
  /** What prints there: the swatch (or black overprinted on one) of its densest pixel. */
  swatch: string;
}

/** The resolution the export checks ink at: 1 mm is exactly 10 px. */
export const INK_CHECK_DPI = 254;

/**
 * The square of `sideMm` (1 mm, a preflight's usual area) with the most ink on average, found
 * with a summed-area table. `dpi` is the raster's; 254 dpi makes 1 mm exactly 10 px.
 */
export function densestInk(r: CmykRaster, dpi: number, sideMm = 1): DensestArea {
  const { width, height, data } = r;
  const side = Math.max(1, Math.round((sideMm / 25.4) * dpi));
  const w1 = width + 1;
  const sums = new Float64Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      row += data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]!;
      sums[(y + 1) * w1 + x + 1] = sums[y * w1 + x + 1]! + row;
    }
  }
  let best = -1;
  let bx = 0;
  let by = 0;
  for (let y = 0; y + side <= height; y++)
    for (let x = 0; x + side <= width; x++) {
      const s = sums[(y + side) * w1 + x + side]! - sums[y * w1 + x + side]! - sums[(y + side) * w1 + x]! + sums[y * w1 + x]!;
      if (s > best) [best, bx, by] = [s, x, y];
    }
  // Name the area by its densest pixel: the mix that pushed it over.
  let top = -1;
  let cmyk: [number, number, number, number] = [0, 0, 0, 0];
  for (let y = by; y < by + side; y++)
    for (let x = bx; x < bx + side; x++) {
      const i = (y * width + x) * 4;
      const t = data[i]! + data[i + 1]! + data[i + 2]! + data[i + 3]!;
      if (t > top) [top, cmyk] = [t, [0, 1, 2, 3].map((c) => (data[i + c]! / 255) * 100) as typeof cmyk];
    }
  const mm = (px: number) => Math.round((px / dpi) * 25.4 * 10) / 10;
  return { ink: (best / (side * side) / 255) * 100, xMm: mm(bx), yMm: mm(by), swatch: describeInk(cmyk) };
}
