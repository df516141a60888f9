/**
 * `npm run draft -- seeds/<name>.txt`: drafts a new page's manifest, figure notes and chapters
 * from its damaged text, every entry marked `draft: true`, and says what it found and what it
 * could not decide. It never overwrites a file an editor has confirmed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { buildEdition } from '../edition.ts';
import { buildMetrics } from '../extract/extract.ts';
import { parseFiguresFile } from '../extract/figures-file.ts';
import { InputError } from '../../schema/json-file.ts';
import { parseManifest } from '../manifest.ts';
import { decodeSeed } from '../seed-file.ts';
import { toJson, writeFilesAtomically } from '../write-atomic.ts';
import { CHAPTERS_DIR } from '../../schema/paths.ts';
import { deriveFigures } from '../extract/derive.ts';
import { decision, type Decision } from './decisions.ts';
import { detectLayout, type DraftLayout } from './detect-layout.ts';
import { seedBase } from '../generate.ts';
import type { RestoredLine } from '../restore-line.ts';
import { draftChapters } from './draft-chapters.ts';
import { draftFigures } from './draft-figures.ts';

export interface DraftResult {
  files: Array<{ path: string; content: string }>;
  /** What the draft decided and could not decide, with lines and evidence (rewritten at every draft; the desk reads it). */
  report: { path: string; content: string };
  found: Decision[];
  undecided: Decision[];
}

/** Drafts everything for one seed, in memory; `draftPage` writes it. */
export function draftFromSeed(seedText: string, seedName: string, seedFile: string): DraftResult & { pageName: string } {
  return draftFromLayout(detectLayout(seedText, seedName, seedFile), { seedText, seedName, seedFile });
}

/** A seed's text as the draft reads it; a PDF seed's lines come already restored (src/pipeline/pdf/). */
export interface DraftSeed {
  seedText: string;
  seedName: string;
  seedFile: string;
  restored?: RestoredLine[];
  sha256?: string;
}

/** The figure notes and chapters of a page whose layout is read (from its text or its PDF), in memory. */
export function draftFromLayout(
  layout: Pick<DraftLayout, 'manifest' | 'found' | 'undecided'>,
  seed: DraftSeed,
): DraftResult & { pageName: string } {
  const { seedText, seedName, seedFile } = seed;
  const manifestFile = `${seedBase(seedFile)}.manifest.json`;
  const manifest = parseManifest(JSON.stringify(layout.manifest), manifestFile);
  const edition = buildEdition({
    seedText,
    seedFile: seedName,
    manifest,
    manifestFile,
    ...(seed.restored ? { restored: seed.restored } : {}),
    ...(seed.sha256 ? { sha256: seed.sha256 } : {}),
  });
  const figures = draftFigures(edition, seedName);
  const notesFile = `${seedBase(seedFile)}.figures.json`;
  const metrics = buildMetrics(edition, parseFiguresFile(JSON.stringify(figures.file), notesFile), notesFile);
  const pageName = seedBase(seedName);
  const chapters = draftChapters(edition);
  const derived = deriveFigures(edition).filter((d) => d.kind === 'figure');
  const fellBack = derived.filter((d) => d.regionFrom === 'article').length;
  const found: Decision[] = [
    ...layout.found,
    ...edition.articles.map((a) =>
      decision(
        'article',
        a.paragraphs.length ? [a.paragraphs[0]!.lines[0], a.paragraphs.at(-1)!.lines[1]] : null,
        `${a.id}: ${a.place} «${a.headline?.text ?? '(no headline)'}» — ${a.paragraphs.length} paragraph(s)${a.deck ? ' and a figures block' : ''}`,
      ),
    ),
    decision('caption', null, `${edition.captions.length} caption(s): ${edition.captions.map((c) => c.text).join(' | ')}`),
    ...[...Map.groupBy(metrics.metrics, (m) => m.paragraph)].map(([at, ms]) =>
      decision('figure', null, `figures in ${at}: ${ms.map((m) => `${m.raw} (${m.unit}, ${m.region})`).join(' · ')}`),
    ),
    decision(
      'figure',
      null,
      `${metrics.metrics.length} figure(s) drafted, ${metrics.unreadable.length} kept out (unit or region not read)`,
    ),
    decision(
      'place',
      null,
      `${fellBack} of ${derived.length} figure(s) took their article's place (no place named in their clause or sentence)`,
    ),
  ];
  return {
    pageName,
    files: [
      { path: manifestFile, content: toJson(layout.manifest) },
      { path: notesFile, content: toJson(figures.file) },
      ...chapters.map((c) => ({ path: `${CHAPTERS_DIR}/${pageName}/${c.file}`, content: c.text })),
    ],
    report: {
      path: `${seedBase(seedFile)}.draft-report.json`,
      content: toJson({ seed: seedName, found, undecided: [...layout.undecided, ...figures.undecided] }),
    },
    found,
    undecided: [...layout.undecided, ...figures.undecided],
  };
}

/** True when the file is a draft nobody has confirmed a part of: safe to draft again. */
function untouchedDraft(path: string): boolean {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.md')) return /^---\n[\s\S]*?^draft: true$/m.test(text);
  try {
    const data = JSON.parse(text) as { draft?: unknown };
    return data.draft === true && !/"draft":\s*false/.test(text);
  } catch {
    return false;
  }
}

export function draftPage(root: string, seedArg: string): DraftResult {
  const seedPath = join(root, seedArg);
  const seedFile = relative(root, seedPath);
  if (!seedFile.endsWith('.txt'))
    throw new InputError(seedFile, 'a seed is a .txt file (the raw page as extracted) or a .pdf (the page as typeset)');
  if (!existsSync(seedPath)) throw new InputError(seedFile, 'no such file');
  const seedText = decodeSeed(readFileSync(seedPath), seedFile);
  const result = draftFromSeed(seedText, basename(seedPath), seedFile);
  writeDrafts(root, result.files, [result.report]);
  return result;
}

/**
 * Writes a draft's files, all or none, refusing (before writing anything) when one of them exists
 * and is not an untouched draft. `alongside` are written with them, unchecked (the draft's report, a
 * PDF seed's lines).
 */
export function writeDrafts(root: string, files: DraftResult['files'], alongside: DraftResult['files'] = []): void {
  const refused = files.filter((f) => existsSync(join(root, f.path)) && !untouchedDraft(join(root, f.path))).map((f) => f.path);
  if (refused.length)
    throw new InputError(
      refused[0]!,
      `already exists and is not an untouched draft (confirmed by an editor); not overwritten. Move it away to draft again.${refused.length > 1 ? ` Also: ${refused.slice(1).join(', ')}` : ''}`,
    );
  writeFilesAtomically([...files, ...alongside].map((f) => ({ path: join(root, f.path), content: f.content })));
}
