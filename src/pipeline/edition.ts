import { createHash } from 'node:crypto';
import { Edition, type Caption, type Paragraph, type SourceFlag } from '../schema/edition.ts';
import { countiesNamedIn } from '../geo/divisions.ts';
import { findSourceFlags as findFlags } from './flags.ts';
import { splitParagraphs } from './layout.ts';
import { namedRanges, type LineRange, type Manifest } from './manifest.ts';
import { joinLines, restoreLine, type RestoredLine } from './restore-line.ts';
import { InputError } from '../schema/json-file.ts';
import { seedLines } from './seed-file.ts';

export interface EditionInput {
  seedText: string;
  seedFile: string;
  manifest: Manifest;
  manifestFile: string;
  /** Lines already restored, one per seed line (a PDF seed's lines file, src/pipeline/pdf/pdf-seed.ts): taken as they are. */
  restored?: RestoredLine[];
  /** The source file's SHA-256 when the source is not `seedText` itself (a PDF seed: the PDF's). */
  sha256?: string;
}

/** Checks that the manifest's blocks exist in the seed, don't overlap and leave no text out. */
function checkCoverage(lines: string[], m: Manifest, manifestFile: string, seedFile: string): void {
  const owner = new Map<number, string>();
  for (const { name, range } of namedRanges(m)) {
    const [from, to] = range;
    if (from > to) throw new InputError(manifestFile, `${name}: lines ${from}–${to} run backwards`);
    if (to > lines.length)
      throw new InputError(
        seedFile,
        `the manifest's ${name} names lines ${from}–${to}, but the seed has only ${lines.length} lines (truncated?)`,
      );
    let text = false;
    for (let n = from; n <= to; n++) {
      if (owner.has(n)) throw new InputError(manifestFile, `${name} overlaps ${owner.get(n)} at line ${n}`);
      owner.set(n, name);
      if (lines[n - 1]!.trim()) text = true;
    }
    if (!text) throw new InputError(manifestFile, `${name} names lines ${from}–${to}, which hold no text in ${seedFile}`);
  }
  lines.forEach((l, i) => {
    if (l.trim() && !owner.has(i + 1))
      throw new InputError(manifestFile, `seed line ${i + 1} ("${l.trim().slice(0, 24)}…") belongs to no block`);
  });
}

function restoreSeedRange(lines: string[], [from, to]: LineRange, restored?: RestoredLine[]): RestoredLine[] {
  const out: RestoredLine[] = [];
  for (let n = from; n <= to; n++) if (lines[n - 1]!.trim()) out.push(restored?.[n - 1] ?? restoreLine(lines[n - 1]!, n));
  return out;
}

const span = (ls: RestoredLine[]): [number, number] => [ls[0]!.line, ls.at(-1)!.line];

function printedOnceFlags(at: string, ls: RestoredLine[]): SourceFlag[] {
  return ls
    .filter((l) => l.printedOnce)
    .map((l) => ({
      at,
      kind: 'printed-once' as const,
      excerpt: l.text,
      note: `seed line ${l.line} is printed once, not doubled like the rest; kept as printed`,
    }));
}

/** Splits caption rows at gaps between runs (not where a gap only sets a number apart). */
function captionTexts(
  rows: RestoredLine[],
  breaks: Array<{ line: number; at: number }>,
  file: string,
): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  for (const row of rows) {
    const merged: string[] = [];
    for (const piece of row.pieces) {
      const prev = merged.at(-1);
      if (prev !== undefined && (/\d$/.test(prev) || /^\d/.test(piece))) merged[merged.length - 1] = prev + piece;
      else merged.push(piece);
    }
    const cuts = breaks.filter((b) => b.line === row.line).map((b) => b.at);
    let offset = 0;
    for (const text of merged) {
      let start = 0;
      for (const cut of cuts) {
        const local = cut - offset;
        if (local > start && local < text.length) {
          out.push({ text: text.slice(start, local), line: row.line });
          start = local;
        }
      }
      out.push({ text: text.slice(start), line: row.line });
      offset += text.length;
    }
    for (const cut of cuts)
      if (cut >= offset) throw new InputError(file, `caption break at ${row.line}:${cut} is past the line's end (${offset})`);
  }
  return out;
}

export function buildEdition(input: EditionInput): Edition {
  const { seedText, seedFile, manifest: m, manifestFile } = input;
  const restoreRange = (ls: string[], range: LineRange) => restoreSeedRange(ls, range, input.restored);
  const lines = seedLines(seedText);
  checkCoverage(lines, m, manifestFile, seedFile);
  const flags: SourceFlag[] = [];

  const single = (range: LineRange, at: string) => {
    const ls = restoreRange(lines, range);
    flags.push(...printedOnceFlags(at, ls));
    return { text: joinLines(ls.map((l) => l.text)), lines: span(ls) };
  };

  const articles = m.articles.map((a) => {
    const body = restoreRange(lines, a.body);
    for (const n of a.paragraphBreaksAfter)
      if (!body.some((l) => l.line === n))
        throw new InputError(manifestFile, `articles.${a.id}.paragraphBreaksAfter: line ${n} is not a text line of its body`);
    const paragraphs: Paragraph[] = splitParagraphs(body, new Set(a.paragraphBreaksAfter)).map((ls, i) => {
      const id = `${a.id}-p${i + 1}`;
      flags.push(...printedOnceFlags(id, ls));
      return { id, text: joinLines(ls.map((l) => l.text)), lines: span(ls) };
    });
    const deck = a.deck ? { id: `${a.id}-deck`, ...single(a.deck, `${a.id}-deck`) } : null;
    return {
      id: a.id,
      region: a.region,
      place: a.place,
      headline: a.headline ? single(a.headline, `${a.id}-headline`) : null,
      deck,
      paragraphs,
    };
  });

  const captions: Caption[] = m.captions
    .flatMap((block) => captionTexts(restoreRange(lines, block.lines), block.breaks, manifestFile))
    .map((c, i) => ({ id: `cap-${i + 1}`, text: c.text, line: c.line, regions: countiesNamedIn(c.text) }));

  for (const a of articles) {
    for (const p of [...(a.deck ? [a.deck] : []), ...a.paragraphs]) flags.push(...findFlags(p.id, p.text));
  }
  for (const c of captions) flags.push(...findFlags(c.id, c.text));

  const drafts = [
    ...(m.draft ? ['manifest'] : []),
    ...m.articles.filter((a) => a.draft).map((a) => `articles.${a.id}`),
    ...m.captions.flatMap((c, i) => (c.draft ? [`captions.${i}`] : [])),
  ];
  return Edition.parse({
    source: {
      seed: seedFile,
      sha256: input.sha256 ?? createHash('sha256').update(seedText).digest('hex'),
      manifest: manifestFile,
    },
    pageHeader: m.pageHeader ? single(m.pageHeader.lines, 'pageHeader') : null,
    editionMarker: single(m.editionMarker.lines, 'editionMarker'),
    articles,
    captions,
    flags,
    ...(drafts.length ? { draft: drafts } : {}),
  });
}
