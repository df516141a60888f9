/**
 * Which printed lines are running text (prose) and which are short lines standing alone
 * (headlines, captions), read in the seed's order. Cues, weighed in this order:
 *
 * - a line that opens with its place and a colon (中阳县：…, 孝义：…) and has no clause marks is
 *   a headline's, however it is spaced or wide;
 * - a line inside an open sentence is prose, however short (the column narrows around a picture);
 * - a line that ends a sentence or holds clause marks (，。；、) is prose;
 * - a justified line is prose when it is full, or so short (≤ 4 em) that only a narrowed column
 *   explains it; a justified line of headline length is a letter-spaced headline;
 * - a full, unindented line of one piece starts a paragraph; anything else is short.
 */
import { gapPieces, placeBeforeColon, SENTENCE_END, CLAUSE_MARK, TOLERANCE, type PageLine } from './page-lines.ts';

/** Marks of running text (、 is not one: a caption lists names with it). */
const RUNNING_MARK = /[，。；]/;

export type Block =
  | { kind: 'prose'; lines: PageLine[] }
  | { kind: 'short'; lines: PageLine[] }
  | { kind: 'table'; lines: PageLine[] }
  | { kind: 'fixed'; line: PageLine };

const FIGURE_CELL = /^近?\d+(?:\.\d+)?(?:%|[万亿]?[余多]?[^\d\s.]{1,3})(?:以上)?$/;
/** A narrowed column's stray line: at most this wide (em). */
const NARROW = 4;

/** A row of a figures table: cells set apart by gaps, one a printed figure, no clause marks. */
const tableRow = (l: PageLine) => !/[。，；]/.test(l.text) && l.r.pieces.length >= 2 && l.r.pieces.some((p) => FIGURE_CELL.test(p));

export function lineBlocks(lines: PageLine[], fixed: ReadonlySet<PageLine>, column: number): Block[] {
  const blocks: Block[] = [];
  const push = (kind: 'prose' | 'short' | 'table', l: PageLine) => {
    const last = blocks.at(-1);
    if (last && last.kind === kind) last.lines.push(l);
    else blocks.push({ kind, lines: [l] });
  };
  let open = false;
  for (const l of lines) {
    if (fixed.has(l)) {
      blocks.push({ kind: 'fixed', line: l });
      open = false;
      continue;
    }
    const t = l.text;
    const ends = SENTENCE_END.test(t);
    const colonHeadline = placeBeforeColon(t) !== null && !CLAUSE_MARK.test(t) && !ends;
    const full = l.width >= column - TOLERANCE.fullLine;
    if (!open && tableRow(l)) push('table', l);
    else if (l.width > column * TOLERANCE.captionRow) {
      // Far wider than any column: a row of captions set across the page.
      push('short', l);
      open = false;
    } else if (colonHeadline) {
      push('short', l);
      open = false;
    } else if (
      open ||
      ends ||
      RUNNING_MARK.test(t) ||
      (l.r.justified && (full || l.width <= NARROW)) ||
      (full && !l.indented && gapPieces(l.r) < 2)
    ) {
      push('prose', l);
      open = !ends;
    } else {
      push('short', l);
      open = false;
    }
  }
  // Text that never ends a sentence nor holds a clause mark is not running text, however wide
  // (two captions set in one row with no gap between).
  return blocks
    .map((b) =>
      b.kind === 'prose' && !b.lines.some((l) => /[，。；、！？]/.test(l.text)) ? { kind: 'short' as const, lines: b.lines } : b,
    )
    .reduce<Block[]>((out, b) => {
      const last = out.at(-1);
      if (last && last.kind === 'short' && b.kind === 'short') last.lines.push(...b.lines);
      else out.push(b);
      return out;
    }, []);
}
