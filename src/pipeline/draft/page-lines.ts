/**
 * A damaged page's printed lines with what the layout reading weighs about each: its restored
 * text and printed width, whether it was printed once or justified, whether a blank line or an
 * indent stands before it, and whether it ends a sentence or holds clause marks. The cues'
 * patterns and tolerances are named here, once.
 */
import { countyMentions } from '../../geo/divisions.ts';
import { printedWidth } from '../layout.ts';
import { restoreLine, type RestoredLine } from '../restore-line.ts';
import { seedLines } from '../seed-file.ts';

export interface PageLine {
  /** 1-based line number in the seed. */
  n: number;
  r: RestoredLine;
  text: string;
  /** Printed width in em (CJK 1, ASCII ½). */
  width: number;
  /** A blank line stands between this line and the one before. */
  gapBefore: boolean;
  /** The extractor began the line with a space (headlines and headers are, body lines rarely). */
  indented: boolean;
}

/** A sentence ends here (。！？, a closing quote on either side). */
export const SENTENCE_END = /[。！？][”’」』）]?$|[”’」』）][。！？]$/;
/** Clause marks that only running text prints (headlines and captions do not). */
export const CLAUSE_MARK = /[，。；、]/;
/** The edition marker: 全国扶贫日·专刊② or a circled number. */
export const MARKER = /专刊|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]/;
/** A headline that opens with its place: 中阳县：…, 孝义：…, 吕梁：… */
export const PLACE_COLON = /^[“"]?([\u4e00-\u9fff]{1,4})[：:]/;
/** Words that name the city (or the county-level city in its own article) as a whole. */
export const CITY_WORDS = /全市|我市|本市|吕梁/;

/** Tolerances, in em of the column's measure. */
export const TOLERANCE = {
  /** A line within this of the column's width is a full line (a paragraph's first line is). */
  fullLine: 1.5,
  /** A marker or header is at most this wide. */
  markerWidth: 16,
  /** A line this many columns wide is a row of captions set across the page. */
  captionRow: 1.6,
} as const;

export function readPageLines(seedText: string): PageLine[] {
  const raw = seedLines(seedText);
  const out: PageLine[] = [];
  let blank = true;
  raw.forEach((l, i) => {
    if (!l.trim()) {
      blank = true;
      return;
    }
    const r = restoreLine(l, i + 1);
    out.push({ n: i + 1, r, text: r.text, width: printedWidth(r.text), gapBefore: blank, indented: /^\s/.test(l) });
    blank = false;
  });
  return out;
}

/** The place a headline's opening names before its colon (a county by full or short name, or 吕梁), if any. */
export function placeBeforeColon(text: string): string | null {
  const m = text.match(PLACE_COLON);
  if (!m) return null;
  const named = countyMentions(m[1]!)[0];
  if (named && named.at === 0 && named.end === m[1]!.length) return named.code;
  return /^吕梁(市)?$/.test(m[1]!) ? 'city' : null;
}

/** Texts of a line separated by gaps, a gap beside a number not counting (as in caption rows). */
export function gapPieces(r: RestoredLine): number {
  let n = 0;
  let prev = '';
  for (const p of r.pieces) {
    if (!(prev && (/\d$/.test(prev) || /^\d/.test(p)))) n++;
    prev = p;
  }
  return n;
}

export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length * q)]! : 0;
};

export const spanOf = (ls: PageLine[]): [number, number] => [ls[0]!.n, ls.at(-1)!.n];
