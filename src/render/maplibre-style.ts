import type { ExpressionSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { CompiledView } from '../views/compile.ts';
import { PALETTE } from '../views/palette.ts';

/** Sources whose geometry the page fills in from the TopoJSON at run time (one download for every view). */
export const GEO_SOURCES = ['counties', 'neighbours', 'river'] as const;
const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };

/** The pattern image the page registers for "not reported" (MapLibre patterns are images). */
export const HATCH_IMAGE = 'hatch';

/** County code → colour, as a MapLibre `match` expression over the feature's `code`. */
export function fillExpression(v: CompiledView): ExpressionSpecification {
  const pairs = Object.entries(v.fills).flatMap(([code, f]) => [code, f.fill]);
  return ['match', ['get', 'code'], ...pairs, PALETTE.county.hex] as unknown as ExpressionSpecification;
}

const inCodes = (codes: string[]): ExpressionSpecification => ['in', ['get', 'code'], ['literal', codes]];

/**
 * The compiled view as a MapLibre style: data, not imperative layer calls. No glyphs or tiles:
 * names are drawn by the page as HTML markers, so nothing is fetched from any server.
 */
export function toMapLibreStyle(v: CompiledView): StyleSpecification {
  const notReported = Object.entries(v.fills)
    .filter(([, f]) => f.status === 'not-reported')
    .map(([code]) => code);
  const point = (lonLat: [number, number], properties: Record<string, string | number>) => ({
    type: 'Feature' as const,
    properties,
    geometry: { type: 'Point' as const, coordinates: lonLat },
  });
  return {
    version: 8,
    name: `${v.id}${v.state ? `:${v.state}` : ''}`,
    sources: {
      counties: empty,
      neighbours: empty,
      river: empty,
      symbols: {
        type: 'geojson',
        data: {
          type: 'FeatureCollection',
          features: [...v.symbols]
            .sort((a, b) => b.radius - a.radius)
            .map((s) => point(s.lonLat, { radius: s.radius, color: s.color, metric: s.metric, region: s.region })),
        },
      },
      sites: {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: v.sites.map((s) => point(s.lonLat, { color: s.color, region: s.region })) },
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': PALETTE.land.hex } },
      // No antialiasing of fills: a line layer draws every edge over them, and the outline pass
      // would be one more shader program to compile while the reader waits.
      {
        id: 'neighbours-fill',
        type: 'fill',
        source: 'neighbours',
        paint: { 'fill-color': PALETTE.neighbour.hex, 'fill-antialias': false },
      },
      { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': PALETTE.neighbourLine.hex, 'line-width': 0.8 } },
      { id: 'counties-fill', type: 'fill', source: 'counties', paint: { 'fill-color': fillExpression(v), 'fill-antialias': false } },
      {
        id: 'counties-hatch',
        type: 'fill',
        source: 'counties',
        filter: inCodes(notReported),
        paint: { 'fill-pattern': HATCH_IMAGE, 'fill-antialias': false },
      },
      { id: 'counties-line', type: 'line', source: 'counties', paint: { 'line-color': PALETTE.countyLine.hex, 'line-width': 0.8 } },
      {
        id: 'river',
        type: 'line',
        source: 'river',
        paint: { 'line-color': PALETTE.river.hex, 'line-width': 2.4 },
        layout: { 'line-join': 'round' },
      },
      {
        id: 'highlight',
        type: 'line',
        source: 'counties',
        filter: inCodes(v.highlight),
        paint: { 'line-color': PALETTE.focus.hex, 'line-width': 2 },
      },
      {
        id: 'precision',
        type: 'line',
        source: 'counties',
        filter: inCodes(v.precision.map((p) => p.region)),
        paint: { 'line-color': PALETTE.ink.hex, 'line-width': 1.6, 'line-dasharray': [3, 2] },
      },
      {
        id: 'symbols',
        type: 'circle',
        source: 'symbols',
        paint: {
          'circle-radius': ['get', 'radius'],
          'circle-color': ['get', 'color'],
          'circle-opacity': 0.8,
          'circle-stroke-color': PALETTE.paper.hex,
          'circle-stroke-width': 1,
        },
      },
      {
        id: 'sites',
        type: 'circle',
        source: 'sites',
        paint: {
          'circle-radius': 3.2,
          'circle-color': ['get', 'color'],
          'circle-stroke-color': PALETTE.paper.hex,
          'circle-stroke-width': 0.8,
        },
      },
    ],
  };
}
