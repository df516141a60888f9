import type { SourceFlag } from '../schema/edition.ts';

const UNIT_AFTER_DECIMAL = /[万亿千百%％个元人户名亩期座件只棒年月倍MWk]/;

/**
 * Points out defects of the source text, which is kept as printed: a decimal figure followed
 * by a word instead of a unit (11.5贫困人口), quotes that close before they open or never close, half-width
 * punctuation between CJK glyphs.
 */
export function findSourceFlags(at: string, text: string): SourceFlag[] {
  const flags: SourceFlag[] = [];
  for (const m of text.matchAll(/\d+\.\d+(.)/g)) {
    if (!UNIT_AFTER_DECIMAL.test(m[1]!)) {
      const start = m.index;
      flags.push({
        at,
        kind: 'missing-unit',
        excerpt: text.slice(start, start + m[0].length + 3),
        note: `"${m[0].slice(0, -1)}" is printed with no unit; kept as printed, not repaired`,
      });
    }
  }
  let depth = 0;
  for (const c of text) {
    if (c === '“') depth++;
    else if (c === '”') depth--;
    if (depth < 0) {
      flags.push({ at, kind: 'reversed-quotes', excerpt: text, note: 'a closing quote comes before its opening quote; kept as printed' });
      break;
    }
  }
  if (depth > 0) flags.push({ at, kind: 'unbalanced-quotes', excerpt: text, note: 'an opening quote is never closed; kept as printed' });
  for (const m of text.matchAll(/[\u4e00-\u9fff”][,;][\u4e00-\u9fff“]/g)) {
    flags.push({
      at,
      kind: 'halfwidth-punctuation',
      excerpt: m[0],
      note: `half-width "${m[0][1]}" where the text elsewhere uses full-width; kept as printed`,
    });
  }
  return flags;
}
