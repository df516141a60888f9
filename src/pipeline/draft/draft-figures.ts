/**
 * Drafts a page's figure notes from its restored text: every printed number that is not a date,
 * a name (“22324”模式) or a flagged defect becomes a draft entry `{id, paragraph, raw, draft: true, …}`.
 *
 * SEMANTICS PLUG: what a figure means (value, unit, qualifier, range, basis, period, region,
 * topic, zh label) is drafted by `draftMeaning` below, a stand-in with simple rules. The
 * figure-meaning derivation built in src/pipeline/extract/ (branch `semantics`) replaces it:
 * swap the body of `draftMeaning` for a call to that function; nothing else here changes.
 */
import type { Edition } from '../../schema/edition.ts';
import type { Unit } from '../../schema/metrics.ts';
import { countiesNamedIn } from '../divisions.ts';
import { clauseAround } from '../extract/clause.ts';
import { parseFigure, type ParsedFigure } from '../extract/parse-figure.ts';
import { placeByCode } from './places.ts';

export interface DraftFigure {
  id: string;
  paragraph: string;
  raw: string;
  draft: true;
  label: { zh: string; en: string };
  topic: string;
  period?: string;
  unit?: Unit;
  region?: string;
  /** What the draft could not say about this figure (the editor decides). */
  undecided?: string[];
}

export interface DraftFiguresFile {
  seed: string;
  note: string;
  draft: true;
  notFigures: Array<{ paragraph: string; raw: string; why: string; draft: true }>;
  figures: DraftFigure[];
}

const UNIT_WORD = '个百分点|人次|万户|户|人|名|亩|元|MW|%|个|座|期|道|省|支|件|只|棒';
/** A printed figure: 近, digits, a range or fraction, 万/亿, 余/多, a unit word, 以上. */
const FIGURE = new RegExp(
  `(?:近)?\\d+(?:\\.\\d+)?(?:%[—–-]+\\d+(?:\\.\\d+)?%|/\\d+)?[万亿]?[余多]?[万亿]?(?:${UNIT_WORD})?(?:以上)?|[一二三四五六七八九十]分之[一二三四五六七八九十]`,
  'g',
);
/** A short quoted name holding a digit: “22324”, “7乘3X”, “3+6+X”. */
const QUOTED_NAME = /“([^“”，。]{1,10})”/g;

export const UNIT_EN: Record<Unit, string> = {
  percent: 'percent',
  pp: 'percentage points',
  people: 'people',
  households: 'households',
  mu: 'mu',
  yuan: 'yuan',
  MW: 'MW',
  count: 'count',
};

/** Date phrases the draft can put into English; others are left to the editor. */
function periodEnglish(period: string): string | null {
  let m: RegExpMatchArray | null;
  if ((m = period.match(/^(?:截至|到)?(\d{4})年(?:底|末)$/))) return `by the end of ${m[1]}`;
  if ((m = period.match(/^(\d{4})年以来$/))) return `since ${m[1]}`;
  if ((m = period.match(/^(\d{4})年$/))) return `in ${m[1]}`;
  if (period === '目前' || period === '截至目前') return 'to date';
  return null;
}

interface MeaningInput {
  raw: string;
  parsed: ParsedFigure;
  clause: string;
  /** The sentence before the figure, for the nearest date phrase. */
  before: string;
  articleRegion: string | null;
}
interface Meaning {
  region: string | null;
  unit: Unit | null;
  period: string | null;
  label: { zh: string; en: string };
  topic: string;
}

/** SEMANTICS PLUG (see the file comment): the stand-in reading of one figure's meaning. */
export function draftMeaning({ raw, parsed, clause, before, articleRegion }: MeaningInput): Meaning {
  const named = countiesNamedIn(clause);
  const region = named.length === 1 ? named[0]! : articleRegion;
  const unit = parsed.unit;
  // The nearest date phrase before the figure in its sentence, unless another figure stands
  // between them (由2014年的17.3%降至0.09%: 2014 is the 17.3 %'s date, not the 0.09 %'s).
  const last = [...before.matchAll(/(?:截至|到)?\d{4}年(?:底|末|以来)?|截至目前|目前/g)].at(-1);
  const between = last ? before.slice(last.index + last[0].length) : '';
  const period = last && !findFigures(between).figures.length ? last[0] : null;
  // The clause without any figure in it: a label names what is counted, never another number.
  const zh = clause.replace(FIGURE, '').replace(/^[，、；：“”]+|[，、；：“”]+$/g, '') || clause;
  const place = region ? placeByCode(region).en : 'Unplaced';
  const when = period ? periodEnglish(period) : null;
  const en = `${place}: a figure in ${unit ? UNIT_EN[unit] : 'an unknown unit'}${when ? `, ${when}` : ''} (label not yet translated)`;
  return { region, unit, period, label: { zh, en }, topic: 'draft' };
}

/** Every figure the draft finds in one text, with the names it skips. */
export function findFigures(text: string): { figures: Array<{ raw: string; start: number }>; names: Array<{ raw: string; start: number; end: number }> } {
  const names = [...text.matchAll(QUOTED_NAME)]
    .filter((m) => /\d/.test(m[1]!) && (/^\d+$/.test(m[1]!) || !FIGURE_ONLY.test(m[1]!)))
    .map((m) => ({ raw: m[1]!, start: m.index + 1, end: m.index + 1 + m[1]!.length }));
  const figures: Array<{ raw: string; start: number }> = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (names.some((n) => n.start <= start && end <= n.end)) continue;
    const digits = m[0].match(/^\d+$/);
    if (digits && ((digits[0].length === 4 && text[end] === '年') || (digits[0].length <= 2 && text[end] === '月'))) continue;
    figures.push({ raw: m[0], start });
  }
  return { figures, names };
}
/** A quoted figure with its unit is still a figure (“100万亩”工程); a bare quoted number (“22324”) or a formula (“3+6+X”) is a name. */
const FIGURE_ONLY = new RegExp(`^(?:${FIGURE.source})$`);

/** Drafts the figure notes of an edition restored from a drafted manifest. */
export function draftFigures(edition: Edition, seedName: string): { file: DraftFiguresFile; undecided: string[] } {
  const unreadable = new Set(
    edition.flags.filter((f) => f.kind === 'missing-unit').map((f) => `${f.at}:${f.excerpt.match(/^\d+(?:\.\d+)?/)![0]}`),
  );
  const texts: Array<{ id: string; text: string; region: string | null }> = [];
  for (const a of edition.articles) {
    if (a.deck) texts.push({ id: a.deck.id, text: a.deck.text, region: a.region });
    for (const p of a.paragraphs) texts.push({ id: p.id, text: p.text, region: a.region });
  }
  for (const c of edition.captions) texts.push({ id: c.id, text: c.text, region: c.regions[0] ?? null });

  const figures: DraftFigure[] = [];
  const notFigures: DraftFiguresFile['notFigures'] = [];
  const undecided: string[] = [];
  for (const t of texts) {
    const { figures: found, names } = findFigures(t.text);
    for (const n of names) notFigures.push({ paragraph: t.id, raw: n.raw, why: 'draft: a quoted name holding a number, not a quantity; confirm', draft: true });
    let k = 0;
    for (const f of found) {
      if (unreadable.has(`${t.id}:${f.raw}`)) continue;
      const id = `${t.id}-f${++k}`;
      let parsed: ParsedFigure;
      try {
        parsed = parseFigure(f.raw);
      } catch (e) {
        undecided.push(`${t.id}: "${f.raw}" — ${(e as Error).message}`);
        continue;
      }
      const sentenceStart = Math.max(0, t.text.lastIndexOf('。', f.start) + 1);
      const m = draftMeaning({
        raw: f.raw,
        parsed,
        clause: clauseAround(t.text, f.start, f.start + f.raw.length),
        before: t.text.slice(sentenceStart, f.start),
        articleRegion: t.region,
      });
      const open: string[] = [];
      if (!m.unit) open.push('unit');
      if (!m.region) open.push('region');
      if (open.length) undecided.push(`${id} "${f.raw}" in ${t.id}: no ${open.join(' and no ')} the draft could read`);
      figures.push({
        id,
        paragraph: t.id,
        raw: f.raw,
        draft: true,
        label: m.label,
        topic: m.topic,
        ...(m.period ? { period: m.period } : {}),
        ...(m.region ? { region: m.region } : {}),
        ...(open.length ? { undecided: open } : {}),
      });
    }
  }
  const byKey = new Map<string, string[]>();
  for (const f of figures) byKey.set(`${f.region}|${f.raw}`, [...(byKey.get(`${f.region}|${f.raw}`) ?? []), f.id]);
  for (const [k, ids] of byKey)
    if (ids.length > 1)
      undecided.push(`${ids.join(', ')}: "${k.split('|')[1]}" printed ${ids.length} times for one place: if it is one quantity restated, keep one entry and list the others' paragraphs as mentions`);
  return {
    file: {
      seed: seedName,
      note: 'DRAFTED by npm run draft: every printed figure with a drafted meaning. Check each entry marked draft: true (label, topic, period, region), correct it, then remove its draft mark.',
      draft: true,
      notFigures,
      figures,
    },
    undecided,
  };
}
