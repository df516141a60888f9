/**
 * Reads a raw page's layout from its damaged text alone and drafts its manifest (positions
 * only), weighing several cues together rather than assuming page ①'s arrangement:
 *
 * - the edition marker and the header wherever they stand, printed once or doubled
 *   (header-marker.ts);
 * - running text against short lines by sentence ends, clause marks, line widths, justification
 *   and the `县名：` of a headline (line-roles.ts);
 * - articles from runs of text, split where a paragraph opens naming another county, with their
 *   figures blocks (articles.ts);
 * - headlines matched to articles by the place they name or the words they share, captions the
 *   rest (short-lines.ts).
 *
 * Every decision is kept with its evidence (decisions.ts); a weak one goes to `undecided` with
 * its lines, and a page it cannot read without guessing is refused with a LayoutError naming
 * the lines it looked at.
 */
import { CITY } from '../../geo/divisions.ts';
import { printedWidth, splitParagraphs } from '../layout.ts';
import type { Manifest } from '../manifest.ts';
import { articlesOfRun, dominantPlace, flagForeignParagraphs, type DraftArticle } from './articles.ts';
import { decision, lineSpan, type Decision } from './decisions.ts';
import { findHeaderAndMarker } from './header-marker.ts';
import { LayoutError } from './layout-error.ts';
import { lineBlocks } from './line-roles.ts';
import { placeBeforeColon, quantile, readPageLines, SENTENCE_END, spanOf, type PageLine } from './page-lines.ts';
import { blockPlace, nameOf, placeByCode, placeNamedIn, slugOf } from './places.ts';
import { assignShortLines, type ShortRun } from './short-lines.ts';

export { LayoutError } from './layout-error.ts';

export interface DraftLayout {
  manifest: Manifest & { draft: true };
  /** What it found, each with its lines and evidence. */
  found: Decision[];
  /** What it could not decide, with the lines to look at. */
  undecided: Decision[];
}

/**
 * Paragraph ends the width rule (src/pipeline/layout.ts: 3 em short) cannot see: a line that
 * closes a sentence, is not justified, and stops short of its column by more than the next
 * line's first unbreakable token would have taken (the typesetter broke it on purpose), or
 * whose next line opens as a paragraph does.
 */
function breaksAtColumnEdge(body: PageLine[]): number[] {
  // The column's measure: most lines are full, so the upper quartile is (the widest may be a
  // line set tight, and would make every full line look short).
  const full = quantile(
    body.map((l) => l.width),
    0.75,
  );
  const seen = new Set(
    splitParagraphs(
      body.map((l) => l.r),
      new Set(),
    ).map((p) => p.at(-1)!.line),
  );
  const out: number[] = [];
  body.forEach((l, i) => {
    const next = body[i + 1];
    if (!next || !SENTENCE_END.test(l.text) || seen.has(l.n)) return;
    const token = next.text.match(/^[0-9A-Za-z.%/+]+|^./u)![0];
    if (OPENS_PARAGRAPH.test(next.text) || (!l.r.justified && l.width + printedWidth(token) <= full)) out.push(l.n);
  });
  return out;
}

/**
 * How a newspaper paragraph opens: a short topic sentence of its own (核桃产业提质增效。),
 * a 方面 heading (教育保障方面，) or 下一步，. After a line that ends a sentence, such an opening
 * starts a paragraph even where the line before is full.
 */
const OPENS_PARAGRAPH = /^[^，。；：、]{4,14}。|^[^，。；：、]{2,8}方面，|^下一步，/;

/** The place an article is about: its headline's, else its opening's, else the one its body names most. */
function placeArticle(a: DraftArticle): void {
  const head = a.headline?.map((l) => l.text).join('') ?? '';
  const colon = head ? placeBeforeColon(head) : null;
  const fromHead = colon === 'city' ? CITY.code : (colon ?? (head ? placeNamedIn(head)?.code : undefined));
  if (fromHead) {
    a.place = fromHead;
    a.placeEvidence = 'its headline names it';
    return;
  }
  if (a.place) return;
  const body = a.body.map((l) => l.text).join('');
  const named = dominantPlace(body);
  if (named) {
    a.place = named.code;
    a.placeEvidence = `its body names it most (${named.count}×)`;
  }
}

export function detectLayout(seedText: string, seedName: string, seedFile: string): DraftLayout {
  const lines = readPageLines(seedText);
  const { marker, header, found, undecided } = findHeaderAndMarker(lines, seedFile);
  const cut = lines.filter((l) => l.r.cutShort);
  for (const l of cut)
    found.push(decision('damage', [l.n, l.n], 'the second copy of the last run was cut short; restored from the first copy'));

  const fixed = new Set([marker, ...(header ? [header] : [])]);
  const column = quantile(
    lines.filter((l) => !fixed.has(l)).map((l) => l.width),
    0.75,
  );
  const blocks = lineBlocks(lines, fixed, column);

  const articles: DraftArticle[] = [];
  const runs: ShortRun[] = [];
  const decks: Array<{ lines: PageLine[]; next: DraftArticle | null }> = [];
  let pendingTable: PageLine[] | null = null;
  let openRun: ShortRun | null = null;
  let lastArticle: DraftArticle | null = null;
  blocks.forEach((b, i) => {
    if (b.kind === 'fixed') {
      lastArticle = null;
      return;
    }
    if (b.kind === 'table') {
      pendingTable = b.lines;
      return;
    }
    if (b.kind === 'short') {
      openRun = { lines: b.lines, before: lastArticle, after: null };
      runs.push(openRun);
      return;
    }
    const made = articlesOfRun(b.lines, i, found, undecided);
    if (made.deck) decks.push({ lines: made.deck, next: made.articles[0]! });
    if (pendingTable) decks.push({ lines: pendingTable, next: made.articles[0]! });
    pendingTable = null;
    if (openRun) openRun.after = made.articles[0]!;
    openRun = null;
    articles.push(...made.articles);
    lastArticle = made.articles.at(-1)!;
  });
  if (pendingTable)
    throw new LayoutError(
      seedFile,
      `${lineSpan(spanOf(pendingTable))}: a figures table with no body after it; name its article in a manifest by hand`,
    );
  if (articles.length === 0) throw new LayoutError(seedFile, 'no running text found: every line reads as a headline or a caption');

  // Places from openings and bodies first (headlines are matched to placed articles), then from headlines.
  for (const a of articles) if (!a.place) placeArticle(a);
  const { captions } = assignShortLines(runs, articles, column, found, undecided);
  for (const a of articles) {
    placeArticle(a);
    if (!a.place)
      throw new LayoutError(
        seedFile,
        `${lineSpan(spanOf(a.body))}: the article names no county of 吕梁 (nor 吕梁/全市); a page with no county cannot be placed on the map`,
      );
    found.push(decision('place', spanOf(a.body), `article on ${placeByCode(a.place).zh}`, [a.placeEvidence]));
    if (!a.headline)
      undecided.push(
        decision('headline', spanOf(a.body), `no headline found for the article on ${placeByCode(a.place).zh}; kept without one`),
      );
    flagForeignParagraphs(a, undecided);
  }
  for (const d of decks) {
    const named = blockPlace(d.lines.map((l) => l.text).join(''), d.next?.place ?? null)?.place;
    const owner = (named && articles.find((a) => a.place === named.code)) || d.next;
    if (!owner) throw new LayoutError(seedFile, `${lineSpan(spanOf(d.lines))}: a figures block that belongs to no article`);
    if (owner.deck)
      throw new LayoutError(
        seedFile,
        `${lineSpan(spanOf(d.lines))}: a second figures block for ${nameOf(owner.place!)} (first at ${lineSpan(spanOf(owner.deck))})`,
      );
    owner.deck = d.lines;
    if (!named)
      undecided.push(
        decision(
          'deck',
          spanOf(d.lines),
          `figures block given to the article after it (${nameOf(owner.place!)}): it names no place; confirm`,
        ),
      );
  }

  // Reading order: the city's own article first, then the page's order.
  const ordered = [...articles.filter((a) => a.place === CITY.code), ...articles.filter((a) => a.place !== CITY.code)];
  const used = new Map<string, number>();
  const manifestArticles = ordered.map((a) => {
    const base = slugOf(a.place!);
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    const id = k === 1 ? base : `${base}${String.fromCharCode(96 + k)}`;
    if (k > 1)
      undecided.push(
        decision(
          'article',
          spanOf(a.body),
          `a second article on ${placeByCode(a.place!).zh} (id ${id}); confirm it is not one article split in two`,
        ),
      );
    return {
      id,
      region: a.place!,
      place: placeByCode(a.place!).zh,
      headline: a.headline ? spanOf(a.headline) : null,
      ...(a.deck ? { deck: spanOf(a.deck) } : {}),
      body: spanOf(a.body),
      paragraphBreaksAfter: breaksAtColumnEdge(a.body),
      draft: true as const,
    };
  });
  for (const a of manifestArticles)
    found.push(decision('article', a.body, `article ${a.id}: ${a.place}, headline ${a.headline ? lineSpan(a.headline) : 'none'}`));
  undecided.push(
    decision(
      'paragraph',
      null,
      'paragraph breaks: a paragraph that ends exactly at the column edge cannot be seen; add its last line to paragraphBreaksAfter',
    ),
  );

  const manifest = {
    seed: seedName,
    note: 'DRAFTED by npm run draft: positions read from the damaged text. Check every entry marked draft: true, correct it, then remove its draft mark.',
    draft: true as const,
    pageHeader: header ? { lines: [header.n, header.n] as [number, number] } : null,
    editionMarker: { lines: [marker.n, marker.n] as [number, number] },
    articles: manifestArticles,
    captions: captions.map((c) => ({ lines: spanOf(c.lines), breaks: c.breaks, draft: true as const })),
  };
  return { manifest, found, undecided };
}
