/**
 * The locator's geography: Shanxi's eleven prefecture-level cities, each the union of its county
 * shapes in the package's `shan1_xi1_*` county-level files (topojson-client `merge`), converted
 * to WGS 84 like the story's counties, simplified hard (a locator is drawn ~100 px tall) and
 * quantized. Plus one point: the centre of 太原's six urban districts, where the locator marks
 * the provincial capital. No map of China: only the province, which a reader is told lies in
 * northern China in words.
 *
 * Pure functions only; geo-cli.ts reads the files and writes data/geo/shanxi.topo.json.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { merge, quantize } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { InputError } from '../schema/json-file.ts';
import { divisionsFile, gcj02ToWgs84, mapPositions, parseSourceFile, stableJson } from './geo.ts';
import { ShanxiTopology } from '../schema/locator.ts';

export interface PrefectureSpec {
  code: string;
  zh: string;
  en: string;
  /** File name stem in the package (pinyin with tone digits). */
  slug: string;
}

/** Shanxi's 11 prefecture-level cities (GB/T 2260), in code order. */
export const PREFECTURES: readonly PrefectureSpec[] = [
  { code: '140100', zh: '太原市', en: 'Taiyuan', slug: 'shan1_xi1_tai4_yuan2' },
  { code: '140200', zh: '大同市', en: 'Datong', slug: 'shan1_xi1_da4_tong2' },
  { code: '140300', zh: '阳泉市', en: 'Yangquan', slug: 'shan1_xi1_yang2_quan2' },
  { code: '140400', zh: '长治市', en: 'Changzhi', slug: 'shan1_xi1_chang2_zhi4' },
  { code: '140500', zh: '晋城市', en: 'Jincheng', slug: 'shan1_xi1_jin4_cheng2' },
  { code: '140600', zh: '朔州市', en: 'Shuozhou', slug: 'shan1_xi1_shuo4_zhou1' },
  { code: '140700', zh: '晋中市', en: 'Jinzhong', slug: 'shan1_xi1_jin4_zhong1' },
  { code: '140800', zh: '运城市', en: 'Yuncheng', slug: 'shan1_xi1_yun4_cheng2' },
  { code: '140900', zh: '忻州市', en: 'Xinzhou', slug: 'shan1_xi1_xin1_zhou1' },
  { code: '141000', zh: '临汾市', en: 'Linfen', slug: 'shan1_xi1_lin2_fen2' },
  { code: '141100', zh: '吕梁市', en: 'Lüliang', slug: 'shan1_xi1_lv3_liang2' },
];

/** 太原's urban districts (小店, 迎泽, 杏花岭, 尖草坪, 万柏林, 晋源): their centre marks the capital. */
export const CAPITAL_DISTRICTS = ['140105', '140106', '140107', '140108', '140109', '140110'] as const;

export const LOCATOR_SETTINGS = {
  /** Visvalingam–Whyatt minimum effective triangle area: detail below a pixel at locator size. */
  minTriangleKm2: 4,
  quantization: 2_000,
  pointDecimals: 3,
} as const;

const EARTH_RADIUS_KM = 6371.0088;

export function locatorFilePaths(): string[] {
  return PREFECTURES.map((p) => divisionsFile(p.slug));
}

export interface LocatorBuild {
  topology: ShanxiTopology;
  stats: { counties: number; arcs: number; positions: number };
}

type Topo = Topology<Record<string, GeometryCollection>>;

/** The Shanxi topology from the package's files (path → text, paths from locatorFilePaths()). */
export function buildShanxiTopology(texts: ReadonlyMap<string, string>): LocatorBuild {
  const counties: Array<Feature<Polygon | MultiPolygon, { prefecture: string }>> = [];
  const capital: Array<Feature<Polygon | MultiPolygon>> = [];
  for (const spec of PREFECTURES) {
    const path = divisionsFile(spec.slug);
    const source = parseSourceFile(texts, path);
    const prefix = spec.code.slice(0, 4);
    const strays = source.features.filter((f) => !f.id?.startsWith(prefix)).map((f) => f.id ?? '(no id)');
    if (source.features.length === 0 || strays.length > 0) {
      throw new InputError(
        path,
        `county ids do not all start with ${prefix} (${spec.zh} ${spec.code}): ${strays.join(', ') || 'no features'}`,
      );
    }
    for (const f of source.features) {
      const wgs = mapPositions(turf.feature(f.geometry, { prefecture: spec.code }), gcj02ToWgs84);
      counties.push(wgs);
      if ((CAPITAL_DISTRICTS as readonly string[]).includes(f.id ?? '')) capital.push(wgs);
    }
  }
  if (capital.length !== CAPITAL_DISTRICTS.length) {
    throw new InputError(
      divisionsFile(PREFECTURES[0]!.slug),
      `expected 太原's ${CAPITAL_DISTRICTS.length} urban districts (${CAPITAL_DISTRICTS.join(', ')}), found ${capital.length}`,
    );
  }

  // Counties → one topology, so that each prefecture's union is taken over shared arcs.
  const all = buildTopology({ counties: turf.featureCollection(counties) }) as unknown as Topo;
  const prefectures = PREFECTURES.map((spec) => {
    const own = all.objects.counties!.geometries.filter((g) => (g.properties as { prefecture: string }).prefecture === spec.code);
    return turf.feature(merge(all as never, own as never) as MultiPolygon, { code: spec.code, zh: spec.zh, en: spec.en });
  });
  const merged = buildTopology({ prefectures: turf.featureCollection(prefectures) }) as unknown as Topo;
  for (const g of merged.objects.prefectures!.geometries) g.id = String((g.properties as { code: string }).code);
  const minArea = LOCATOR_SETTINGS.minTriangleKm2 / (EARTH_RADIUS_KM * EARTH_RADIUS_KM);
  const simplified = simplify(presimplify(merged as never, sphericalTriangleArea), minArea) as unknown as Topo;
  const quantized = quantize(simplified as never, LOCATOR_SETTINGS.quantization) as unknown as Topo;

  // Drop the simplifier's bookkeeping: arcs carry [x, y] only.
  const round = (x: number) => Number(x.toFixed(LOCATOR_SETTINGS.pointDecimals));
  const centre = turf.centerOfMass(turf.featureCollection(capital)).geometry.coordinates;
  (quantized.objects as Record<string, unknown>)['capital'] = {
    type: 'Point',
    coordinates: [round(centre[0]!), round(centre[1]!)],
    properties: { code: '140100', zh: '太原市', en: 'Taiyuan' },
  };
  const topology = ShanxiTopology.parse(quantized);
  const positions = topology.arcs.reduce((n, a) => n + a.length, 0);
  return { topology, stats: { counties: counties.length, arcs: topology.arcs.length, positions } };
}

/** The file's text: stable JSON (sorted keys), one arc per line. */
export function serializeShanxi(topology: ShanxiTopology): string {
  const entries = Object.entries(topology).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([k, v]) =>
    k === 'arcs' ? `${JSON.stringify(k)}:[\n${(v as unknown[]).map(stableJson).join(',\n')}\n]` : `${JSON.stringify(k)}:${stableJson(v)}`,
  );
  return `{${lines.join(',\n')}}\n`;
}
