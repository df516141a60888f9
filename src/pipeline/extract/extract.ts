import type { Edition } from '../../schema/edition.ts';
import { Metrics, type Metric } from '../../schema/metrics.ts';
import { InputError } from '../../schema/json-file.ts';
import { clauseAround } from './clause.ts';
import type { FiguresFile } from './figures-file.ts';
import { deriveFigures, type DerivedFigure } from './derive.ts';
import { isoOf } from './period.ts';
import { periodEnglish } from './period-en.ts';

interface Text {
  text: string;
  region: string | null;
}
interface Span {
  at: string;
  start: number;
  end: number;
  what: string;
}

/** Every text of the edition that can hold a figure, by id, with the region its article is about. */
function textsById(edition: Edition): Map<string, Text> {
  const out = new Map<string, Text>();
  for (const a of edition.articles) {
    if (a.deck) out.set(a.deck.id, { text: a.deck.text, region: a.region });
    for (const p of a.paragraphs) out.set(p.id, { text: p.text, region: a.region });
  }
  for (const c of edition.captions) out.set(c.id, { text: c.text, region: null });
  return out;
}

const isDigit = (c: string | undefined) => c !== undefined && /[0-9.]/.test(c);

/** Where `raw` stands in `text` for the nth time as a whole number (not the tail of a longer one). */
function locate(text: string, raw: string, nth: number, taken: Span[], at: string): number {
  let seen = 0;
  for (let i = text.indexOf(raw); i >= 0; i = text.indexOf(raw, i + 1)) {
    const whole = !isDigit(text[i - 1]) && !(isDigit(raw.at(-1)) && isDigit(text[i + raw.length]));
    const free = !taken.some((s) => s.at === at && s.start < i + raw.length && i < s.end);
    if (whole && free && ++seen === nth) return i;
  }
  return -1;
}

/** Same JSON: for telling whether a note repeats what the text already says. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * metrics.json from the edition and the editor's notes: every field is derived from the text
 * (derive.ts) unless a note overrides it; `overridden` lists the fields a note changed.
 */
export function buildMetrics(edition: Edition, notes: FiguresFile, notesFile: string): Metrics {
  const texts = textsById(edition);
  const derived = deriveFigures(edition);
  const spans: Span[] = [];
  const claim = (at: string, raw: string, nth: number, what: string): { text: string; start: number } => {
    const t = texts.get(at);
    if (!t) throw new InputError(notesFile, `${what}: no paragraph "${at}" in the edition`);
    const start = locate(t.text, raw, nth, spans, at);
    if (start < 0) throw new InputError(notesFile, `${what}: "${raw}" (occurrence ${nth}) is not printed in ${at}`);
    spans.push({ at, start, end: start + raw.length, what });
    return { text: t.text, start };
  };
  const derivedAt = (at: string, start: number, raw: string, what: string): DerivedFigure => {
    const d = derived.find((x) => x.paragraph === at && x.start <= start && start < x.start + x.raw.length);
    if (!d) throw new InputError(notesFile, `${what}: no number is read at "${raw}" in ${at}`);
    if (d.kind !== 'figure') throw new InputError(notesFile, `${what}: "${d.raw}" in ${at} is not a figure: ${d.why}`);
    if (d.raw !== raw) throw new InputError(notesFile, `${what}: the text prints "${d.raw}" here, not "${raw}"`);
    return d;
  };

  const ids = new Set<string>();
  /** Draft figures the draft could not read fully (no unit, no region): kept out of the data, with why. */
  const undecidedDrafts: Metrics['unreadable'] = [];
  const metrics: Metric[] = notes.figures.flatMap((n): Metric[] => {
    if (ids.has(n.id)) throw new InputError(notesFile, `figure id "${n.id}" is used twice`);
    ids.add(n.id);
    const { text, start } = claim(n.paragraph, n.raw, n.nth ?? 1, n.id);
    if (n.draft && n.undecided?.length) {
      const why = `draft ${n.id}: no ${n.undecided.join(' and no ')} read yet; name it in ${notesFile} and remove the draft mark`;
      undecidedDrafts.push({ paragraph: n.paragraph, raw: n.raw, quote: clauseAround(text, start, start + n.raw.length), why });
      return [];
    }
    const d = derivedAt(n.paragraph, start, n.raw, n.id);
    if (n.unit && d.unitWord && d.unit && n.unit !== d.unit)
      throw new InputError(notesFile, `${n.id}: the text says ${d.unit} ("${n.raw}") but the note says ${n.unit}`);
    if (d.qualifier === 'about')
      throw new InputError(notesFile, `${n.id}: "${n.raw}" (约/左右) needs the qualifier "about", which metrics.json does not have yet`);
    const overridden: string[] = [];
    const pick = <T>(field: string, note: T | undefined, text: T): T => {
      if (note === undefined) return text;
      if (!same(note, text)) overridden.push(field);
      return note;
    };
    const unit = pick('unit', n.unit, d.unit ?? undefined);
    if (!unit) throw new InputError(notesFile, `${n.id}: "${n.raw}" has no unit word; name its unit`);
    const period = pick('period', n.period, d.period);
    const asOf = pick(
      'asOf',
      n.asOf !== undefined ? n.asOf : n.period !== undefined ? (n.period ? isoOf(n.period) : null) : undefined,
      d.asOf,
    );
    const region = pick('region', n.region, d.region ?? undefined);
    if (!region) throw new InputError(notesFile, `${n.id}: a caption names no region; anchor the figure in a paragraph`);
    const countedText = d.counted && d.counted.en !== null ? d.counted : d.counted ? { zh: d.counted.zh, en: null } : null;
    return [
      {
        id: n.id,
        region,
        label: { zh: pick('label.zh', n.label.zh, d.label), en: n.label.en },
        value: d.range ? null : d.value!,
        unit,
        raw: n.raw,
        qualifier: d.qualifier as Metric['qualifier'],
        range: d.range,
        fraction: d.fraction,
        period,
        periodEn: pick('periodEn', n.periodEn, periodEnglish(period)),
        asOf,
        counted: pick('counted', n.counted, countedText),
        basis: pick('basis', n.basis, d.basis),
        restates: n.restates ?? null,
        rounded: n.rounded ?? false,
        partOf: n.partOf ?? null,
        notes: n.notes ?? [],
        overridden,
        change: n.change ?? null,
        quote: d.quote,
        paragraph: n.paragraph,
        topic: pick('topic', n.topic, d.topic),
        mentions: (n.mentions ?? []).map((at) => {
          const m = claim(at, n.raw, 1, `${n.id} (mention)`);
          return { paragraph: at, quote: clauseAround(m.text, m.start, m.start + n.raw.length) };
        }),
        ...(n.draft ? { draft: true as const } : {}),
      },
    ];
  });

  partsOfWhole(metrics);
  tieReprints(edition, derived, metrics, spans);
  checkPairs(metrics, notesFile);
  checkLinks(metrics, notesFile);
  for (const nf of notes.notFigures ?? []) claim(nf.paragraph, nf.raw, 1, `notFigures "${nf.raw}"`);

  const unreadable = derived
    .filter((d) => d.kind === 'unreadable')
    .map((d) => {
      spans.push({ at: d.paragraph, start: d.start, end: d.start + d.raw.length, what: 'unreadable' });
      return { paragraph: d.paragraph, raw: d.raw, quote: d.quote, why: d.why! };
    });

  checkEveryNumberRead(derived, spans, notesFile);
  return Metrics.parse({
    source: { edition: 'data/edition.json', figures: notesFile },
    metrics,
    unreadable: [...unreadable, ...undecidedDrafts],
  });
}

/**
 * The deck and the captions print figures of the articles again (全市累计减贫21.7万户…, 4万名):
 * a reprint whose raw is one figure's of the same article (or, for a caption, of the whole
 * edition) is recorded as that figure's mention, not as a figure of its own.
 */
function tieReprints(edition: Edition, derived: DerivedFigure[], metrics: Metric[], spans: Span[]): void {
  const articleOf = new Map<string, string>();
  for (const a of edition.articles) for (const p of [...(a.deck ? [a.deck] : []), ...a.paragraphs]) articleOf.set(p.id, a.id);
  const reprintTexts = new Set([...edition.articles.flatMap((a) => (a.deck ? [a.deck.id] : [])), ...edition.captions.map((c) => c.id)]);
  for (const d of derived) {
    if (d.kind !== 'figure' || !reprintTexts.has(d.paragraph)) continue;
    if (spans.some((s) => s.at === d.paragraph && s.start <= d.start && d.start < s.end)) continue;
    const candidates = metrics.filter(
      (m) => m.raw === d.raw && (d.paragraph.startsWith('cap-') || articleOf.get(m.paragraph) === articleOf.get(d.paragraph)),
    );
    // Two figures print the same raw (1439个 poor villages, 1439个 clinics): the counted thing decides.
    const fitting = candidates.length > 1 ? candidates.filter((m) => same(m.counted, d.counted) && m.unit === d.unit) : candidates;
    if (fitting.length !== 1) continue;
    const m = fitting[0]!;
    if (!m.mentions.some((x) => x.paragraph === d.paragraph)) m.mentions.push({ paragraph: d.paragraph, quote: d.quote });
    spans.push({ at: d.paragraph, start: d.start, end: d.start + d.raw.length, what: `${m.id} (mention)` });
  }
}

/**
 * 其中 (“of which”): 累计培训…56316人，其中贫困人口23519人 — a figure whose clause opens with 其中
 * is part of the nearest figure before it in the same paragraph with the same unit.
 */
function partsOfWhole(metrics: Metric[]): void {
  for (const [i, m] of metrics.entries()) {
    if (m.partOf || !/^其中/.test(m.quote)) continue;
    const whole = metrics
      .slice(0, i)
      .reverse()
      .find((w) => w.paragraph === m.paragraph && w.unit === m.unit && !/^其中/.test(w.quote));
    if (whole) m.partOf = whole.id;
  }
}

/** restates / partOf name another figure of the same unit; a restatement is not itself restated. */
function checkLinks(metrics: Metric[], file: string): void {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  for (const m of metrics) {
    for (const [field, target] of [
      ['restates', m.restates],
      ['partOf', m.partOf],
    ] as const) {
      if (!target) continue;
      const t = byId.get(target);
      if (!t) throw new InputError(file, `${m.id}: ${field} names unknown figure "${target}"`);
      if (t.unit !== m.unit) throw new InputError(file, `${m.id}: ${field} "${target}" has another unit (${t.unit}, not ${m.unit})`);
      if (field === 'restates' && t.restates) throw new InputError(file, `${m.id}: restates "${target}", itself a restatement`);
    }
  }
}

/** A before/after pair has one `from`, one `to`, one unit. */
function checkPairs(metrics: Metric[], file: string): void {
  const pairs = new Map<string, Metric[]>();
  for (const m of metrics) if (m.change) pairs.set(m.change.pair, [...(pairs.get(m.change.pair) ?? []), m]);
  for (const [pair, ms] of pairs) {
    const roles = ms
      .map((m) => m.change!.role)
      .sort()
      .join(',');
    if (roles !== 'from,to') throw new InputError(file, `change pair "${pair}" needs one from and one to, has ${roles}`);
    if (ms[0]!.unit !== ms[1]!.unit) throw new InputError(file, `change pair "${pair}" mixes units`);
  }
}

/** Fails on any printed figure that no note, reprint or unreadable entry accounts for: nothing is left unread. */
function checkEveryNumberRead(derived: DerivedFigure[], spans: Span[], file: string): void {
  const missing = derived
    .filter((d) => d.kind === 'figure' && !spans.some((s) => s.at === d.paragraph && s.start <= d.start && d.start < s.end))
    .map((d) => `${d.paragraph}: "${d.quote}" (${d.raw})`);
  if (missing.length)
    throw new InputError(file, `${missing.length} printed number(s) are not described as figures:\n  ${missing.join('\n  ')}`);
}
