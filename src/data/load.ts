/**
 * The generated data files, read and checked once at build time; every page, embed and export
 * gets its figures and geography from here.
 */
import { z } from 'zod';
import { readJsonFile } from '../schema/json-file.ts';
import { Edition } from '../schema/edition.ts';
import { Metrics, type Metric } from '../schema/metrics.ts';
import { LvliangTopology } from '../schema/geo.ts';
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

/** The English texts by id: every value a non-empty string. */
const Translations = z.record(z.string(), z.string().min(1));

let cached: SiteData | null = null;

export function loadSiteData(root = process.cwd()): SiteData {
  if (cached) return cached;
  const edition = readJsonFile('data/edition.json', Edition, { root, hint: 'run npm run data' });
  const { metrics, unreadable } = readJsonFile('data/metrics.json', Metrics, { root, hint: 'run npm run data' });
  const topology = readJsonFile('data/geo/lvliang.topo.json', LvliangTopology, { root, hint: 'run npm run geo' });
  const geo = geoFromTopology(topology);
  const metricsById = new Map(metrics.map((m) => [m.id, m]));
  const english = readJsonFile('src/content/translations/en.json', Translations, { root });
  cached = { edition, metrics, unreadable, metricsById, topology, geo, english, compileInput: { metrics: metricsById, geo, captions: edition.captions, english } };
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
