/**
 * From a print preset (config/print-presets.json) and the request's overrides to exact sizes:
 * mm on the page, pt in the SVG (1 user unit = 1 pt), px in the PNG. Shared by the export CLI
 * and the story's Export menu, so both make the same map at the same size.
 */
import type { PrintPresets } from '../schema/print-presets.ts';

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;

/** A request the presets cannot satisfy; the message says what is allowed. */
export class PrintRequestError extends Error {
  override name = 'PrintRequestError';
}

export interface PrintRequest {
  preset: string;
  /** Only with a "custom" preset. */
  widthMm?: number;
  heightMm?: number;
  dpi?: number;
}

export interface PrintSize {
  preset: string;
  widthMm: number;
  heightMm: number;
  widthPt: number;
  heightPt: number;
  dpi: number;
  widthPx: number;
  heightPx: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const fmt = (x: number) => String(round2(x));

/** Width of n columns of the grid: n·column + (n − 1)·gutter. */
export function columnsWidthMm(page: PrintPresets['page'], n: number): number {
  const column = (page.typeAreaWidthMm - (page.columns - 1) * page.gutterMm) / page.columns;
  return round2(n * column + (n - 1) * page.gutterMm);
}

/** Narrowest map that still holds a legend: one column of the grid. */
export const minWidthMm = (page: PrintPresets['page']) => columnsWidthMm(page, 1);

export const pxFor = (mm: number, dpi: number) => Math.round((mm / MM_PER_INCH) * dpi);
export const ptFor = (mm: number) => (mm / MM_PER_INCH) * PT_PER_INCH;

export function resolvePrintSize(presets: PrintPresets, req: PrintRequest): PrintSize {
  const { page } = presets;
  const names = Object.keys(presets.presets);
  const preset = presets.presets[req.preset];
  if (!preset) throw new PrintRequestError(`unknown preset "${req.preset}" (allowed: ${names.join(', ')})`);
  const minW = minWidthMm(page);
  const range = `${fmt(minW)}–${fmt(page.typeAreaWidthMm)} mm`;

  let widthMm: number;
  if (preset.width === 'custom') {
    if (req.widthMm === undefined) throw new PrintRequestError(`preset "${req.preset}" needs --width-mm N (allowed: ${range})`);
    widthMm = round2(req.widthMm);
  } else {
    if (req.widthMm !== undefined) {
      const custom = names.filter((n) => presets.presets[n]!.width === 'custom');
      throw new PrintRequestError(
        `--width-mm goes with a custom preset (${custom.join(', ') || 'none defined'}), not with "${req.preset}"`,
      );
    }
    if (preset.width === 'full') widthMm = page.typeAreaWidthMm;
    else {
      if (preset.width.columns > page.columns)
        throw new PrintRequestError(`preset "${req.preset}" asks for ${preset.width.columns} columns; the page has ${page.columns}`);
      widthMm = columnsWidthMm(page, preset.width.columns);
    }
  }
  if (!Number.isFinite(widthMm) || widthMm > page.typeAreaWidthMm)
    throw new PrintRequestError(`width ${fmt(widthMm)} mm is wider than the page's type area (${page.name}): allowed ${range}`);
  if (widthMm < minW) throw new PrintRequestError(`width ${fmt(widthMm)} mm is narrower than one column: allowed ${range}`);

  let heightMm: number;
  if (req.heightMm !== undefined) heightMm = round2(req.heightMm);
  else if (preset.heightMm !== undefined) heightMm = preset.heightMm;
  else {
    const [w, h] = preset.aspect!.split(':').map(Number) as [number, number];
    heightMm = round2((widthMm * h) / w);
  }
  const hRange = `${fmt(minW)}–${fmt(page.typeAreaHeightMm)} mm`;
  if (!Number.isFinite(heightMm) || heightMm > page.typeAreaHeightMm)
    throw new PrintRequestError(`height ${fmt(heightMm)} mm is taller than the page's type area: allowed ${hRange}`);
  if (heightMm < minW) throw new PrintRequestError(`height ${fmt(heightMm)} mm is too low for a map: allowed ${hRange}`);

  const dpi = req.dpi ?? preset.dpi ?? presets.dpi.default;
  if (!Number.isInteger(dpi) || dpi < presets.dpi.min || dpi > presets.dpi.max)
    throw new PrintRequestError(`dpi ${dpi} is out of range: allowed whole numbers ${presets.dpi.min}–${presets.dpi.max}`);

  return {
    preset: req.preset,
    widthMm,
    heightMm,
    widthPt: ptFor(widthMm),
    heightPt: ptFor(heightMm),
    dpi,
    widthPx: pxFor(widthMm, dpi),
    heightPx: pxFor(heightMm, dpi),
  };
}
