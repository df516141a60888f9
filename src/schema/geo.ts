import './zod-config.ts';
import { z } from 'zod';

/**
 * The story map's geography: data/geo/lvliang.topo.json, one quantized TopoJSON topology
 * with objects `counties` (吕梁市's 13 county-level divisions), `neighbours` (the six
 * bordering prefectures, clipped) and `yellowRiver` (the county–Shaanxi border).
 */

/** GB/T 2260 code of a county-level division of 吕梁市 (1411xx). */
export const CountyCode = z.string().regex(/^1411\d{2}$/);
/** GB/T 2260 code of a prefecture-level division (xxxx00). */
export const PrefectureCode = z
  .string()
  .regex(/^\d{4}00$/)
  .refine((c) => !c.endsWith('0000'));

/** [longitude, latitude] in WGS 84 degrees. */
export const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const CountyProperties = z.strictObject({
  code: CountyCode,
  /** Name as written in Chinese, e.g. 临县. */
  zh: z.string().min(1),
  /** English name, pinyin + type, e.g. "Lin County". */
  en: z.string().min(1),
  /** A point inside the county for its label, 4 decimals. */
  label: LonLat,
});

export const NeighbourProperties = z.strictObject({
  code: PrefectureCode,
  zh: z.string().min(1),
  en: z.string().min(1),
  /** 140000 Shanxi, 610000 Shaanxi. */
  province: z.enum(['140000', '610000']),
});

const ArcIndexes = z.array(z.number().int()).min(1);

function areaGeometry<P extends z.ZodType>(properties: P) {
  return z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('Polygon'),
      id: z.string(),
      arcs: z.array(ArcIndexes).min(1),
      properties,
    }),
    z.strictObject({
      type: z.literal('MultiPolygon'),
      id: z.string(),
      arcs: z.array(z.array(ArcIndexes).min(1)).min(1),
      properties,
    }),
  ]);
}

export const CountyGeometry = areaGeometry(CountyProperties);
export const NeighbourGeometry = areaGeometry(NeighbourProperties);

/** Quantized arc: first position absolute, the rest deltas (integers). */
const QuantizedArc = z.array(z.tuple([z.number().int(), z.number().int()])).min(2);

/** Every arc index used by the objects refers to an existing arc. */
function arcIndexesInRange(topology: { arcs: unknown[]; objects: unknown }): boolean {
  const n = topology.arcs.length;
  const ok = (v: unknown): boolean => (typeof v === 'number' ? (v < 0 ? ~v : v) < n : Array.isArray(v) ? v.every(ok) : true);
  const walk = (o: unknown): boolean => {
    if (Array.isArray(o)) return o.every(walk);
    if (o === null || typeof o !== 'object') return true;
    return Object.entries(o).every(([k, v]) => (k === 'arcs' ? ok(v) : k === 'properties' || walk(v)));
  };
  return walk(topology.objects);
}

const uniqueIds = (geometries: { id: string }[]) => new Set(geometries.map((g) => g.id)).size === geometries.length;

/** What every quantized TopoJSON file of data/geo/ opens with: its type, bounding box and quantization. */
export const QUANTIZED_TOPOLOGY = {
  type: z.literal('Topology'),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  transform: z.strictObject({
    scale: z.tuple([z.number().positive(), z.number().positive()]),
    translate: z.tuple([z.number(), z.number()]),
  }),
};

export const LvliangTopology = z
  .strictObject({
    ...QUANTIZED_TOPOLOGY,
    objects: z.strictObject({
      counties: z.strictObject({
        type: z.literal('GeometryCollection'),
        geometries: z
          .array(CountyGeometry)
          .length(13)
          .refine(uniqueIds, 'county ids must be unique')
          .refine((gs) => gs.every((g) => g.id === g.properties.code), 'id must equal code'),
      }),
      neighbours: z.strictObject({
        type: z.literal('GeometryCollection'),
        geometries: z
          .array(NeighbourGeometry)
          .length(6)
          .refine(uniqueIds, 'neighbour ids must be unique')
          .refine((gs) => gs.every((g) => g.id === g.properties.code), 'id must equal code'),
      }),
      yellowRiver: z.strictObject({
        type: z.literal('MultiLineString'),
        arcs: z.array(ArcIndexes).min(1),
      }),
    }),
    arcs: z.array(QuantizedArc).min(1),
  })
  .refine(arcIndexesInRange, 'an arc index is out of range');

export type CountyProperties = z.infer<typeof CountyProperties>;
export type NeighbourProperties = z.infer<typeof NeighbourProperties>;
export type CountyGeometry = z.infer<typeof CountyGeometry>;
export type NeighbourGeometry = z.infer<typeof NeighbourGeometry>;
export type LvliangTopology = z.infer<typeof LvliangTopology>;
