/**
 * Reads a raw page's layout from its damaged text alone and drafts its manifest (positions
 * only). What the first page taught (seeds/000_0be6d20330056c62.txt):
 *
 * - the page header is the one line printed once (not doubled); the edition marker names the
 *   专刊 and its circled number;
 * - body lines run on while a sentence is open: a short line in the middle of a sentence is the
 *   column narrowing around a picture, not a headline;
 * - after a sentence ends, a line that neither ends a sentence nor is justified nor is a full
 *   line with clause marks (，。；) is a short line: a headline or a caption;
 * - a headline is printed right after its article's body, its lines with no blank between them;
 *   the short lines after it, up to the next body, are a caption block;
 * - a figures block (deck) is either wider than the column at the head of a body, or a table of
 *   cells separated by gaps, each row holding a printed figure; it belongs to the article it
 *   names (全市/吕梁 → the city's article), else to the body it heads;
 * - two articles with no headline between them run on as one body: a paragraph whose first
 *   words name another county starts a new article (reported, to be confirmed).
 *
 * Anything it cannot decide is either reported (`undecided`) or, when it would make a wrong
 * split, refused with a LayoutError naming the lines.
 */
import { CITY } from '../../geo/divisions.ts';
import { InputError } from '../../schema/json-file.ts';
import { printedWidth, splitParagraphs } from '../layout.ts';
import type { Manifest } from '../manifest.ts';
import { restoreLine, type RestoredLine } from '../restore-line.ts';
import { seedLines } from '../seed-file.ts';
import { placeNamedIn, slugOf, type Place } from './places.ts';

export interface DraftLayout {
  manifest: Manifest & { draft: true };
  /** What it found, one line each, for the editor. */
  found: string[];
  /** What it could not decide, with the lines to look at. */
  undecided: string[];
}

interface Line {
  n: number;
  r: RestoredLine;
  width: number;
  /** A blank line stands between this line and the one before. */
  gapBefore: boolean;
}

type Block =
  | { kind: 'prose'; lines: Line[] }
  | { kind: 'short'; groups: Line[][] }
  | { kind: 'table'; lines: Line[] }
  | { kind: 'header'; line: Line }
  | { kind: 'marker'; line: Line };

const SENTENCE_END = /[。！？][”’」』）]?$|[”’」』）][。！？]$/;
const FIGURE_CELL = /^近?\d+(?:\.\d+)?(?:%|[万亿]?[余多]?[^\d\s.]{1,3})(?:以上)?$/;
const MARKER = /专刊|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]/;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length * q)]! : 0;
};

const range = (ls: Line[]): [number, number] => [ls[0]!.n, ls.at(-1)!.n];
const lineList = (ls: Line[]) => (ls.length === 1 ? `line ${ls[0]!.n}` : `lines ${ls[0]!.n}–${ls.at(-1)!.n}`);

export class LayoutError extends InputError {}

/**
 * How many lines at the head of a body are a figures block: text that holds three figures or
 * more and never ends a sentence, followed by a line whose first words name a place (the
 * article proper begins). Zero when there is none.
 */
function deckLength(lines: Line[]): number {
  for (let k = 1; k <= Math.min(4, lines.length - 1); k++) {
    const before = lines
      .slice(0, k)
      .map((l) => l.r.text)
      .join('');
    if (/[。！？]/.test(before)) return 0;
    const figures = before.match(/\d+(?:\.\d+)?/g)?.length ?? 0;
    if (figures >= 3 && placeNamedIn(lines[k]!.r.text.slice(0, 8))) return k;
  }
  return 0;
}

/**
 * Paragraph ends the width rule (src/pipeline/layout.ts: 3 em short) cannot see: a line that
 * closes a sentence, is not justified, and stops short of its column by more than the next
 * line's first unbreakable token would have taken: the typesetter broke it on purpose.
 */
function breaksAtColumnEdge(body: Line[]): number[] {
  const full = Math.max(...body.map((l) => l.width));
  const seen = new Set(
    splitParagraphs(
      body.map((l) => l.r),
      new Set(),
    ).map((p) => p.at(-1)!.line),
  );
  const out: number[] = [];
  body.forEach((l, i) => {
    const next = body[i + 1];
    if (!next || !SENTENCE_END.test(l.r.text) || l.r.justified) return;
    const token = next.r.text.match(/^[0-9A-Za-z.%/+]+|^./u)![0];
    if (l.width + printedWidth(token) <= full && !seen.has(l.n)) out.push(l.n);
  });
  return out;
}

/** A line the extractor began with a space: headlines and the header are, body lines never. */
const indented = (raw: string) => /^\s/.test(raw);

/** Texts of a line separated by gaps, a gap beside a number not counting (as in caption rows). */
function gapPieces(r: RestoredLine): number {
  let n = 0;
  let prev = '';
  for (const p of r.pieces) {
    if (!(prev && (/\d$/.test(prev) || /^\d/.test(p)))) n++;
    prev = p;
  }
  return n;
}

export function detectLayout(seedText: string, seedName: string, seedFile: string): DraftLayout {
  const raw = seedLines(seedText);
  const lines: Line[] = [];
  let blank = true;
  raw.forEach((l, i) => {
    if (!l.trim()) {
      blank = true;
      return;
    }
    const r = restoreLine(l, i + 1);
    lines.push({ n: i + 1, r, width: printedWidth(r.text), gapBefore: blank });
    blank = false;
  });
  const undecided: string[] = [];
  const found: string[] = [];

  const once = lines.filter((l) => l.r.printedOnce);
  if (once.length === 0)
    throw new LayoutError(
      seedFile,
      'no page header found: no line is printed once (every other line is doubled); name it in a manifest by hand',
    );
  if (once.length > 1)
    throw new LayoutError(
      seedFile,
      `could not undouble line(s) ${once.map((l) => l.n).join(', ')}: only the page header should be printed once; mend those lines or write the manifest by hand`,
    );
  const header = once[0]!;
  const markers = lines.filter((l) => l !== header && MARKER.test(l.r.text) && l.width < 16);
  if (markers.length === 0)
    throw new LayoutError(seedFile, 'no edition marker found (a short line naming 专刊 or ①…); name it in a manifest by hand');
  const marker = markers.at(-1)!;
  const cut = lines.filter((l) => l.r.cutShort).map((l) => l.n);
  if (cut.length) found.push(`lines ${cut.join(', ')}: the second copy of the last run was cut short; restored from the first copy`);

  const textLines = lines.filter((l) => l !== header && l !== marker);
  // The column's width: most lines are full, but digits print half-width, so a full line's
  // measure varies; the upper quartile is a full line's width.
  const col = quantile(
    textLines.map((l) => l.width),
    0.75,
  );

  // Classify lines in order, keeping runs of prose and runs of short lines together.
  const blocks: Block[] = [];
  let open = false;
  const push = (kind: 'prose' | 'short' | 'table', l: Line) => {
    const last = blocks.at(-1);
    if (kind === 'prose') {
      if (last?.kind === 'prose') last.lines.push(l);
      else blocks.push({ kind, lines: [l] });
    } else if (kind === 'table') {
      if (last?.kind === 'table') last.lines.push(l);
      else blocks.push({ kind, lines: [l] });
    } else if (last?.kind === 'short') {
      if (l.gapBefore) last.groups.push([l]);
      else last.groups.at(-1)!.push(l);
    } else blocks.push({ kind, groups: [[l]] });
  };
  for (const l of lines) {
    if (l === header) {
      blocks.push({ kind: 'header', line: l });
      continue;
    }
    if (l === marker) {
      blocks.push({ kind: 'marker', line: l });
      continue;
    }
    const text = l.r.text;
    const isTable = !open && !/[。，；]/.test(text) && l.r.pieces.length >= 2 && l.r.pieces.some((p) => FIGURE_CELL.test(p));
    if (isTable) push('table', l);
    else if (
      open ||
      (!indented(raw[l.n - 1]!) &&
        (SENTENCE_END.test(text) || l.r.justified || /[，。；]/.test(text) || (l.width >= col - 2 && gapPieces(l.r) < 2)))
    ) {
      push('prose', l);
      open = !SENTENCE_END.test(text);
    } else push('short', l);
  }

  interface DraftArticle {
    place: Place | null;
    headline: Line[] | null;
    deck: Line[] | null;
    body: Line[];
  }
  const articles: DraftArticle[] = [];
  const captionBlocks: Line[][] = [];
  const decks: Array<{ lines: Line[]; next: DraftArticle | null }> = [];
  let pendingTable: Line[] | null = null;
  /** The last article whose body ended and which has not had its headline yet. */
  let awaitingHeadline: DraftArticle | null = null;

  for (const b of blocks) {
    if (b.kind === 'header' || b.kind === 'marker') continue;
    if (b.kind === 'table') {
      pendingTable = b.lines;
      continue;
    }
    if (b.kind === 'prose') {
      const k = deckLength(b.lines);
      const wide = b.lines.slice(0, k);
      const body = b.lines.slice(k);
      const made = splitArticles(body, undecided);
      if (wide.length) decks.push({ lines: wide, next: made[0]! });
      if (pendingTable) decks.push({ lines: pendingTable, next: made[0]! });
      pendingTable = null;
      articles.push(...made);
      awaitingHeadline = made.at(-1)!;
      continue;
    }
    // Short lines: the first group right after a body is its headline, the rest are captions.
    let groups = b.groups;
    if (awaitingHeadline) {
      const head = groups[0]!;
      if (head.length > 2)
        undecided.push(
          `${lineList(head)}: ${head.length} short lines with no gap after a body; taken as a headline of ${head.length} lines`,
        );
      awaitingHeadline.headline = head;
      groups = groups.slice(1);
      awaitingHeadline = null;
    }
    if (groups.length) captionBlocks.push(groups.flat());
  }
  if (pendingTable)
    throw new LayoutError(
      seedFile,
      `${lineList(pendingTable)}: a figures table with no body after it; name its article in a manifest by hand`,
    );

  function splitArticles(body: Line[], notes: string[]): DraftArticle[] {
    const out: DraftArticle[] = [];
    let cur: DraftArticle | null = null;
    body.forEach((l, i) => {
      const startsSentence = i === 0 || SENTENCE_END.test(body[i - 1]!.r.text);
      if (startsSentence) {
        const ahead = body
          .slice(i, i + 3)
          .map((x) => x.r.text)
          .join('');
        const named = placeNamedIn(ahead.split(/[。！？]/)[0]!.slice(0, 16));
        const county = named && named.code !== CITY.code ? named : null;
        if (cur && !cur.place) {
          const sofar = placeNamedIn(cur.body.map((x) => x.r.text).join(''));
          if (sofar && sofar.code !== CITY.code) cur.place = sofar;
        }
        if (cur && county && cur.place && cur.place.code !== county.code) {
          notes.push(`line ${l.n}: a new article begins here (its first words name ${county.zh}, with no headline between); confirm`);
          cur = null;
        }
        if (!cur) {
          cur = { place: county, headline: null, deck: null, body: [] };
          out.push(cur);
        }
      }
      cur!.body.push(l);
    });
    return out;
  }

  // Places: the headline names it, else the body's first paragraph.
  for (const a of articles) {
    const head = a.headline?.map((l) => l.r.text).join('') ?? '';
    const bodyText = a.body.map((l) => l.r.text).join('');
    a.place = placeNamedIn(head) ?? a.place ?? placeNamedIn(bodyText.slice(0, 80)) ?? placeNamedIn(bodyText);
    if (!a.place)
      throw new LayoutError(
        seedFile,
        `${lineList(a.body)}: the article names no county of 吕梁 (nor 吕梁/全市); a page with no county cannot be placed on the map`,
      );
    if (!a.headline) undecided.push(`${lineList(a.body)} (${a.place.zh}): no headline found after this body; kept without one`);
  }
  for (const d of decks) {
    const text = d.lines.map((l) => l.r.text).join('');
    const named = placeNamedIn(text);
    const owner = (named && articles.find((a) => a.place!.code === named.code)) || d.next;
    if (!owner) throw new LayoutError(seedFile, `${lineList(d.lines)}: a figures block that belongs to no article`);
    if (owner.deck)
      throw new LayoutError(
        seedFile,
        `${lineList(d.lines)}: a second figures block for ${owner.place!.zh} (first at ${lineList(owner.deck)})`,
      );
    owner.deck = d.lines;
    found.push(
      `${lineList(d.lines)}: figures block of ${owner.place!.zh}${named ? '' : ' (names no place; given to the body after it, confirm)'}`,
    );
  }

  // Reading order: the city's own article first, then the page's order.
  const ordered = [...articles.filter((a) => a.place!.code === CITY.code), ...articles.filter((a) => a.place!.code !== CITY.code)];
  const used = new Map<string, number>();
  const manifestArticles = ordered.map((a) => {
    const base = slugOf(a.place!.code);
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    const id = k === 1 ? base : `${base}${String.fromCharCode(96 + k)}`;
    if (k > 1)
      undecided.push(`${lineList(a.body)}: a second article on ${a.place!.zh} (id ${id}); confirm it is not one article split in two`);
    return {
      id,
      region: a.place!.code,
      place: a.place!.zh,
      headline: a.headline ? range(a.headline) : null,
      ...(a.deck ? { deck: range(a.deck) } : {}),
      body: range(a.body),
      paragraphBreaksAfter: breaksAtColumnEdge(a.body),
      draft: true as const,
    };
  });
  for (const a of manifestArticles)
    found.push(
      `article ${a.id}: ${a.place}, headline ${a.headline ? `lines ${a.headline.join('–')}` : 'none'}, body lines ${a.body.join('–')}`,
    );
  for (const c of captionBlocks) found.push(`captions: ${lineList(c)}`);
  found.push(`page header: line ${header.n}; edition marker: line ${marker.n}`);
  undecided.push(
    'paragraph breaks: a paragraph that ends exactly at the column edge cannot be seen; add its last line to paragraphBreaksAfter',
  );

  const manifest = {
    seed: seedName,
    note: 'DRAFTED by npm run draft: positions read from the damaged text. Check every entry marked draft: true, correct it, then remove its draft mark.',
    draft: true as const,
    pageHeader: { lines: [header.n, header.n] as [number, number] },
    editionMarker: { lines: [marker.n, marker.n] as [number, number] },
    articles: manifestArticles,
    captions: captionBlocks.map((c) => ({ lines: range(c), breaks: [], draft: true as const })),
  };
  return { manifest, found, undecided };
}
