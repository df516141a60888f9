/**
 * A sites layer: a county's count of resettlement sites (or the like) as that many dots in a
 * compact grid below its name, all inside the county: a count, not locations.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Area } from '../geo-data.ts';
import { pointValue } from '../format.ts';
import { PALETTE } from '../palette.ts';
import type { Binding, SitesLayer } from '../view-types.ts';
import type { ViewContext } from './context.ts';
import type { CompiledView } from './types.ts';

/**
 * Room (degrees of latitude) between a county's label point and the top row of its site dots:
 * the name (set on that point) keeps clear of the dots at the story's zooms (a phone's overview
 * draws ~170 px a degree, a name is ~16 px tall).
 */
const SITES_BELOW_LABEL = 0.07;

/**
 * n dots in a compact grid just below the county's label point, so that its name stays legible,
 * all inside the county: a count, not locations. Where the county has no room below its name,
 * the grid is centred on the point (the name then sits on it).
 */
export function placeSites(area: Area, center: [number, number], n: number): Array<[number, number]> {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const grid = (spacing: number, below: boolean): Array<[number, number]> => {
    const cy = below ? center[1] - SITES_BELOW_LABEL - ((rows - 1) / 2) * spacing * 0.9 : center[1];
    const pts: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      const r = Math.floor(i / cols);
      const inRow = r === rows - 1 ? n - r * cols : cols;
      const c = i % cols;
      const x = center[0] + (c - (inRow - 1) / 2) * spacing;
      const y = cy - (r - (rows - 1) / 2) * spacing * 0.9;
      pts.push([Number(x.toFixed(4)), Number(y.toFixed(4))]);
    }
    return pts;
  };
  for (const below of [true, false])
    for (let spacing = 0.04; spacing > (below ? 0.02 : 0.002); spacing *= 0.8) {
      const pts = grid(spacing, below);
      if (pts.every((p) => booleanPointInPolygon(p, area))) return pts;
    }
  throw new Error('cannot place sites inside the county');
}

export function compileSites(
  ctx: ViewContext,
  layer: SitesLayer,
): { sites: CompiledView['sites']; legend: NonNullable<CompiledView['legend']['sites']>; drawn: Binding[] } {
  const color = PALETTE[layer.color].hex;
  const sites: CompiledView['sites'] = [];
  const drawn: Binding[] = [];
  for (const b of ctx.resolve(layer.bindings, layer.measure, 'sites')) {
    const m = ctx.metric(b.metric);
    const f = ctx.counties.find((c) => c.properties.code === b.region)!;
    for (const p of placeSites(f.geometry, f.properties.label, pointValue(m))) sites.push({ region: b.region, lonLat: p, color });
    drawn.push(b);
  }
  drawn.push(...layer.extra);
  return { sites, legend: { label: ctx.say.sitesLegend, color }, drawn };
}
