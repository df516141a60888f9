/**
 * Every colour the maps use, defined once with the CMYK the print desk gets (total ink ≤ 220 %,
 * the coldset newsprint limit of config/print-presets.json; text and rules on black only). The
 * darkest red was 0/100/100/30 (230 %), then 0/100/95/20 (215 %); it is 0/90/80/25 (195 %) since ink
 * is measured as the plate gets it (issue 26): black type and rules overprint a fill and replace
 * only its K, so a dark fill keeps its depth in K, which black overprinting does not add to, and
 * its C+M+Y low enough that type over it stays within 220 % over any square millimetre.
 * Screen renderers read `hex`, the CMYK export reads `cmyk`.
 */
export interface Swatch {
  hex: string;
  cmyk: readonly [number, number, number, number];
}
const s = (hex: string, cmyk: [number, number, number, number]): Swatch => ({ hex, cmyk });

export const PALETTE = {
  paper: s('#ffffff', [0, 0, 0, 0]),
  ink: s('#000000', [0, 0, 0, 100]),
  inkMuted: s('#595959', [0, 0, 0, 65]),
  /** Counties of 吕梁 with nothing to show in this view. */
  county: s('#f4f1ea', [0, 1, 4, 4]),
  countyLine: s('#9a9a9a', [0, 0, 0, 40]),
  /** Neighbouring prefectures, drawn as muted context. */
  neighbour: s('#e0ddd5', [0, 1, 5, 12]),
  neighbourLine: s('#c9c3b4', [0, 3, 10, 21]),
  /** Not reported: a neutral fill crossed by hatching, never a data colour. */
  notReported: s('#ffffff', [0, 0, 0, 0]),
  hatch: s('#9a9a9a', [0, 0, 0, 40]),
  river: s('#3b6fb6', [68, 39, 0, 29]),
  focus: s('#000000', [0, 0, 0, 100]),
  symbolPv: s('#e08a1e', [0, 38, 87, 12]),
  symbolHouseholds: s('#7b3294', [17, 66, 0, 42]),
  symbolPeople: s('#2c7fb8', [76, 31, 0, 28]),
  site: s('#7b3294', [17, 66, 0, 42]),
  /** Land beyond the prefectures drawn (the map has no sea): the same muted tone as the neighbours. */
  land: s('#e0ddd5', [0, 1, 5, 12]),
} as const;
export type PaletteKey = keyof typeof PALETTE;

/** Sequential ramps (ColorBrewer OrRd and Greens, 6 classes): ordered by lightness, readable with colour-vision deficiency. */
export const RAMPS = {
  incidence: [
    s('#fef0d9', [0, 6, 15, 0]),
    s('#fdd49e', [0, 16, 38, 1]),
    s('#fdbb84', [0, 26, 48, 1]),
    s('#fc8d59', [0, 44, 65, 1]),
    s('#e34a33', [0, 67, 78, 11]),
    s('#b30000', [0, 90, 80, 25]),
  ],
  forest: [
    s('#edf8e9', [4, 0, 6, 3]),
    s('#c7e9c0', [15, 0, 18, 9]),
    s('#a1d99b', [26, 0, 29, 15]),
    s('#74c476', [41, 0, 40, 23]),
    s('#31a354', [70, 0, 48, 36]),
    s('#006d2c', [100, 0, 60, 57]),
  ],
} as const;
export type RampKey = keyof typeof RAMPS;

/** Every swatch, for checks that span the whole palette (ink limits, contrast). */
export const ALL_SWATCHES: Swatch[] = [...Object.values(PALETTE), ...Object.values(RAMPS).flat()];

/**
 * The colours the HTML around a map draws (county labels, the hatch swatch), as CSS custom
 * properties for a style attribute: the story's and the embeds' map panels carry them, so their
 * labels and legends use the one palette the map renderers read.
 */
export function mapCssVars(): string {
  const vars = {
    ink: PALETTE.ink,
    'ink-muted': PALETTE.inkMuted,
    paper: PALETTE.paper,
    land: PALETTE.land,
    'not-reported': PALETTE.notReported,
    hatch: PALETTE.hatch,
  };
  return Object.entries(vars)
    .map(([name, swatch]) => `--map-${name}:${swatch.hex}`)
    .join(';');
}
