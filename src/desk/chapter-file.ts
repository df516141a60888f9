/**
 * Edits of a chapter file (src/content/chapters/<page>/NN-<article>.md) as a person would make
 * them: one line of its frontmatter changed, or its `items:` list written again in the style
 * `npm run draft` and the hand-made chapters use (one flow mapping per item), the rest of the
 * file untouched, so the diff shows only what changed.
 */
import type { ChapterItem } from '../story/chapter-schema.ts';
import { DeskError } from './desk-error.ts';

const FRONTMATTER = /^---\n([\s\S]*?\n)---[ \t]*(?:\n|$)/;

function frontmatter(text: string, file: string): { head: string; rest: string } {
  const m = text.match(FRONTMATTER);
  if (!m) throw new DeskError('value', `${file}: no frontmatter`);
  return { head: m[1]!, rest: text.slice(m[0].length) };
}

const join = (head: string, rest: string) => `---\n${head}---\n${rest}`;

/** Removes the chapter's `draft: true` line: confirmed. */
export function confirmChapterText(text: string, file: string): string {
  const { head, rest } = frontmatter(text, file);
  if (!/^draft: true\n/m.test(head)) throw new DeskError('value', `${file}: the chapter is not a draft`);
  return join(head.replace(/^draft: true\n/m, ''), rest);
}

/** Sets a top-level scalar line (`order: 2`, `article: lishi`, `id: lishi`). */
export function withScalar(text: string, file: string, key: 'id' | 'order' | 'article', value: string | number): string {
  const { head, rest } = frontmatter(text, file);
  const re = new RegExp(`^${key}: .*$`, 'm');
  if (!re.test(head)) throw new DeskError('value', `${file}: no "${key}:" line`);
  return join(head.replace(re, `${key}: ${value}`), rest);
}

const PLAIN = /^[a-z][a-z0-9-]*$/;
const scalar = (v: unknown): string => (typeof v === 'string' && PLAIN.test(v) ? v : JSON.stringify(v));
const KEY_ORDER = ['headline', 'deck', 'paragraph', 'caption', 'captions', 'chart', 'view', 'state', 'region'];

/** One item as the chapters write it: `  - { paragraph: lishi-p1, view: overview, region: "141102" }`. */
export function itemYaml(item: ChapterItem): string {
  if ('lead' in item) {
    const { lead, ...map } = item;
    const extra = KEY_ORDER.filter((k) => k in map).map((k) => `    ${k}: ${scalar((map as Record<string, unknown>)[k])}\n`);
    return `  - lead:\n      zh: ${JSON.stringify(lead.zh)}\n      en: ${JSON.stringify(lead.en)}\n${extra.join('')}`;
  }
  const entries = KEY_ORDER.filter((k) => k in item).map((k) => `${k}: ${scalar((item as Record<string, unknown>)[k])}`);
  return `  - { ${entries.join(', ')} }\n`;
}

/** The chapter with its `items:` list written again (the list runs to the end of the frontmatter). */
export function withItems(text: string, file: string, items: ChapterItem[]): string {
  const { head, rest } = frontmatter(text, file);
  const at = head.search(/^items:[ \t]*\n/m);
  if (at < 0) throw new DeskError('value', `${file}: no "items:" list`);
  const after = head.slice(at).replace(/^items:[ \t]*\n(?:(?:[ \t]+.*|)\n)*/, '');
  return join(`${head.slice(0, at)}items:\n${items.map(itemYaml).join('')}${after}`, rest);
}
