import './zod-config.ts';
import { z } from 'zod';
import { CountyCode, LonLat } from './geo.ts';

/**
 * /data/lvliang-counties.geojson: the 13 counties as RFC 7946 GeoJSON for GIS tools. Properties
 * are flat scalars (a shapefile has no list fields); rings are closed; coordinates have at most
 * 6 decimals. Ring winding (outer counter-clockwise) is checked by tests/e2e/downloads.test.ts.
 */
const SIX_DECIMALS = (x: number) => Math.abs(x * 1e6 - Math.round(x * 1e6)) < 1e-6;
const Position = LonLat.refine((p) => p.every(SIX_DECIMALS), 'coordinates have at most 6 decimals');
const Ring = z
  .array(Position)
  .min(4)
  .refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], 'a ring must be closed');
const PolygonCoordinates = z.array(Ring).min(1);

export const CountyDownloadProperties = z.strictObject({
  code: CountyCode,
  zh: z.string().min(1),
  en: z.string().min(1),
  label_lon: z.number().min(-180).max(180),
  label_lat: z.number().min(-90).max(90),
});

export const CountiesGeoJson = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.strictObject({
        type: z.literal('Feature'),
        id: z.string(),
        properties: CountyDownloadProperties,
        geometry: z.discriminatedUnion('type', [
          z.strictObject({ type: z.literal('Polygon'), coordinates: PolygonCoordinates }),
          z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonCoordinates).min(1) }),
        ]),
      }),
    )
    .length(13),
});

export type CountyDownloadProperties = z.infer<typeof CountyDownloadProperties>;
export type CountiesGeoJson = z.infer<typeof CountiesGeoJson>;
