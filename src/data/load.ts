/**
 * The generated data files, read and checked once at build time; every page, embed and export
 * gets its figures and geography from here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../schema/json-file.ts';
import { Edition, seriesNumber } from '../schema/edition.ts';
import { CHAPTERS_DIR } from '../schema/paths.ts';
import { Metrics, type Metric } from '../schema/metrics.ts';
import { LvliangTopology } from '../schema/geo.ts';
import { ShanxiTopology } from '../schema/locator.ts';
import { geoFromTopology, type GeoData } from '../views/geo-data.ts';
import { compileView, type CompileInput, type CompiledView } from '../views/compile.ts';
import type { Lang } from '../i18n/lang.ts';
import { allViewKeys } from '../views/view-keys.ts';
import type { ViewSpec } from '../views/view-types.ts';
import { pageOverview, VIEWS } from '../views/views.ts';

/** One page of the series (专刊①, ②…): its edition and its own figures. */
export interface PageData {
  name: string;
  /** Its number in the series, from the edition marker. */
  number: number;
  /** The first page: its data is data/edition.json + data/metrics.json, its story the site's home. */
  first: boolean;
  edition: Edition;
  metrics: Metric[];
  unreadable: Metrics['unreadable'];
}

export interface SiteData {
  /** The first page's edition. */
  edition: Edition;
  /** Every page's figures: the first page's as printed in data/metrics.json, the others' with their `page`. */
  metrics: Metric[];
  /** Every page, in series order. */
  pages: PageData[];
  /** The first page's printed numbers that cannot be read as figures (a unit missing in the source). */
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

/**
 * What each project folder loaded, by its absolute path and whether the build is a release: a
 * build reads its data once for every page, and a test that loads a scratch project gets that
 * project's data, never the first one read.
 */
const loaded = new Map<string, SiteData>();
const cacheKey = (root: string) => `${resolve(root)}\0${isRelease() ? 'release' : 'preview'}`;

/** Checked by npm run data, which refuses a page with no number; 1 for safety. */
const pageNumberOf = (e: Edition): number => seriesNumber(e.editionMarker.text) ?? 1;

/** A release build (`npm run build -- --release`, or RELEASE=1) refuses anything still a draft. */
export const isRelease = (): boolean => process.env.RELEASE === '1' || process.argv.includes('--release');

/** Chapter files still marked `draft: true`, relative to the project. */
function draftChapterFiles(root: string): string[] {
  const dir = CHAPTERS_DIR;
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const f of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${f.name}`;
      if (f.isDirectory()) walk(path);
      else if (f.name.endsWith('.md') && /^---\n[\s\S]*?^draft: true$/m.test(readFileSync(join(root, path), 'utf8'))) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** One entry a release build refuses, with the file and the entry in it (articles.lishi, figure:lishi-p1-f1, chapter). */
export interface ReleaseBlocker {
  file: string;
  entry: string;
  message: string;
}

/** Everything still marked draft on any page: what a release build refuses (the review desk lists the same). */
export function releaseBlockers(root: string, pages: Array<Pick<PageData, 'name' | 'edition' | 'metrics' | 'unreadable'>>): ReleaseBlocker[] {
  return [
    ...pages.flatMap((p) => (p.edition.draft ?? []).map((d) => ({ file: `seeds/${p.name}.manifest.json`, entry: d, message: `${d} is a draft` }))),
    ...pages.flatMap((p) =>
      p.metrics.filter((m) => m.draft).map((m) => ({ file: `seeds/${p.name}.figures.json`, entry: `figure:${m.id}`, message: `figure ${m.id} is a draft` })),
    ),
    ...pages.flatMap((p) =>
      p.unreadable
        .filter((u) => u.why.startsWith('draft '))
        .map((u) => ({ file: `seeds/${p.name}.figures.json`, entry: `figure:${u.why.match(/^draft ([^:]+):/)?.[1] ?? u.raw}`, message: u.why })),
    ),
    ...draftChapterFiles(root).map((f) => ({ file: f, entry: 'chapter', message: 'the chapter is a draft' })),
  ];
}

function refuseDrafts(root: string, pages: PageData[]): void {
  const problems = releaseBlockers(root, pages).map((b) => `${b.file}: ${b.message}`);
  if (problems.length)
    throw new Error(
      `release build refused: ${problems.length} entr${problems.length === 1 ? 'y is' : 'ies are'} still unconfirmed (check each, then remove its draft mark):\n  ${problems.slice(0, 40).join('\n  ')}${problems.length > 40 ? `\n  … and ${problems.length - 40} more` : ''}`,
    );
}

/** The generated data of the project in `root` (default: this one), read and checked once per folder. */
export function loadSiteData(root = process.cwd()): SiteData {
  const key = cacheKey(root);
  const cached = loaded.get(key);
  if (cached) return cached;
  const edition = readJsonFile('data/edition.json', Edition, { root, hint: 'run npm run data' });
  const { metrics: firstMetrics, unreadable } = readJsonFile('data/metrics.json', Metrics, { root, hint: 'run npm run data' });
  const pages: PageData[] = [{ name: edition.source.seed.replace(/^.*\//, '').replace(/\.(txt|pdf)$/, ''), number: pageNumberOf(edition), first: true, edition, metrics: firstMetrics, unreadable }];
  const pagesDir = join(root, 'data/pages');
  for (const name of existsSync(pagesDir) ? readdirSync(pagesDir).sort() : []) {
    const e = readJsonFile(`data/pages/${name}/edition.json`, Edition, { root, hint: 'run npm run data' });
    const m = readJsonFile(`data/pages/${name}/metrics.json`, Metrics, { root, hint: 'run npm run data' });
    pages.push({ name, number: pageNumberOf(e), first: false, edition: e, metrics: m.metrics.map((x) => ({ ...x, page: name })), unreadable: m.unreadable });
  }
  pages.sort((a, b) => a.number - b.number);
  const metrics = pages.flatMap((p) => p.metrics);
  if (isRelease()) refuseDrafts(root, pages);
  const topology = readJsonFile('data/geo/lvliang.topo.json', LvliangTopology, { root, hint: 'run npm run geo' });
  const geo = geoFromTopology(topology);
  const locator = readJsonFile('data/geo/shanxi.topo.json', ShanxiTopology, { root, hint: 'run npm run geo' });
  const metricsById = new Map(metrics.map((m) => [m.id, m]));
  const english = readJsonFile('src/content/translations/en.json', Translations, { root });
  const data: SiteData = {
    edition,
    metrics,
    pages,
    unreadable,
    metricsById,
    topology,
    geo,
    english,
    compileInput: {
      metrics: metricsById,
      geo,
      captions: edition.captions,
      english,
      locator,
      pageNumbers: new Map(pages.filter((p) => !p.first).map((p) => [p.name, p.number])),
    },
  };
  loaded.set(key, data);
  return data;
}

const compiled = new Map<string, Array<{ key: string; view: CompiledView }>>();

/** Every view key compiled for one language, in drawing order: compiled once per build (and project), read by every page that needs them. */
export function compiledViews(lang: Lang, root = process.cwd()): Array<{ key: string; view: CompiledView }> {
  const key = `${cacheKey(root)}\0${lang}`;
  let views = compiled.get(key);
  if (!views) {
    const { compileInput } = loadSiteData(root);
    views = allViewKeys().map((k) => ({ key: k.key, view: compileView(k.view, compileInput, lang, k.state) }));
    compiled.set(key, views);
  }
  return views;
}

/** The maps of every page's story: the series' views, and each later page's own overview (pageOverview). */
export function storyViewSpecs(data: SiteData = loadSiteData()): ViewSpec[] {
  return [
    ...VIEWS,
    ...data.pages
      .filter((p) => !p.first)
      .map((p) => pageOverview({ name: p.name, number: p.number, regions: p.edition.articles.map((a) => a.region), metrics: p.metrics })),
  ];
}

const compiledStory = new Map<string, Array<{ key: string; view: CompiledView }>>();

/**
 * compiledViews, and each later page's overview: the maps the stories show (the views JSON, the map
 * panels, the page SVGs). Embeds, their pictures and share cards stay with the series' views.
 */
export function storyViews(lang: Lang, root = process.cwd()): Array<{ key: string; view: CompiledView }> {
  const key = `${cacheKey(root)}\0${lang}`;
  let views = compiledStory.get(key);
  if (!views) {
    const data = loadSiteData(root);
    const own = storyViewSpecs(data).slice(VIEWS.length);
    views = [
      ...compiledViews(lang, root),
      ...allViewKeys(own).map((k) => ({ key: k.key, view: compileView(k.view, data.compileInput, lang, k.state) })),
    ];
    compiledStory.set(key, views);
  }
  return views;
}
