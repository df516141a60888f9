/**
 * The map on theme=dark: the base map (paper, land, neighbours, county fill, lines, labels,
 * hatching) in dark tones, by palette key, while every data colour (ramps, symbols, river) stays
 * as printed, so a class reads the same in both themes. One mapping, applied to what the
 * renderers already draw from the palette: the SVG's colours (darkSvg), the MapLibre style's
 * (darkStyle) and the CSS variables of the HTML labels (darkMapCssVars).
 */
import { PALETTE, type PaletteKey } from '../views/palette.ts';

export const DARK_BASE: Partial<Record<PaletteKey, string>> = {
  paper: '#181715',
  ink: '#ece8e1',
  inkMuted: '#b4ada2',
  county: '#3a3733',
  countyLine: '#8c867c',
  neighbour: '#2a2825',
  neighbourLine: '#4f4a43',
  notReported: '#181715',
  hatch: '#8c867c',
  focus: '#ece8e1',
  land: '#2a2825',
};

/** Light hex → dark hex. Keys sharing a light colour (paper and notReported…) must share a dark one. */
export const DARK_BY_HEX: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const [key, dark] of Object.entries(DARK_BASE) as Array<[PaletteKey, string]>) {
    const light = PALETTE[key].hex.toLowerCase();
    const seen = out.get(light);
    if (seen && seen !== dark) throw new Error(`dark-map.ts: ${key} shares ${light} with another key but maps to ${dark}, not ${seen}`);
    out.set(light, dark);
  }
  return out;
})();

const dark = (hex: string) => DARK_BY_HEX.get(hex.toLowerCase()) ?? hex;

/** The SVG renderer's output in the dark base colours (fill, stroke and data-fill attributes). */
export const darkSvg = (svg: string): string =>
  svg.replace(/((?:fill|stroke)=")(#[0-9a-fA-F]{6})"/g, (_, attr: string, hex: string) => `${attr}${dark(hex)}"`);

/** A MapLibre style (or any JSON) with every base-map colour string replaced. */
export function darkStyle<T>(style: T): T {
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? dark(v)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'data' ? x : walk(x)]))
          : v;
  return walk(style) as T;
}

/** mapCssVars()'s variables for the dark theme (labels, halos, hatch swatch). */
export function darkMapCssVars(): Record<string, string> {
  const vars: Record<string, PaletteKey> = {
    ink: 'ink',
    'ink-muted': 'inkMuted',
    paper: 'paper',
    land: 'land',
    'not-reported': 'notReported',
    hatch: 'hatch',
  };
  return Object.fromEntries(Object.entries(vars).map(([name, key]) => [`--map-${name}`, DARK_BASE[key] ?? PALETTE[key].hex]));
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * A two-colour raster drawn from the palette (the live map's "not reported" hatch tile) with its
 * two colours swapped for their dark ones; anti-aliased pixels keep their mix of the two.
 */
export function darkTwoTone(pixels: Uint8Array | Uint8ClampedArray, background: PaletteKey, foreground: PaletteKey): Uint8ClampedArray {
  const [b, f] = [rgb(PALETTE[background].hex), rgb(PALETTE[foreground].hex)];
  const [db, df] = [rgb(dark(PALETTE[background].hex)), rgb(dark(PALETTE[foreground].hex))];
  const out = new Uint8ClampedArray(pixels);
  const span = b[0] - f[0] || 1;
  for (let i = 0; i < out.length; i += 4) {
    const t = Math.min(1, Math.max(0, (b[0] - pixels[i]!) / span));
    for (let c = 0; c < 3; c++) out[i + c] = Math.round(db[c]! + (df[c]! - db[c]!) * t);
  }
  return out;
}
