/**
 * The print version of a map: the one SVG renderer (renderSvg) in print mode at an exact size in
 * mm (1 user unit = 1 pt), with a scale bar and north arrow measured on its own projection and
 * the source, credit and date line. Browser-safe: the Export menu calls it too.
 */
import type { CompiledView } from '../views/compile.ts';
import type { GeoData } from '../views/geo-data.ts';
import type { PrintPresets } from '../schema/print-presets.ts';
import { PrintRequestError, type PrintSize } from './print-layout.ts';
import { northArrowBox, northArrowSvg, scaleBarBox, scaleBarSvg, type ScaleBar } from './print-scale.ts';
import { renderSvg, type MapFrame } from '../render/svg.ts';
import { PRINT_DRAWING } from './print-style.ts';

/** The packaged font (npm @fontsource/noto-sans-sc) first; the others for an editor's own machine. */
export const PRINT_FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export interface PrintSvgOptions {
  typography: PrintPresets['typography'];
  credit: string;
  /** Printed after the credit: the commit's date, so the same commit gives the same file. */
  date: string;
}

export interface PrintSvg {
  svg: string;
  scale: ScaleBar;
  /** The map's share of the height, after title and legend. */
  mapShare: number;
}

/** The map gets at least half of the graphic's height (notes go to caption.txt); below it, ask for a taller size. */
const MIN_MAP_SHARE = 0.5;

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function renderPrintSvg(v: CompiledView, geo: GeoData, size: PrintSize, o: PrintSvgOptions): PrintSvg {
  const center: [number, number] = [(v.bounds[0][0] + v.bounds[1][0]) / 2, (v.bounds[0][1] + v.bounds[1][1]) / 2];
  const width = r3(size.widthPt);
  const height = r3(size.heightPt);
  let frame: MapFrame | null = null;
  let scale: ScaleBar | null = null;
  const min = o.typography.minPt;
  const svg = renderSvg(v, geo, {
    width,
    height,
    frame: true,
    print: {
      ...PRINT_DRAWING,
      widthAttr: `${size.widthMm}mm`,
      heightAttr: `${size.heightMm}mm`,
      fontFamily: PRINT_FONT,
      fontSize: o.typography.basePt,
      minFontSize: min,
      hairline: o.typography.hairlinePt,
      // Screen radii are for an 800 px wide map; print scales them with the map's width.
      symbolScale: Math.min(1.25, Math.max(0.3, width / 800)),
      footer: [o.credit, o.date],
      // Below five columns or so, "Zhongyang County" and its neighbours no longer fit side by side.
      shortNames: width < 560,
      // Noto Sans SC's quotes are full-width; English wants them proportional (Chinese keeps them full).
      fontFeatures: v.lang === 'en' ? "'palt'" : undefined,
      reserved: (f) => [scaleBarBox(f, center, v.lang, min), northArrowBox(f, min)],
      overlay: (f) => {
        frame = f;
        const bar = scaleBarSvg(f, center, v.lang, o.typography.hairlinePt, min);
        scale = bar.bar;
        return `${bar.svg}\n${northArrowSvg(f, center, v.lang, min)}`;
      },
    },
  });
  const mapShare = (frame as MapFrame | null)?.room ?? 0;
  if (mapShare / height < MIN_MAP_SHARE)
    throw new PrintRequestError(
      `${v.id}: at ${size.widthMm} × ${size.heightMm} mm the title and legend leave the map ${Math.max(0, Math.round((100 * mapShare) / height))} % of the height (at least ${100 * MIN_MAP_SHARE} % needed): choose a wider or taller preset`,
    );
  return { svg, scale: scale!, mapShare: mapShare / height };
}
