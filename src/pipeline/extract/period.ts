/**
 * Period phrases (截至2019年底, 2016年以来, “十三五”期间…) and which one scopes over a number: its
 * period and ISO `asOf`. Also the sentence and clause bounds the other readers share.
 */
import { clauseAround } from './clause.ts';
import type { Span } from './tokens.ts';

type PhraseKind = 'point' | 'frame' | 'clause' | 'base';
export interface Phrase extends Span {
  text: string;
  kind: PhraseKind;
}
const CN = '[一二三四五六七八九十两\\d]+';
const PERIODS: Array<{ re: RegExp; kind: PhraseKind }> = [
  { re: /(?:截至|截止到?|到|至)\d{4}年(?:\d{1,2}月)?(?:底|末)?/g, kind: 'point' },
  { re: /(?:截至|截止到?)目前/g, kind: 'point' },
  { re: /(?:预计)?从\d{4}年(?:起|开始)/g, kind: 'frame' },
  { re: /\d{4}年(?:\d{1,2}月)?(?:底|末)?(?:以来|起)/g, kind: 'frame' },
  { re: /脱贫攻坚战?役?打响(?:以来|之后|后)/g, kind: 'frame' },
  { re: new RegExp(`近?${CN}年(?:来|以来)`, 'g'), kind: 'frame' },
  { re: new RegExp(`过去的?${CN}年里?`, 'g'), kind: 'frame' },
  { re: /近年来|今年以来/g, kind: 'frame' },
  { re: /“?十[一二三四五六七八九]五”?(?:期间|以来)/g, kind: 'frame' },
  { re: new RegExp(`连续${CN}年`, 'g'), kind: 'clause' },
  { re: /今年\d{1,2}月(?:底|末)?|去年底|去年|今年/g, kind: 'point' },
  { re: /\d{4}年(?:\d{1,2}月)?(?:底|末)?/g, kind: 'point' },
  { re: /目前/g, kind: 'point' },
];

export function periodPhrases(text: string): Phrase[] {
  const all: Phrase[] = [];
  for (const { re, kind } of PERIODS)
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      const k: PhraseKind = /(比|较)$/.test(before) ? 'base' : kind;
      all.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: k });
    }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Phrase[] = [];
  for (const p of all) if (!out.some((q) => p.start < q.end && q.start < p.end)) out.push(p);
  return out;
}

/** Sentence bounds: 。！？ end a sentence; ；followed by a new heading (…方面，) does too. */
export function sentenceAround(text: string, at: number): Span {
  const isEnd = (i: number) => /[。！？!?]/.test(text[i]!) || (/[；;]/.test(text[i]!) && /^[^，。；]{1,8}方面/.test(text.slice(i + 1)));
  let start = at;
  while (start > 0 && !isEnd(start - 1)) start--;
  let end = at;
  while (end < text.length && !isEnd(end)) end++;
  return { start, end };
}

export function clauseSpan(text: string, start: number, end: number): Span {
  const q = clauseAround(text, start, end);
  const from = text.lastIndexOf(q, start);
  return { start: from, end: from + q.length };
}

export const CHANGE = /由([^，。；]*?)(?:降至|降为|下降到|下降为|降到|提高到|提高至|提升到|提升至|增加到|增长到|增至|升至|上升到)/;

export function periodOf(
  text: string,
  start: number,
  end: number,
  changeRole: 'from' | 'to' | null,
): { period: string | null; asOf: string | null } {
  const phrases = periodPhrases(text).filter((p) => p.end <= start);
  const sentence = sentenceAround(text, start);
  const clause = clauseSpan(text, start, end);
  const eligible = phrases.filter((p) => {
    if (p.kind === 'clause') return p.start >= clause.start;
    if (p.kind === 'point') return p.start >= sentence.start;
    if (p.kind === 'base') return false;
    return true;
  });
  let best = eligible.at(-1) ?? null;
  // 由X降至Y: X is the starting value; a span (以来) is not its time unless X carries its own date.
  if (changeRole === 'from' && best && !(best.kind === 'point' && best.start >= clause.start)) best = null;
  if (!best) return { period: null, asOf: null };
  const base = phrases.find((p) => p.kind === 'base' && p.start >= clause.start);
  if (base && best.kind === 'point') {
    const endDate = best.text.replace(/^(截至|截止到?|到|至)/, '');
    return { period: `${base.text}至${endDate}`, asOf: isoOf(endDate) };
  }
  return { period: best.text, asOf: best.kind === 'point' ? isoOf(best.text) : null };
}

/** An ISO date (or year, or year-month) the phrase names; null where the text gives none (目前, 今年). */
export function isoOf(phrase: string): string | null {
  const m = [...phrase.matchAll(/(\d{4})年(?:(\d{1,2})月)?(底|末)?/g)].at(-1);
  if (!m || /以来|起|开始/.test(phrase)) return null;
  const year = m[1]!;
  if (!m[2]) return m[3] ? `${year}-12-31` : year;
  const month = m[2].padStart(2, '0');
  if (!m[3]) return `${year}-${month}`;
  const last = new Date(Date.UTC(Number(year), Number(m[2]), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}
