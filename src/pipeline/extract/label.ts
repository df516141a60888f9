/**
 * A zh label drafted from a figure's clause, for the editor.
 */
import { periodPhrases } from './period.ts';
import { TOKEN } from './tokens.ts';

const LABEL_TRIM = /(?:全部|全面|共|有|了|为|是|达|达到|累计|实现|约|已|可|高于|超|由|的)+$/;
const CHANGE_VERB = /^(?:降至|降为|下降到|下降为|降到|提高到|提高至|提升到|增加到|增长到|增至|升至|上升到)/;

/**
 * A zh label drafted from the clause: the counted noun and what follows it (1439个贫困村全部退出 →
 * 贫困村全部退出), else this list item's words before the number (红枣163万亩、核桃300万亩 → 核桃),
 * else the clause's shared words (全市累计减贫21.7万户58.5万人 → 全市累计减贫). A draft for the editor.
 */
export function draftLabel(clause: string, raw: string, period: string | null, noun: { zh: string; after: boolean } | null): string {
  return tidyLabel(labelWords(clause, raw, period, noun));
}

/** No dangling 的/和 or half a pair of quotes at either end. */
function tidyLabel(label: string): string {
  let out = label.replace(/[的和与及、]+$/, '');
  const open = (out.match(/“/g) ?? []).length;
  const close = (out.match(/”/g) ?? []).length;
  if (open > close) out = out.replace(/“(?!.*“)/, '');
  if (close > open) out = out.replace(/”/, '');
  return out.replace(/[的和与及、]+$/, '') || label;
}

function labelWords(clause: string, raw: string, period: string | null, noun: { zh: string; after: boolean } | null): string {
  const at = clause.indexOf(raw);
  let before = clause.slice(0, at);
  for (const p of periodPhrases(before)) before = before.replace(p.text, '');
  // A figure becomes a separator: the list items are what stands between figures and 、.
  const items = before.replace(TOKEN, '、').split(/、[和及与]?/);
  const clean = (x: string) =>
    x
      .replace(/^[“”"，和及与的]+/, '')
      .replace(LABEL_TRIM, '')
      .replace(/^比/, '')
      .trim();
  const first = clean(items[0] ?? '');
  const own = clean(items.at(-1) ?? '');
  if (noun?.after) {
    const after =
      clause
        .slice(at + raw.length)
        .replace(/^[的“”]+/, '')
        .split(/[、，]|\d/)[0] ?? '';
    return after.startsWith(noun.zh) ? after : noun.zh;
  }
  if (CHANGE_VERB.test(own)) return `${first}${own}`;
  if (own.length >= 2) return own;
  if (first.length >= 2) return first;
  return period ? `${period}${raw}` : raw;
}
