/**
 * Drafts a page's figure notes from its restored text. What a figure means (value, unit,
 * qualifier, range, basis, period, region, topic, zh label) is read from the text by
 * `deriveFigures` (src/pipeline/extract/derive.ts) every time `npm run data` runs, so a draft note
 * holds only what the text cannot say: an id, an English label drafted from place, unit and
 * period, and `draft: true` until an editor confirms it. Dates and names (“22324”模式) are
 * recognised by the same derivation and get no entry; reprints in the deck and captions are tied
 * to their figure by extract.ts.
 */
import type { Edition } from '../../schema/edition.ts';
import type { Unit } from '../../schema/metrics.ts';
import { decision, type Decision } from './decisions.ts';
import { deriveFigures, type DerivedFigure } from '../extract/derive.ts';
import { periodEnglish } from '../extract/period-en.ts';
import { placeByCode } from './places.ts';

export interface DraftFigure {
  id: string;
  paragraph: string;
  raw: string;
  nth?: number;
  draft: true;
  label: { en: string };
  /** What the draft could not say about this figure (the editor decides). */
  undecided?: string[];
}

export interface DraftFiguresFile {
  seed: string;
  note: string;
  draft: true;
  figures: DraftFigure[];
}

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

/** The English label a draft can write without a translator: place, unit (or counted thing) and period. */
function draftEnglishLabel(d: DerivedFigure): string {
  const place = d.region ? placeByCode(d.region).en : 'Unplaced';
  const what = d.counted?.en ?? (d.unit ? UNIT_EN[d.unit] : 'an unknown unit');
  const when = periodEnglish(d.period);
  return `${place}: a figure in ${what}${when ? `, ${when}` : ''} (label not yet translated)`;
}

/** Deck and caption figures that print a body figure again (extract.ts ties them as its mentions). */
function isReprint(d: DerivedFigure, edition: Edition, bodyFigures: DerivedFigure[]): boolean {
  const article = edition.articles.find((a) => a.deck?.id === d.paragraph);
  const inCaption = edition.captions.some((c) => c.id === d.paragraph);
  if (!article && !inCaption) return false;
  const bodyIds = new Set(article ? article.paragraphs.map((p) => p.id) : edition.articles.flatMap((a) => a.paragraphs.map((p) => p.id)));
  return bodyFigures.some((b) => bodyIds.has(b.paragraph) && b.raw === d.raw);
}

/** The seed lines of a paragraph, deck or caption of the edition. */
export function linesOf(edition: Edition, id: string): [number, number] | null {
  for (const a of edition.articles) {
    if (a.deck?.id === id) return a.deck.lines;
    const p = a.paragraphs.find((x) => x.id === id);
    if (p) return p.lines;
  }
  const c = edition.captions.find((x) => x.id === id);
  return c ? [c.line, c.line] : null;
}

/** Drafts the figure notes of an edition restored from a drafted manifest. */
export function draftFigures(edition: Edition, seedName: string): { file: DraftFiguresFile; undecided: Decision[] } {
  const derived = deriveFigures(edition).filter((d) => d.kind === 'figure');
  const reprintTexts = new Set([...edition.articles.flatMap((a) => (a.deck ? [a.deck.id] : [])), ...edition.captions.map((c) => c.id)]);
  const body = derived.filter((d) => !reprintTexts.has(d.paragraph));
  const figures: DraftFigure[] = [];
  const undecided: Decision[] = [];
  const at = (paragraph: string) => linesOf(edition, paragraph);
  const counter = new Map<string, number>();
  for (const d of derived) {
    if (isReprint(d, edition, body)) continue;
    const k = (counter.get(d.paragraph) ?? 0) + 1;
    counter.set(d.paragraph, k);
    const id = `${d.paragraph}-f${k}`;
    const open: string[] = [];
    if (!d.unit) open.push('unit');
    if (!d.region) open.push('region');
    if (open.length)
      undecided.push(
        decision(
          'figure',
          at(d.paragraph),
          `${id} "${d.raw}" in ${d.paragraph}: no ${open.join(' and no ')} the draft could read`,
          d.why ? [d.why] : [],
        ),
      );
    figures.push({
      id,
      paragraph: d.paragraph,
      raw: d.raw,
      ...(d.nth > 1 ? { nth: d.nth } : {}),
      draft: true,
      label: { en: draftEnglishLabel(d) },
      ...(open.length ? { undecided: open } : {}),
    });
  }
  const byKey = new Map<string, string[]>();
  for (const d of body) {
    const f = figures.find((x) => x.paragraph === d.paragraph && x.raw === d.raw);
    if (!f) continue;
    const key = `${d.region}|${d.raw}`;
    byKey.set(key, [...new Set([...(byKey.get(key) ?? []), f.id])]);
  }
  for (const [k, ids] of byKey)
    if (ids.length > 1)
      undecided.push(
        decision(
          'figure',
          at(figures.find((f) => f.id === ids[0])!.paragraph),
          `${ids.join(', ')}: "${k.split('|')[1]}" printed ${ids.length} times for one place: if it is one quantity restated, keep one entry and mark the others \`restates\``,
        ),
      );
  for (const [rounded, exact] of roundedRestatements(edition, body.concat(derived.filter((d) => reprintTexts.has(d.paragraph)))))
    undecided.push(
      decision(
        'figure',
        at(exact.paragraph),
        `"${exact.raw}" in ${exact.paragraph} may print "${rounded.raw}" (${rounded.paragraph}) again, rounded: if it is one quantity, mark it \`restates\` (and \`rounded\`) so it is not counted twice`,
        [`same place, unit and article`, `${exact.value} rounds to ${rounded.value} at the precision "${rounded.raw}" is printed to`],
      ),
    );
  return {
    file: {
      seed: seedName,
      note: 'DRAFTED by npm run draft. The meaning of each figure (value, unit, period, region, topic, zh label) is read from the text by npm run data; an entry here overrides it. Check each entry marked draft: true, write its English label, correct what the text reading got wrong, then remove its draft mark.',
      draft: true,
      figures,
    },
    undecided,
  };
}

/** A rounded figure and an exact one this close may be one quantity; a coarse rounding (1万元 for 8950元) agrees with too much to say. */
const RESTATED_WITHIN = 0.01;

/** The step a figure printed with 万/亿 is rounded to (1.57万 → 100, 1.2万 → 1000); null for a figure printed in full. */
function roundingStep(d: DerivedFigure): number | null {
  const m = d.raw.match(/(\d+)(?:\.(\d+))?[余多]?([万亿])/);
  if (!m) return null;
  return 10 ** ((m[3] === '亿' ? 8 : 4) - (m[2]?.length ?? 0));
}

/**
 * Pairs (rounded, exact) of one article that may be one quantity printed twice: the same place and
 * unit, one printed with 万/亿 and the other in full, exact (no 余/以上), rounding to it and within
 * RESTATED_WITHIN of it (1.2万名 … 11985人; a figures block's 1.57万 and the body's 15702人). Only
 * flagged: two quantities may round alike.
 */
function roundedRestatements(edition: Edition, figures: DerivedFigure[]): Array<[DerivedFigure, DerivedFigure]> {
  const articleOf = new Map(
    edition.articles.flatMap((a) => [...(a.deck ? [a.deck.id] : []), ...a.paragraphs.map((p) => p.id)].map((id) => [id, a.id])),
  );
  const out: Array<[DerivedFigure, DerivedFigure]> = [];
  for (const r of figures) {
    const step = roundingStep(r);
    if (step === null || r.value === null || r.range || r.qualifier) continue;
    for (const e of figures)
      if (
        e !== r &&
        roundingStep(e) === null &&
        e.value !== null &&
        !e.range &&
        !e.qualifier &&
        e.unit === r.unit &&
        e.region === r.region &&
        articleOf.get(e.paragraph) === articleOf.get(r.paragraph) &&
        e.value !== r.value &&
        Math.round(e.value / step) * step === r.value &&
        Math.abs(e.value - r.value) <= RESTATED_WITHIN * r.value
      )
        out.push([r, e]);
  }
  return out;
}
