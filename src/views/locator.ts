/**
 * The locator inset of a view (where 吕梁 lies in Shanxi), compiled once for every renderer:
 * Shanxi's prefecture-level cities as SVG paths in a frame LOCATOR_WIDTH units wide, 吕梁
 * highlighted, the capital 太原 marked, and a line placing the province in northern China.
 * No map of China (a national map needs a review number, 审图号): the words say where Shanxi is.
 */
import { geoMercator, geoPath } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { ShanxiTopology } from '../schema/locator.ts';
import type { Lang } from '../i18n/lang.ts';

/** Width of the inset in SVG units (= CSS px on the page: its 12-unit text stays 12 px). */
export const LOCATOR_WIDTH = 72;

export interface CompiledLocator {
  width: number;
  height: number;
  /** The prefecture highlighted (the view's city). */
  highlight: string;
  prefectures: Array<{ code: string; name: string; d: string }>;
  capital: { x: number; y: number; name: string };
  /** 山西省位于华北 / Shanxi, northern China. */
  caption: string;
  /** What the inset shows, for screen readers. */
  label: string;
}

type PrefectureProps = { code: string; zh: string; en: string };

export function compileLocator(topology: ShanxiTopology, caption: string, lang: Lang, highlight: string): CompiledLocator {
  const fc = feature(topology as never, topology.objects.prefectures as never) as unknown as FeatureCollection<
    Polygon | MultiPolygon,
    PrefectureProps
  >;
  const projection = geoMercator().fitWidth(LOCATOR_WIDTH, fc);
  const path = geoPath(projection).digits(1);
  const [[, y0], [, y1]] = path.bounds(fc);
  const name = (p: PrefectureProps) => (lang === 'zh' ? p.zh : p.en);
  const [cx, cy] = projection(topology.objects.capital.coordinates)!;
  const own = fc.features.find((f: Feature<Polygon | MultiPolygon, PrefectureProps>) => f.properties.code === highlight);
  if (!own) throw new Error(`locator: no prefecture ${highlight} in data/geo/shanxi.topo.json`);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    width: LOCATOR_WIDTH,
    height: Math.ceil(y1 - Math.min(0, y0)),
    highlight,
    prefectures: fc.features.map((f) => ({ code: f.properties.code, name: name(f.properties), d: path(f) ?? '' })),
    // The city's name without 市 on the inset: 太原, as a reader names the capital.
    capital: { x: r1(cx), y: r1(cy), name: name(topology.objects.capital.properties).replace(/市$/, '') },
    caption,
    label:
      lang === 'zh'
        ? `${caption}：${name(own.properties)}（深色）与省会${name(topology.objects.capital.properties)}（圆点）在山西省的位置`
        : `${caption}: where ${name(own.properties)} (dark) and the capital, ${name(topology.objects.capital.properties)} (dot), lie in Shanxi`,
  };
}
