/**
 * The noun a figure counts, as printed beside it: shared by the reading of a figure (derive.ts)
 * and the drafting of its label (label.ts).
 */
import { clauseAround } from './clause.ts';
import { NOUNS } from './lexicon.ts';
import { TOKEN_TEST } from './tokens.ts';

export interface NounBeside {
  zh: string;
  /** Printed after the number (1481个单位), not before it (建成集中安置点18个). */
  after: boolean;
}

/** Known nouns, longest first (matched greedily). */
export const NOUN_LIST = Object.keys(NOUNS).sort((a, b) => b.length - a.length);

/** The longest known noun right after `end` (skipping 的), or right before `start`. */
export function nounBeside(text: string, start: number, end: number): NounBeside | null {
  const after = text.slice(end).replace(/^[的“”]+/, '');
  const a = NOUN_LIST.find((n) => after.startsWith(n));
  if (a) return { zh: a, after: true };
  // 462座总规模596MW的村级电站和集中式电站: the clause's head noun, at its end.
  const clause = clauseAround(text, start, end);
  const rest = clause.slice(clause.indexOf(text.slice(start, end)) + (end - start));
  if (/的/.test(rest) && !TOKEN_TEST.test(rest.slice(rest.lastIndexOf('的')))) {
    const head = NOUN_LIST.find((n) => rest.endsWith(n));
    if (head) return { zh: head, after: true };
  }
  const before = text.slice(Math.max(0, start - 14), start).replace(/(共|有|了|为|达|达到|累计|建成|建立|组建|开设|完成|覆盖)+$/, '');
  const b = NOUN_LIST.find((n) => before.endsWith(n));
  return b ? { zh: b, after: false } : null;
}
