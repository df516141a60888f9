/**
 * The generated data files, read and checked once at build time; every page, embed and export
 * gets its figures and geography from here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Edition } from '../schema/edition.ts';
import { Metrics, type Metric } from '../schema/metrics.ts';
import { LvliangTopology } from '../schema/geo.ts';
import { ShanxiTopology } from '../schema/locator.ts';
import { geoFromTopology, type GeoData } from '../views/geo-data.ts';
import { compileView, type CompileInput, type CompiledView } from '../views/compile.ts';
import type { Lang } from '../views/format.ts';
import { allViewKeys } from '../views/view-keys.ts';

export interface SiteData {
  edition: Edition;
  metrics: Metric[];
  /** Printed numbers that cannot be read as figures (a unit missing in the source). */
  unreadable: Metrics['unreadable'];
  metricsById: Map<string, Metric>;
  topology: unknown;
  geo: GeoData;
  /** The English edition's texts by id (src/content/translations/en.json). */
  english: Record<string, string>;
  compileInput: CompileInput;
}

function readJson(root: string, file: string): unknown {
  return JSON.parse(readFileSync(join(root, file), 'utf8'));
}

function check<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${file} does not match its schema: ${i.path.join('.')}: ${i.message} (run npm run data)`);
  }
  return r.data;
}

let cached: SiteData | null = null;

export function loadSiteData(root = process.cwd()): SiteData {
  if (cached) return cached;
  const edition = check(Edition, readJson(root, 'data/edition.json'), 'data/edition.json');
  const { metrics, unreadable } = check(Metrics, readJson(root, 'data/metrics.json'), 'data/metrics.json');
  const topology = check(LvliangTopology, readJson(root, 'data/geo/lvliang.topo.json'), 'data/geo/lvliang.topo.json');
  const geo = geoFromTopology(topology);
  const locator = check(ShanxiTopology, readJson(root, 'data/geo/shanxi.topo.json'), 'data/geo/shanxi.topo.json');
  const metricsById = new Map(metrics.map((m) => [m.id, m]));
  const english = JSON.parse(readFileSync(join(root, 'src/content/translations/en.json'), 'utf8')) as Record<string, string>;
  cached = { edition, metrics, unreadable, metricsById, topology, geo, english, compileInput: { metrics: metricsById, geo, captions: edition.captions, english, locator } };
  return cached;
}

const compiled = new Map<Lang, Array<{ key: string; view: CompiledView }>>();

/** Every view key compiled for one language, in drawing order: compiled once per build, read by every page that needs them. */
export function compiledViews(lang: Lang): Array<{ key: string; view: CompiledView }> {
  let views = compiled.get(lang);
  if (!views) {
    const { compileInput } = loadSiteData();
    views = allViewKeys().map((k) => ({ key: k.key, view: compileView(k.view, compileInput, lang, k.state) }));
    compiled.set(lang, views);
  }
  return views;
}
