/**
 * One drafted page as the desk holds it: its files' texts and what the pipeline makes of them,
 * built in memory exactly as `npm run data` and the story build would (restore → edition,
 * derive → figures, chapters → story), so the desk shows the result of each change at once
 * without writing data/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEdition } from '../pipeline/edition.ts';
import { buildMetrics } from '../pipeline/extract/extract.ts';
import { parseFiguresFile, type FiguresFile } from '../pipeline/extract/figures-file.ts';
import { findSeedNames } from '../pipeline/generate.ts';
import { parseManifest, type Manifest } from '../pipeline/manifest.ts';
import { decodeSeed, seedLines } from '../pipeline/seed-file.ts';
import { seriesNumber, type Edition } from '../schema/edition.ts';
import { InputError } from '../schema/json-file.ts';
import type { Metrics } from '../schema/metrics.ts';
import { CHAPTERS_DIR } from '../schema/paths.ts';
import { buildStory, type Chapter } from '../story/build-story.ts';
import type { ChapterFrontmatter } from '../story/chapter-schema.ts';
import { parseChapter } from '../story/read-chapters.ts';
import { pageOverview, VIEWS } from '../views/views.ts';
import { DeskError } from './desk-error.ts';
import { readFindings, type Findings } from './findings.ts';

export const pagePaths = (name: string) => ({
  seed: `seeds/${name}.txt`,
  manifest: `seeds/${name}.manifest.json`,
  notes: `seeds/${name}.figures.json`,
  chapters: `${CHAPTERS_DIR}/${name}`,
});

/** The texts of a page's editable files: manifest, figure notes and chapters (by path). */
export interface PageFiles {
  manifest: string;
  notes: string;
  chapters: Record<string, string>;
}

export interface Built {
  manifest: Manifest;
  notes: FiguresFile;
  chapters: Array<{ path: string; fm: ChapterFrontmatter }>;
  edition: Edition;
  metrics: Metrics;
  story: Chapter[];
}

export interface PageState {
  name: string;
  seedText: string;
  lines: string[];
  files: PageFiles;
  /** A hash of the files: a form carries it, and a change made since the page was shown is refused. */
  version: string;
  built: Built;
  /** The manifest and notes as their files hold them (key order kept: an edit changes only what it changes). */
  raw: { manifest: Manifest; notes: FiguresFile };
  findings: Findings;
}

/** Pages the desk can open: seeds with a manifest whose chapters live in their own folder (a later page of the series). */
export function deskPages(root: string): Array<{ name: string; drafts: boolean }> {
  return findSeedNames(root)
    .map((s) => s.replace(/\.txt$/, ''))
    .filter((name) => existsSync(join(root, pagePaths(name).chapters)))
    .map((name) => {
      const p = pagePaths(name);
      const texts = [p.manifest, p.notes].map((f) => readFileSync(join(root, f), 'utf8'));
      const chapters = readChapterTexts(root, name);
      return { name, drafts: texts.some((t) => /"draft": true/.test(t)) || Object.values(chapters).some((t) => /^draft: true$/m.test(t)) };
    });
}

function readChapterTexts(root: string, name: string): Record<string, string> {
  const dir = pagePaths(name).chapters;
  return Object.fromEntries(
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => [`${dir}/${f}`, readFileSync(join(root, dir, f), 'utf8')]),
  );
}

export function readPageFiles(root: string, name: string): PageFiles {
  const p = pagePaths(name);
  if (!/^[A-Za-z0-9_-]+$/.test(name) || !existsSync(join(root, p.manifest)) || !existsSync(join(root, p.chapters)))
    throw new DeskError('not-found', `no drafted page "${name}" (seeds/<name>.manifest.json and ${CHAPTERS_DIR}/<name>/)`);
  return {
    manifest: readFileSync(join(root, p.manifest), 'utf8'),
    notes: readFileSync(join(root, p.notes), 'utf8'),
    chapters: readChapterTexts(root, name),
  };
}

export const versionOf = (files: PageFiles): string =>
  createHash('sha256')
    .update(JSON.stringify([files.manifest, files.notes, Object.entries(files.chapters)]))
    .digest('hex')
    .slice(0, 16);

/** Restore, derive and the story, in memory, from the files' texts; any problem is a DeskError naming the file. */
export function buildFiles(name: string, seedText: string, files: PageFiles): Built {
  const p = pagePaths(name);
  try {
    const manifest = parseManifest(files.manifest, p.manifest);
    const notes = parseFiguresFile(files.notes, p.notes);
    const chapters = Object.entries(files.chapters).map(([path, text]) => ({ path, fm: parseChapter(text, path) }));
    const edition = buildEdition({ seedText, seedFile: `${name}.txt`, manifest, manifestFile: p.manifest });
    const metrics = buildMetrics(edition, notes, p.notes);
    const views = [
      ...VIEWS,
      pageOverview({
        name,
        number: seriesNumber(edition.editionMarker.text) ?? 0,
        regions: edition.articles.map((a) => a.region),
        metrics: metrics.metrics,
      }),
    ];
    const story = buildStory({
      chapters: chapters.map((c) => c.fm),
      edition,
      metrics: new Map(metrics.metrics.map((m) => [m.id, m])),
      views,
      lang: 'zh',
    });
    return { manifest, notes, chapters, edition, metrics, story };
  } catch (e) {
    if (e instanceof InputError || e instanceof Error) throw new DeskError('build', e.message);
    throw e;
  }
}

export function loadPage(root: string, name: string): PageState {
  const files = readPageFiles(root, name);
  const seedText = decodeSeed(readFileSync(join(root, pagePaths(name).seed)), pagePaths(name).seed);
  return {
    name,
    seedText,
    lines: seedLines(seedText),
    files,
    version: versionOf(files),
    built: buildFiles(name, seedText, files),
    raw: { manifest: JSON.parse(files.manifest) as Manifest, notes: JSON.parse(files.notes) as FiguresFile },
    findings: readFindings(root, name, seedText),
  };
}
