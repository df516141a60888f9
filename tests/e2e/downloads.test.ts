/**
 * The files offered on /data/, fetched from the built site and opened with the tools their
 * readers use: GDAL (ogrinfo, ogr2ogr to a shapefile) for the geography, csvkit's type
 * inference (agate, as LibreOffice and Excel guess dates) for the CSV, and the zod schemas for
 * the JSON. Needs gdal-bin and csvkit (scripts/install-test-deps.sh).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParseRows } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Edition } from '../../src/schema/edition.ts';
import { Metrics, type Metric } from '../../src/schema/metrics.ts';
import { LvliangTopology } from '../../src/schema/geo.ts';
import { CountiesGeoJson } from '../../src/schema/geo-downloads.ts';
import { FRACTION_SLASH, METRIC_CSV_COLUMNS } from '../../src/data/metrics-csv.ts';
import { DATASET_RELEASE } from '../../src/data/dataset.ts';
import { ROOT, startServer, type StaticServer } from './harness.ts';

let server: StaticServer;
let dir: string;
const metrics = (JSON.parse(readFileSync(join(ROOT, 'data/metrics.json'), 'utf8')) as { metrics: Metric[] }).metrics;

/** Every download linked from /data/, saved under its own name as a reader's browser would. */
const DOWNLOADS = [
  '/data/metrics.csv',
  '/data/metrics.json',
  '/data/edition.json',
  '/data/lvliang.topo.json',
  '/data/lvliang-counties.geojson',
];
/** Columns meant to be read as dates (ISO 8601); every other cell must not look like one. */
const DATE_COLUMNS: string[] = METRIC_CSV_COLUMNS.filter((c) => c.type === 'date').map((c) => c.name);
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'downloads-'));
  for (const path of [...DOWNLOADS, '/geo/lvliang.topo.json']) {
    const r = await fetch(server.url(path));
    expect(r.status, path).toBe(200);
    writeFileSync(file(path.slice(1).replaceAll('/', '-')), new Uint8Array(await r.arrayBuffer()));
  }
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: dir });
  if (r.error) throw new Error(`${cmd} could not run (${r.error.message}): bash scripts/install-test-deps.sh`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the download list', () => {
  it('/data/ links exactly the files tested here', async () => {
    const html = await (await fetch(server.url('/data/'))).text();
    const linked = [...html.matchAll(/<a href="([^"]+)" download/g)].map((m) => m[1]);
    expect(linked.sort()).toEqual([...DOWNLOADS].sort());
  });
});

describe('the data page documents the downloads', () => {
  const page = async (path: string) => (await fetch(server.url(path))).text();
  const section = (html: string, id: string) =>
    html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));

  it.each(['/data/', '/en/data/'])('%s: the codebook lists every column of metrics.csv, in file order', async (path) => {
    const codebook = section(await page(path), 'codebook');
    const header = readFileSync(file('data-metrics.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    expect([...codebook.matchAll(/<th scope="row"><code>([^<]+)<\/code>/g)].map((m) => m[1])).toEqual(header);
  });

  it.each([
    ['/data/', /报纸名称、出版日期和版次.*未知/],
    ['/en/data/', /neither the newspaper’s name nor the date or page number: they are unknown/],
  ])(
    '%s: names the source as printed, says what it does not print, and how to cite the dataset under which licence',
    async (path, unknown) => {
      const cite = section(await page(path), 'cite');
      expect(cite).toContain('全国扶贫日·专刊①');
      expect(cite).toMatch(unknown);
      expect(cite).toContain(`${DATASET_RELEASE.version}`);
      expect(cite).toContain(DATASET_RELEASE.date);
      expect(cite).toContain('https://creativecommons.org/licenses/by/4.0/');
      expect(cite).toMatch(/AMap|高德/);
    },
  );

  it('/en/data/: periods in English, each row linked to its English paragraph, the translation said to be the site’s own', async () => {
    const html = await page('/en/data/');
    const row = html.slice(
      html.indexOf('id="row-city-rural-income-2019"'),
      html.indexOf('</tr>', html.indexOf('id="row-city-rural-income-2019"')),
    );
    expect(row).toContain('<td lang="en">as of the end of 2019</td>');
    expect(row).toContain('href="/en/#lead-p4"');
    const english = await page('/en/');
    for (const m of metrics) expect(english, m.paragraph).toContain(`id="${m.paragraph}"`);
    expect(html.match(/class="to-english"/g)).toHaveLength(metrics.length);
    for (const page of [html, english])
      expect(page).toMatch(/class="translation-note">The English on this site is the site’s own translation, not an official one/);
    expect(section(html, 'methods')).toMatch(/60\.8%.*59\.1%/s);
  });
});

describe('metrics.csv', () => {
  const bytes = () => readFileSync(file('data-metrics.csv'));
  const text = () =>
    bytes()
      .toString('utf8')
      .replace(/^\uFEFF/, '');

  it('has a BOM and ends every record with CRLF (RFC 4180), never a bare LF or CR', () => {
    expect([...bytes().subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const t = text();
    expect(t.endsWith('\r\n')).toBe(true);
    expect(t.match(/(?<!\r)\n/g)).toBeNull();
    expect(t.match(/\r(?!\n)/g)).toBeNull();
    expect(t.split('\r\n')).toHaveLength(metrics.length + 2);
  });

  it('csvkit reads every figure and infers no date or time column', () => {
    const stat = run('csvstat', ['--csv', 'data-metrics.csv']);
    expect(stat.status, stat.stderr).toBe(0);
    const rows = csvParseRows(stat.stdout);
    const typeAt = rows[0]!.indexOf('type');
    const nameAt = rows[0]!.indexOf('column_name');
    const types = Object.fromEntries(rows.slice(1).map((r) => [r[nameAt]!, r[typeAt]!]));
    expect(Object.keys(types)).toEqual(METRIC_CSV_COLUMNS.map((c) => c.name));
    expect(Object.entries(types).filter(([, t]) => /date|time/i.test(t))).toEqual([]);
    for (const c of METRIC_CSV_COLUMNS.filter((c) => c.type === 'decimal')) expect(types[c.name], c.name).toBe('Number');
    const count = run('csvstat', ['--count', 'data-metrics.csv']);
    expect(count.stdout.trim()).toBe(String(metrics.length));
    const json = run('csvjson', ['data-metrics.csv']);
    expect(json.status, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(metrics.length);
  });

  it('has no cell a spreadsheet would read as a date or time (agate, cell by cell, and the patterns LibreOffice takes)', () => {
    // csvkit infers a type per column; a spreadsheet guesses per cell, so one 1/7 in a text column is enough.
    const script = [
      'import csv, sys, agate',
      'd, dt = agate.Date(), agate.DateTime()',
      "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))",
      'dates = set(sys.argv[2].split(","))',
      'for i, r in enumerate(rows):',
      '  for j, c in enumerate(r):',
      '    if rows[0][j] not in dates and c and not c.replace(".", "", 1).lstrip("-").isdigit() and (d.test(c) or dt.test(c)): print(i, rows[0][j], c)',
    ].join('\n');
    const agate = run('/usr/bin/python3', ['-c', script, 'data-metrics.csv', DATE_COLUMNS.join(',')]);
    expect(agate.status, agate.stderr).toBe(0);
    expect(agate.stdout).toBe('');
    // d/m, m-d, y/m/d and h:mm (a decimal point is a number, not a date, in the locales the CSV is for).
    const dateLike = /^\s*(\d{1,4}\s*[/-]\s*\d{1,2}(\s*[/-]\s*\d{1,4})?|\d{1,2}:\d{2}(:\d{2})?)\s*$/;
    const [header, ...rows] = csvParseRows(text());
    const cells = rows.flatMap((r) => r.filter((_, j) => !DATE_COLUMNS.includes(header![j]!)));
    expect(cells.filter((c) => dateLike.test(c))).toEqual([]);
  });

  it('says the same as metrics.json: value, range as low and high, fraction as decimal and text, raw as printed', () => {
    const [header, ...rows] = csvParseRows(text());
    expect(header).toEqual(METRIC_CSV_COLUMNS.map((c) => c.name));
    const records = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
    expect(records.map((r) => r.id)).toEqual(metrics.map((m) => m.id));
    for (const [i, r] of records.entries()) {
      const m = metrics[i]!;
      expect(r.raw!.replace(FRACTION_SLASH, '/'), m.id).toBe(m.raw);
      expect(r.quote).toBe(m.quote);
      if (m.range) {
        expect([r.value, Number(r.range_low), Number(r.range_high)], m.id).toEqual(['', m.range.low, m.range.high]);
      } else {
        expect(Number(r.value), m.id).toBe(m.value);
        expect([r.range_low, r.range_high]).toEqual(['', '']);
      }
      if (m.fraction) {
        expect(Number(r.fraction_decimal)).toBeCloseTo(m.fraction.numerator / m.fraction.denominator, 6);
        expect(r.fraction_text).toBe(`${m.fraction.numerator} in ${m.fraction.denominator}`);
      } else expect([r.fraction_decimal, r.fraction_text]).toEqual(['', '']);
    }
    expect(records.filter((r) => r.fraction_text).map((r) => r.id)).toEqual(metrics.filter((m) => m.fraction).map((m) => m.id));
  });
});

describe('the JSON downloads', () => {
  it('metrics.json and edition.json are the committed data, byte for byte, and match their schemas', () => {
    for (const [name, committed, schema] of [
      ['data-metrics.json', 'data/metrics.json', Metrics],
      ['data-edition.json', 'data/edition.json', Edition],
    ] as const) {
      const served = readFileSync(file(name), 'utf8');
      expect(served).toBe(readFileSync(join(ROOT, committed), 'utf8'));
      const r = schema.safeParse(JSON.parse(served));
      expect(r.success, `${name}: ${r.error?.message}`).toBe(true);
    }
  });

  it('both TopoJSON copies are one file, the committed topology, matching its schema', () => {
    const data = readFileSync(file('data-lvliang.topo.json'), 'utf8');
    expect(readFileSync(file('geo-lvliang.topo.json'), 'utf8')).toBe(data);
    expect(JSON.parse(data)).toEqual(JSON.parse(readFileSync(join(ROOT, 'data/geo/lvliang.topo.json'), 'utf8')));
    expect(LvliangTopology.safeParse(JSON.parse(data)).success).toBe(true);
  });

  it('the GeoJSON matches its schema: flat properties, closed rings, at most 6 decimals', () => {
    const r = CountiesGeoJson.safeParse(JSON.parse(readFileSync(file('data-lvliang-counties.geojson'), 'utf8')));
    expect(r.success, r.error?.message).toBe(true);
  });
});

describe('the geography in GDAL', () => {
  it.each(['data-lvliang.topo.json', 'geo-lvliang.topo.json'])('ogrinfo opens %s as TopoJSON without a driver prefix', (name) => {
    const info = run('ogrinfo', ['-ro', '-so', name, 'counties']);
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout).toContain("using driver `TopoJSON' successful");
    expect(info.stdout).toMatch(/Feature Count: 13\b/);
    const layers = run('ogrinfo', ['-ro', '-q', name]);
    expect(layers.stdout).toMatch(/counties/);
    expect(layers.stdout).toMatch(/neighbours/);
  });

  it('ogrinfo opens the GeoJSON: 13 counties with flat fields', () => {
    const info = run('ogrinfo', ['-ro', '-so', '-al', 'data-lvliang-counties.geojson']);
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout).toContain("using driver `GeoJSON' successful");
    expect(info.stdout).toMatch(/Feature Count: 13\b/);
    expect(info.stdout).not.toMatch(/List\b/);
    expect(info.stderr).toBe('');
  });

  it('ogr2ogr writes it to a shapefile with no warning, every field and the Chinese names kept', () => {
    const out = run('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', 'counties.shp', 'data-lvliang-counties.geojson']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toBe('');
    const shp = run('ogrinfo', ['-ro', '-al', 'counties.shp']);
    expect(shp.stdout).toMatch(/Feature Count: 13\b/);
    for (const field of ['code', 'zh', 'en', 'label_lon', 'label_lat']) expect(shp.stdout).toMatch(new RegExp(`^${field}: `, 'm'));
    expect(shp.stdout).toContain('zh (String) = 临县');
  });

  it('the GeoJSON winds outer rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6)', () => {
    const fc = JSON.parse(readFileSync(file('data-lvliang-counties.geojson'), 'utf8')) as CountiesGeoJson;
    // Shoelace sum over planar lon/lat: positive = counter-clockwise.
    const signedArea = (ring: number[][]) => ring.slice(1).reduce((s, p, i) => s + (ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!), 0) / 2;
    const polygons = fc.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
    expect(polygons.length).toBeGreaterThanOrEqual(13);
    for (const [outer, ...holes] of polygons) {
      expect(signedArea(outer!)).toBeGreaterThan(0);
      for (const h of holes) expect(signedArea(h)).toBeLessThan(0);
    }
  });
});
