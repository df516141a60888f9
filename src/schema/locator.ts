import './zod-config.ts';
import { z } from 'zod';
import { LonLat, PrefectureCode, QUANTIZED_TOPOLOGY } from './geo.ts';

/**
 * The locator's geography: data/geo/shanxi.topo.json (src/pipeline/geo-locator.ts), a quantized
 * TopoJSON topology with objects `prefectures` (Shanxi's 11 prefecture-level cities) and
 * `capital` (a point: the centre of 太原's urban districts).
 */
const PrefectureProperties = z.strictObject({ code: PrefectureCode, zh: z.string().min(1), en: z.string().min(1) });
const ArcIndexes = z.array(z.number().int()).min(1);
const Prefecture = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Polygon'), id: z.string(), arcs: z.array(ArcIndexes).min(1), properties: PrefectureProperties }),
  z.strictObject({
    type: z.literal('MultiPolygon'),
    id: z.string(),
    arcs: z.array(z.array(ArcIndexes).min(1)).min(1),
    properties: PrefectureProperties,
  }),
]);

export const ShanxiTopology = z.strictObject({
  ...QUANTIZED_TOPOLOGY,
  objects: z.strictObject({
    prefectures: z.strictObject({
      type: z.literal('GeometryCollection'),
      geometries: z
        .array(Prefecture)
        .length(11)
        .refine((gs) => gs.every((g) => g.id === g.properties.code && g.id.startsWith('14')), 'id must equal code, in Shanxi (14xxxx)'),
    }),
    capital: z.strictObject({ type: z.literal('Point'), coordinates: LonLat, properties: PrefectureProperties }),
  }),
  arcs: z.array(z.array(z.tuple([z.number().int(), z.number().int()])).min(2)).min(1),
});
export type ShanxiTopology = z.infer<typeof ShanxiTopology>;
