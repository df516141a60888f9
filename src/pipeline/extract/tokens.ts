/**
 * Scanning a text for printed numbers: the extent of one figure as printed (qualifiers, 万/亿 and
 * unit word included), and the spans that are names made of numbers (“22324”模式), not quantities.
 */
import { UNIT_WORD_NOT_BEFORE, UNIT_WORDS } from './lexicon.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT_ALT = UNIT_WORDS.map((w) => (UNIT_WORD_NOT_BEFORE[w] ? `${esc(w)}(?![${UNIT_WORD_NOT_BEFORE[w]}])` : esc(w))).join('|');
const NUM = String.raw`\d+(?:\.\d+)?`;
/** One printed number with everything that belongs to it (qualifiers, 万/亿, unit word). */
export const TOKEN = new RegExp(
  [
    '[一二三四五六七八九十]分之[一二三四五六七八九十]',
    String.raw`\d+/\d+(?![\d年月])`,
    `${NUM}%[—–~～至到-]+${NUM}%`,
    `(?:近|约)?${NUM}(?:[—–~～至-]${NUM})?(?:万|亿)?(?:余|多)?(?:万|亿)?(?:${UNIT_ALT})?(?:以上|左右)?`,
  ].join('|'),
  'g',
);

export const TOKEN_TEST = /\d/;
/** Quoted programme names made of numbers: “22324”, “7乘3X”, “3+6+X”, 1+2+N. */
/** Short quoted text, and the code-like names in it (“1+2+N”, “3A”). */
const QUOTED = /“([^“”]{1,12})”/g;
const CODE_NAME = /^[0-9A-Za-z+＋×乘]+$/;
const NAME_BARE = /\d+(?:[+＋×乘][0-9A-Za-z]+)+|\d+乘\d+[A-Za-z]*/g;

export interface Span {
  start: number;
  end: number;
}
export function nameSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(QUOTED))
    if ((CODE_NAME.test(m[1]!) && /\d/.test(m[1]!) && !/^\d+(?:\.\d+)?$/.test(m[1]!)) || isNumberName(text, m))
      out.push({ start: m.index + 1, end: m.index + 1 + m[1]!.length });
  for (const m of text.matchAll(NAME_BARE))
    if (!out.some((s) => s.start <= m.index && m.index < s.end)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
/**
 * A number in quotes followed by a name word is the name of a model or programme, not a figure:
 * “22324”产业发展模式, and with a unit word too: 三个“100万亩”工程 (three programmes named after
 * their size; the clause does not say they reached it).
 */
function isNumberName(text: string, m: RegExpMatchArray): boolean {
  const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 8);
  return /\d/.test(m[1]!) && /^[^，。；]{0,4}(模式|工程|计划|组合拳|战略|行动|机制|体系)/.test(after);
}

/** The printed extent of the number at `start` (a whole token, qualifiers and unit word included). */
export function tokenAt(text: string, start: number): string {
  const re = new RegExp(TOKEN.source, 'y');
  let s = start;
  if (/[近约]/.test(text[start - 1] ?? '') && /\d/.test(text[start]!)) s = start - 1;
  re.lastIndex = s;
  const m = re.exec(text);
  return m ? m[0] : (text.slice(start).match(/^\d+(?:\.\d+)?/)?.[0] ?? '');
}

export function nameAt(text: string, at: number): string {
  const n = nameSpans(text).find((x) => x.start <= at && at < x.end)!;
  return text.slice(n.start, n.end);
}
