import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { circled, seriesNumber, type Edition } from '../schema/edition.ts';
import type { Metrics } from '../schema/metrics.ts';
import { buildMetrics } from './extract/extract.ts';
import { parseFiguresFile } from './extract/figures-file.ts';
import { buildEdition } from './edition.ts';
import { parseManifest } from './manifest.ts';
import { restoreLine } from './restore-line.ts';
import { InputError } from '../schema/json-file.ts';
import { decodeSeed, seedLines } from './seed-file.ts';
import { loadPdfSeed, PDF_SEED } from './pdf/pdf-seed.ts';
import { toJson, writeFilesAtomically } from './write-atomic.ts';

const SEEDS = 'seeds';

/** A seed's name without its extension: a text seed (.txt) or a PDF seed (.pdf, read through its .lines.json). */
const SEED_EXT = /\.(txt|pdf)$/;
export const seedBase = (seedName: string) => seedName.replace(SEED_EXT, '');

/** The seed's text (a PDF seed's: its restored lines) and its manifest, read and checked. */
export function loadSeed(root: string, seedName: string) {
  const seedFile = `${SEEDS}/${seedName}`;
  const seedPath = join(root, seedFile);
  if (!existsSync(seedPath)) throw new InputError(seedFile, 'the seed file is missing');
  const pdf = PDF_SEED.test(seedName) ? loadPdfSeed(root, seedFile) : null;
  const seedText = pdf?.seedText ?? decodeSeed(readFileSync(seedPath), seedFile);
  const manifestFile = seedFile.replace(SEED_EXT, '.manifest.json');
  const manifestPath = join(root, manifestFile);
  if (!existsSync(manifestPath)) throw new InputError(manifestFile, 'the manifest beside the seed is missing');
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'), manifestFile);
  if (manifest.seed !== seedName) throw new InputError(manifestFile, `describes "${manifest.seed}", not "${seedName}"`);
  return { seedText, seedFile, manifest, manifestFile, ...(pdf ? { restored: pdf.restored, sha256: pdf.sha256 } : {}) };
}

/** Every page of the series: the seeds that have a manifest beside them, by name. */
export function findSeedNames(root: string): string[] {
  const dir = join(root, SEEDS);
  if (!existsSync(dir)) throw new InputError(SEEDS, 'the seeds folder is missing');
  const manifests = readdirSync(dir)
    .filter((f) => f.endsWith('.manifest.json'))
    .sort();
  if (manifests.length === 0) throw new InputError(SEEDS, 'no *.manifest.json beside a seed');
  return manifests.map((m) => {
    const base = m.replace(/\.manifest\.json$/, '');
    // A page kept both as its PDF and as a text extraction is read from the one its manifest was drafted from.
    const both = ['.txt', '.pdf'].every((ext) => existsSync(join(dir, base + ext)));
    if (both) return parseManifest(readFileSync(join(dir, m), 'utf8'), `${SEEDS}/${m}`).seed;
    return base + (existsSync(join(dir, `${base}.pdf`)) ? '.pdf' : '.txt');
  });
}

export interface BuiltPage {
  /** The seed's name without .txt or .pdf: the page's folder in data/pages/ and its URL. */
  name: string;
  /** Its number in the series, read from the edition marker (专刊①…). */
  number: number;
  edition: Edition;
  metrics: Metrics;
}

/** A page's number in the series: the circled digit of its edition marker. */
function pageNumber(edition: Edition, manifestFile: string): number {
  const n = seriesNumber(edition.editionMarker.text);
  if (n === null)
    throw new InputError(
      manifestFile,
      `the edition marker (seed line ${edition.editionMarker.lines[0]}, "${edition.editionMarker.text}") prints no page number (①, ②…)`,
    );
  return n;
}

function buildPage(root: string, seedName: string): BuiltPage {
  const seed = loadSeed(root, seedName);
  const edition = buildEdition(seed);
  const notesFile = `${SEEDS}/${seedBase(seedName)}.figures.json`;
  if (!existsSync(join(root, notesFile))) throw new InputError(notesFile, 'the figure notes beside the seed are missing');
  const metrics = buildMetrics(edition, parseFiguresFile(readFileSync(join(root, notesFile), 'utf8'), notesFile), notesFile);
  return { name: seedBase(seedName), number: pageNumber(edition, seed.manifestFile), edition, metrics };
}

/**
 * Every page, in series order. Two pages printing the same number, or one figure id on two
 * pages, are refused with both files named.
 */
export function buildPages(root: string): BuiltPage[] {
  const pages = findSeedNames(root)
    .map((s) => buildPage(root, s))
    .sort((a, b) => a.number - b.number);
  for (let i = 1; i < pages.length; i++)
    if (pages[i]!.number === pages[i - 1]!.number) {
      const [a, b] = [pages[i - 1]!, pages[i]!];
      throw new InputError(
        b.edition.source.seed,
        `line ${b.edition.editionMarker.lines[0]} prints page ${circled(b.number)}, as ${a.edition.source.seed} does at line ${a.edition.editionMarker.lines[0]}: two pages with the same name`,
      );
    }
  const owner = new Map<string, string>();
  for (const p of pages)
    for (const m of p.metrics.metrics) {
      const o = owner.get(m.id);
      if (o) throw new InputError(`${SEEDS}/${p.name}.figures.json`, `figure id "${m.id}" is already used by ${SEEDS}/${o}.figures.json`);
      owner.set(m.id, p.name);
    }
  return pages;
}

/** The first page of the series (the one data/edition.json and data/metrics.json hold). */
export function buildAll(root: string): { edition: Edition; metrics: Metrics } {
  const first = buildPages(root)[0]!;
  return { edition: first.edition, metrics: first.metrics };
}

/** Where a page's generated data lives: the first page in data/, the others in data/pages/<name>/. */
export const pageDataDir = (first: boolean, name: string): string => (first ? 'data' : `data/pages/${name}`);
export const PAGES_DATA_DIR = 'data/pages';

/**
 * Regenerates the data of every page; all files are written only when every page was built
 * without error, so nothing already in data/ is lost on bad input. Folders of pages no longer
 * in seeds/ are removed after.
 */
export function generateData(root: string): string[] {
  const pages = buildPages(root);
  const files = pages.flatMap((p, i) => {
    const dir = pageDataDir(i === 0, p.name);
    return [
      { path: join(root, dir, 'edition.json'), content: toJson(p.edition) },
      { path: join(root, dir, 'metrics.json'), content: toJson(p.metrics) },
    ];
  });
  writeFilesAtomically(files);
  const pagesDir = join(root, PAGES_DATA_DIR);
  if (existsSync(pagesDir))
    for (const d of readdirSync(pagesDir))
      if (!pages.slice(1).some((p) => p.name === d)) rmSync(join(pagesDir, d), { recursive: true, force: true });
  return files.map((f) => f.path.slice(root.length + 1));
}

/** The seed lines restore could not undouble (kept as printed) and those whose last run's second copy was cut short. */
export function undoubleReport(seedText: string): { printedOnce: number[]; cutShort: number[] } {
  const restored = seedLines(seedText)
    .map((l, i) => (l.trim() ? restoreLine(l, i + 1) : null))
    .filter((r) => r !== null);
  return {
    printedOnce: restored.filter((r) => r.printedOnce).map((r) => r.line),
    cutShort: restored.filter((r) => r.cutShort).map((r) => r.line),
  };
}

/** A seed's restored text for reading: the page in reading order when a manifest exists, else line by line. */
export function restoreForReading(seedPath: string): string {
  const manifestPath = seedPath.replace(SEED_EXT, '.manifest.json');
  const name = seedPath.split('/').at(-1)!;
  const pdf = PDF_SEED.test(seedPath) ? loadPdfSeed('', seedPath) : null;
  const text = pdf?.seedText ?? decodeSeed(readFileSync(seedPath), seedPath);
  if (!existsSync(manifestPath)) {
    return seedLines(text)
      .map((l, i) => (l.trim() ? (pdf ? l : restoreLine(l, i + 1).text) : null))
      .filter((t) => t !== null)
      .join('\n')
      .concat('\n');
  }
  const e = buildEdition({
    seedText: text,
    seedFile: name,
    manifest: parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath),
    manifestFile: manifestPath,
    ...(pdf ? { restored: pdf.restored, sha256: pdf.sha256 } : {}),
  });
  const out = [...(e.pageHeader ? [e.pageHeader.text] : []), e.editionMarker.text, ''];
  for (const a of e.articles) {
    out.push(`# ${a.headline?.text ?? `${a.place}（原版无标题）`}`, '');
    if (a.deck) out.push(a.deck.text, '');
    for (const p of a.paragraphs) out.push(p.text, '');
  }
  out.push('# 图片说明', '', ...e.captions.map((c) => c.text), '');
  return out.join('\n');
}
