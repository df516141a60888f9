import type { Edition } from '../../schema/edition.ts';
import { Metrics, type Metric } from '../../schema/metrics.ts';
import { InputError } from '../../schema/json-file.ts';
import { clauseAround } from './clause.ts';
import type { FiguresFile } from './figures-file.ts';
import { parseFigure } from './parse-figure.ts';

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

const NUMBER = /\d+(?:[./]\d+)*|[一二三四五六七八九十]分之[一二三四五六七八九十]/g;

/** A year (2019年) or month (6月) is a date, not a figure. */
function isDate(text: string, start: number, end: number): boolean {
  const token = text.slice(start, end);
  return (/^\d{4}$/.test(token) && text[end] === '年') || (/^\d{1,2}$/.test(token) && text[end] === '月');
}

export function buildMetrics(edition: Edition, notes: FiguresFile, notesFile: string): Metrics {
  const texts = textsById(edition);
  const spans: Span[] = [];
  const claim = (at: string, raw: string, nth: number, what: string): { text: string; start: number } => {
    const t = texts.get(at);
    if (!t) throw new InputError(notesFile, `${what}: no paragraph "${at}" in the edition`);
    const start = locate(t.text, raw, nth, spans, at);
    if (start < 0) throw new InputError(notesFile, `${what}: "${raw}" (occurrence ${nth}) is not printed in ${at}`);
    spans.push({ at, start, end: start + raw.length, what });
    return { text: t.text, start };
  };

  const ids = new Set<string>();
  const metrics: Metric[] = notes.figures.map((n) => {
    if (ids.has(n.id)) throw new InputError(notesFile, `figure id "${n.id}" is used twice`);
    ids.add(n.id);
    const { text, start } = claim(n.paragraph, n.raw, n.nth ?? 1, n.id);
    let parsed;
    try {
      parsed = parseFigure(n.raw);
    } catch (e) {
      throw new InputError(notesFile, `${n.id}: ${(e as Error).message}`);
    }
    if (parsed.unit && n.unit && parsed.unit !== n.unit)
      throw new InputError(notesFile, `${n.id}: the text says ${parsed.unit} ("${n.raw}") but the note says ${n.unit}`);
    const unit = parsed.unit ?? n.unit;
    if (!unit) throw new InputError(notesFile, `${n.id}: "${n.raw}" has no unit word; name its unit`);
    const region = n.region ?? texts.get(n.paragraph)!.region;
    if (!region) throw new InputError(notesFile, `${n.id}: a caption names no region; anchor the figure in a paragraph`);
    const mentions = (n.mentions ?? []).map((at) => {
      const m = claim(at, n.raw, 1, `${n.id} (mention)`);
      return { paragraph: at, quote: clauseAround(m.text, m.start, m.start + n.raw.length) };
    });
    return {
      id: n.id,
      region,
      label: n.label,
      value: parsed.value,
      unit,
      raw: n.raw,
      qualifier: parsed.qualifier,
      range: parsed.range,
      fraction: parsed.fraction,
      period: n.period ?? null,
      change: n.change ?? null,
      quote: clauseAround(text, start, start + n.raw.length),
      paragraph: n.paragraph,
      topic: n.topic,
      mentions,
    };
  });

  checkPairs(metrics, notesFile);
  for (const nf of notes.notFigures) claim(nf.paragraph, nf.raw, 1, `notFigures "${nf.raw}"`);

  const unreadable = edition.flags
    .filter((f) => f.kind === 'missing-unit')
    .map((f) => {
      const raw = f.excerpt.match(/^\d+(?:\.\d+)?/)![0];
      const { text, start } = claim(f.at, raw, 1, `unreadable "${raw}"`);
      return { paragraph: f.at, raw, quote: clauseAround(text, start, start + raw.length), why: f.note };
    });

  checkEveryNumberRead(texts, spans, notesFile);
  return Metrics.parse({ source: { edition: 'data/edition.json', figures: notesFile }, metrics, unreadable });
}

/** A before/after pair has one `from`, one `to`, one unit. */
function checkPairs(metrics: Metric[], file: string): void {
  const pairs = new Map<string, Metric[]>();
  for (const m of metrics) if (m.change) pairs.set(m.change.pair, [...(pairs.get(m.change.pair) ?? []), m]);
  for (const [pair, ms] of pairs) {
    const roles = ms.map((m) => m.change!.role).sort().join(',');
    if (roles !== 'from,to') throw new InputError(file, `change pair "${pair}" needs one from and one to, has ${roles}`);
    if (ms[0]!.unit !== ms[1]!.unit) throw new InputError(file, `change pair "${pair}" mixes units`);
  }
}

/** Fails on any printed number that no figure, date, name or flag accounts for: nothing is left unread. */
function checkEveryNumberRead(texts: Map<string, Text>, spans: Span[], file: string): void {
  const missing: string[] = [];
  for (const [at, { text }] of texts) {
    for (const m of text.matchAll(NUMBER)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isDate(text, start, end)) continue;
      if (!spans.some((s) => s.at === at && s.start <= start && end <= s.end))
        missing.push(`${at}: "${text.slice(Math.max(0, start - 6), end + 4)}"`);
    }
  }
  if (missing.length)
    throw new InputError(file, `${missing.length} printed number(s) are not described as figures:\n  ${missing.join('\n  ')}`);
}
