import type { RestoredLine } from './restore-line.ts';

/** Printed width in em: CJK glyphs and full-width punctuation 1, ASCII half. */
export function printedWidth(text: string): number {
  let w = 0;
  for (const c of text) w += /[\x20-\x7e]/.test(c) ? 0.5 : 1;
  return w;
}

const sentenceEnd = /[。！？][”’」』）]?$|[”’」』）][。！？]$/;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/**
 * Groups a column's lines into paragraphs. A paragraph ends on a line that closes a sentence
 * and stops well short of the column's width (3 em under the median line) without being
 * justified; where a paragraph ends exactly at the column edge, layout can't tell, so the
 * manifest names that line.
 */
export function splitParagraphs(lines: RestoredLine[], breaksAfter: ReadonlySet<number>): RestoredLine[][] {
  const full = median(lines.map((l) => printedWidth(l.text)));
  const paragraphs: RestoredLine[][] = [];
  let current: RestoredLine[] = [];
  for (const l of lines) {
    current.push(l);
    const short = !l.justified && printedWidth(l.text) <= full - 3;
    if (breaksAfter.has(l.line) || (sentenceEnd.test(l.text) && short)) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}
