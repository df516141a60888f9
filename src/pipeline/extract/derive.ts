/**
 * Reading figures from the text itself: what every printed number means, as far as its clause,
 * sentence and paragraph say it. Pure functions, no I/O.
 *
 *   deriveFigures(edition) → DerivedFigure[]
 *     every Arabic number (and 三分之一-style fraction) of every deck, paragraph and caption, in
 *     text order, each with `kind`: 'figure' (a quantity), 'date' (2019年, 6月), 'name'
 *     (“22324”模式, “1+2+N”) or 'unreadable' (11.5 with no unit word: kept out of the data).
 *   readFigure(text, start, end, articleRegion) → DerivedFigure
 *     the same for one number at text[start, end) (end may stop short: the figure's printed
 *     extent is read from `start`).
 *
 * For a figure: value (base units, exact), unit, counted thing (zh/en: 座 stations, 期 training
 * courses), qualifier (余/多/近/以上/约), range {low, high}, fraction, basis (per person /
 * household / village, per month / year; money only), period (nearest date phrase that scopes
 * over the number) and ISO `asOf`, region (GB/T 2260), topic (keyword table), a zh label drafted
 * from the clause, and the clause itself. Word tables live in lexicon.ts, documented in
 * docs/data.md. Editors' notes (seeds/*.figures.json) override any of this; see extract.ts.
 */
import type { Edition } from '../../schema/edition.ts';
import { clauseAround } from './clause.ts';
import { nounBeside } from './noun.ts';
import { draftLabel } from './label.ts';
import { regionOf, type RegionSource } from './region.ts';
import { CHANGE, clauseSpan, periodOf, sentenceAround } from './period.ts';
import { nameAt, nameSpans, tokenAt } from './tokens.ts';
import { EVERY_WORDS, MEASURE_COUNTS, MEASURE_SENSES, NOUNS, PER_WORDS, PERSON_HEADS, PERSON_NOUNS, TOPICS } from './lexicon.ts';
import { parseFigure, scaleDecimal, type ParsedFigure } from './parse-figure.ts';

export type FigureKind = 'figure' | 'date' | 'name' | 'unreadable';
export type DerivedQualifier = 'more-than' | 'at-least' | 'nearly' | 'about';
export interface Basis {
  /** What one value is for: null = the whole (a total). */
  per: 'person' | 'household' | 'village' | null;
  /** The time one value covers, where the clause says (每年, 月工资); null = not stated. */
  every: 'month' | 'year' | null;
}

export interface DerivedFigure {
  /** Paragraph, deck or caption id in edition.json. */
  paragraph: string;
  /** Exactly as printed. */
  raw: string;
  /** Which occurrence of `raw` as a whole number in the paragraph (1-based). */
  nth: number;
  start: number;
  kind: FigureKind;
  /** Why a number is not a figure (name, date, no unit). */
  why: string | null;
  value: number | null;
  unit: ParsedFigure['unit'];
  /** The unit or measure word as printed after the number (户, 个, 座…), or the noun that supplied it. */
  unitWord: string | null;
  counted: { zh: string; en: string | null } | null;
  qualifier: DerivedQualifier | null;
  range: { low: number; high: number } | null;
  fraction: { numerator: number; denominator: number } | null;
  /** Money figures only (unit yuan); null for other units. */
  basis: Basis | null;
  period: string | null;
  asOf: string | null;
  /** 'from' / 'to' when the clause reads 由X降至Y / 由X提高到Y. */
  changeRole: 'from' | 'to' | null;
  region: string | null;
  /** Where the region was read: the clause names it, the sentence's subject does, or the article's place stands in. */
  regionFrom: RegionSource | null;
  topic: string;
  label: string;
  quote: string;
}

/** Power units, as divisors to MW. */
const POWER_WORDS: Record<string, number> = { 千瓦: 1000, kW: 1000, 万千瓦: 0.1 };
/** Measure words that count things (unit `count`). */
const COUNTING_WORDS = /^(个|座|期|道|省|支|件|只|棒|头|根|家|所|条|套|间|处|项|次|辆|台|株|批|场|届|区|村|县|眼|种|类)$/;

function countedOf(word: string | null, noun: { zh: string } | null, clause: string): DerivedFigure['counted'] {
  const known = (zh: string) => ({ zh, en: NOUNS[zh]! });
  if (word === '人' || word === '名') return noun && PERSON_NOUNS.has(noun.zh) ? known(noun.zh) : MEASURE_COUNTS[word]!;
  if (word === '户') return noun && /户$/.test(noun.zh) ? known(noun.zh) : MEASURE_COUNTS[word]!;
  const senses = word ? MEASURE_SENSES[word] : undefined;
  if (word && senses) {
    // 道 counts dams or dishes, 期 courses or phases: a known noun beside the number, else the clause's words
    // say which; else no English is certain.
    if (noun) return known(noun.zh);
    const sense = senses.find((x) => x.words.some((w) => clause.includes(w)));
    if (sense) return { zh: word, en: sense.en };
    return MEASURE_COUNTS[word] ?? { zh: word, en: null };
  }
  if (word && MEASURE_COUNTS[word] && word !== '村' && word !== '县') return MEASURE_COUNTS[word]!;
  if (noun) return known(noun.zh);
  if (word && MEASURE_COUNTS[word]) return MEASURE_COUNTS[word]!;
  return word ? { zh: word, en: null } : null;
}

/** A noun phrase of at most four characters of modifiers ending in a head noun of people (农村困难群众). */
const PERSON_PHRASE = new RegExp(`^\\p{Script=Han}{0,4}?(?:${PERSON_HEADS.join('|')})`, 'u');
const PERSON_BEFORE = new RegExp(`(?:${PERSON_HEADS.join('|')})(?:共|有|了|为|达|达到|累计|超过|突破)*$`);

/**
 * Unit of a number printed with 万/亿 but no unit word: the noun it counts decides, a known noun
 * after it (13万贫困人口), else a noun phrase after it headed by people (46.8万农村人口), else a
 * group of people the clause names right before a number that closes it (接待游客120万).
 */
function unitFromNoun(noun: string | null, after: string, clauseBefore: string): ParsedFigure['unit'] {
  if (noun && /户$/.test(noun) && !PERSON_NOUNS.has(noun)) return 'households';
  if (noun && PERSON_NOUNS.has(noun)) return 'people';
  if (PERSON_PHRASE.test(after.split(/[，。；：！？、]/)[0]!)) return 'people';
  if (/^(?:[，。；：！？]|$)/.test(after) && PERSON_BEFORE.test(clauseBefore)) return 'people';
  return null;
}

function basisOf(clauseBefore: string): Basis {
  const per = PER_WORDS.find((p) => p.words.some((w) => clauseBefore.includes(w)))?.per ?? null;
  const every = EVERY_WORDS.find((p) => p.words.some((w) => clauseBefore.includes(w)))?.every ?? null;
  return { per, every };
}

/** Topic: a programme keyword of the clause, else of its ；-segment, sentence, paragraph's first sentence; else a general aim (增收, 脱贫). */
function topicOf(clause: string, segment: string, sentence: string, paragraphLead: string): string {
  const strong = (s: string) => TOPICS.find((t) => t.strong.some((w) => s.includes(w)))?.topic;
  const weak = (s: string) => TOPICS.find((t) => (t.weak ?? []).some((w) => s.includes(w)))?.topic;
  return strong(clause) ?? strong(segment) ?? strong(sentence) ?? strong(paragraphLead) ?? weak(clause) ?? weak(sentence) ?? 'other';
}

/** The clause before the one starting at `clauseStart` (其中… takes its subject's topic). */
function previousClause(text: string, clauseStart: number): string {
  return clauseStart > 1 ? clauseAround(text, clauseStart - 2, clauseStart - 1) : '';
}

/** The part of the sentence between ；marks around `at`. */
function segmentAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && !/[。！？；;!?]/.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !/[。！？；;!?]/.test(text[end]!)) end++;
  return text.slice(start, end);
}

/**
 * Reads the number printed at text[start]: its kind and, for a figure, its meaning. `articleRegion`
 * is the region of the article the text belongs to (null for a caption).
 */
export function readFigure(text: string, start: number, _end: number | null, articleRegion: string | null, paragraph = ''): DerivedFigure {
  const raw = tokenAt(text, start);
  const s = /^[近约]/.test(raw) && !/\d/.test(text[start]!) ? start : text.indexOf(raw, Math.max(0, start - 2));
  const end = s + raw.length;
  const quote = clauseAround(text, s, end);
  const sentence = sentenceAround(text, s);
  const placeOf = () => {
    const r = regionOf(text, s, clauseSpan(text, s, end), sentence, articleRegion);
    return { region: r.code, regionFrom: r.from };
  };
  const base: DerivedFigure = {
    paragraph,
    raw,
    nth: 1,
    start: s,
    kind: 'figure',
    why: null,
    value: null,
    unit: null,
    unitWord: null,
    counted: null,
    qualifier: null,
    range: null,
    fraction: null,
    basis: null,
    period: null,
    asOf: null,
    changeRole: null,
    region: null,
    regionFrom: null,
    topic: 'other',
    label: raw,
    quote,
  };
  if (nameSpans(text).some((n) => n.start <= s && s < n.end))
    return { ...base, raw: nameAt(text, s), kind: 'name', why: 'a name made of numbers (a programme or model), not a quantity' };
  if (/^\d{4}$/.test(raw.match(/^\d+/)?.[0] ?? '') && text[s + 4] === '年')
    return { ...base, raw: `${raw.slice(0, 4)}年`, kind: 'date', why: 'a year' };
  // A span of them reads the same: 2016至2020年, 1至3月, 3至5年.
  if (/^\d{4}[至—–~～-]\d{4}$/.test(raw) && text[end] === '年') return { ...base, raw: `${raw}年`, kind: 'date', why: 'years' };
  if (/^\d{1,2}(?:[至—–~～-]\d{1,2})?$/.test(raw) && /[月日]/.test(text[end] ?? ''))
    return { ...base, kind: 'date', why: 'a month or day' };
  if (/^\d{1,3}(?:[至—–~～-]\d{1,3})?$/.test(raw) && text[end] === '年') return { ...base, kind: 'date', why: 'a number of years' };

  const noun = nounBeside(text, s, end);
  let parsed: ParsedFigure;
  let qualifier: DerivedQualifier | null = null;
  let printed = raw;
  if (/^约/.test(printed) || /左右$/.test(printed)) {
    qualifier = 'about';
    printed = printed.replace(/^约/, '').replace(/左右$/, '');
  }
  let range: DerivedFigure['range'] = null;
  const plainRange = printed.match(/^(近)?(\d+(?:\.\d+)?)[—–~～至-](\d+(?:\.\d+)?)(.*)$/);
  try {
    if (plainRange && !printed.includes('%')) {
      const hi = parseFigure(`${plainRange[3]}${plainRange[4]}`);
      const mult = Math.round(Math.log10(hi.value / Number(plainRange[3])));
      range = { low: scaleDecimal(plainRange[2]!, mult), high: hi.value };
      parsed = { ...hi, value: range.low, range };
    } else parsed = parseFigure(printed);
  } catch {
    return { ...base, kind: 'unreadable', why: `cannot read "${raw}"` };
  }
  qualifier = qualifier ?? parsed.qualifier;
  range = range ?? parsed.range;
  const unitWord =
    printed
      .replace(/^近/, '')
      .replace(/以上$/, '')
      .replace(/^[\d.—–~～至%-]+/, '')
      .replace(/^[万亿]?[余多]?[万亿]?/, '') || null;
  let unit = parsed.unit;
  if (!unit && !unitWord) {
    if (!/[万亿]/.test(printed))
      return { ...base, kind: 'unreadable', why: `"${raw}" is printed with no unit; kept as printed, not repaired` };
    unit = unitFromNoun(noun?.after ? noun.zh : null, text.slice(end), text.slice(clauseSpan(text, s, end).start, s));
    if (!unit) return { ...base, kind: 'unreadable', why: `"${raw}" has no unit word and no noun after it that names one` };
  }
  let value = parsed.value;
  if (!unit && unitWord && POWER_WORDS[unitWord]) {
    // 千瓦/kW → MW (÷1000), 万千瓦 → MW (×10): power is kept in one unit.
    unit = 'MW';
    value = Number((value / POWER_WORDS[unitWord]!).toPrecision(12));
    if (range)
      range = {
        low: Number((range.low / POWER_WORDS[unitWord]!).toPrecision(12)),
        high: Number((range.high / POWER_WORDS[unitWord]!).toPrecision(12)),
      };
  } else if (!unit && unitWord && !COUNTING_WORDS.test(unitWord)) {
    // 公里, 吨, 平方米…: a measure the codebook has no unit for; kept as a figure with its word, unit to be named.
    return {
      ...base,
      kind: 'figure',
      value,
      unit: null,
      unitWord,
      qualifier,
      range,
      fraction: parsed.fraction,
      ...placeOf(),
      why: `the unit word "${unitWord}" is not in the codebook`,
    };
  }
  if (!unit) unit = 'count';
  const counted =
    unit === 'percent' || unit === 'pp' || unit === 'yuan' || unit === 'mu' || unit === 'MW'
      ? null
      : countedOf(unitWord ?? (unit === 'people' ? '人' : unit === 'households' ? '户' : null), noun, quote);

  const clause = clauseSpan(text, s, end);
  const changeMatch = text.slice(clause.start, clause.end).match(CHANGE);
  let changeRole: DerivedFigure['changeRole'] = null;
  if (changeMatch) {
    const fromEnd = clause.start + changeMatch.index! + changeMatch[0].length;
    changeRole = s < fromEnd ? 'from' : 'to';
  }
  const { period, asOf } = periodOf(text, s, end, changeRole);
  const clauseBefore = text.slice(clause.start, s);
  const paragraphLead = text.slice(0, sentenceAround(text, 0).end);
  const segment = segmentAround(text, s);
  return {
    ...base,
    value,
    unit,
    unitWord: unitWord ?? (noun?.after ? noun.zh : null),
    counted,
    qualifier,
    range,
    fraction: parsed.fraction,
    basis: unit === 'yuan' ? basisOf(clauseBefore) : null,
    period,
    asOf,
    changeRole,
    ...placeOf(),
    topic: topicOf(
      /^其中/.test(quote) ? `${previousClause(text, clause.start)}，${quote}` : quote,
      segment,
      text.slice(sentence.start, sentence.end),
      paragraphLead,
    ),
    label: draftLabel({ clause: quote, raw, period, noun, unit, changeRole, sentenceBefore: text.slice(sentence.start, clause.start) }),
  };
}

/** Every number of one text, in order, read; `nth` counts repeats of the same raw. */
export function deriveText(paragraph: string, text: string, articleRegion: string | null): DerivedFigure[] {
  const out: DerivedFigure[] = [];
  const seen = new Map<string, number>();
  let i = 0;
  const names = nameSpans(text);
  while (i < text.length) {
    const name = names.find((n) => n.start === i || (n.start < i && i < n.end));
    if (name) {
      const raw = text.slice(name.start, name.end);
      out.push({ ...readFigure(text, name.start, null, articleRegion, paragraph), raw, nth: bump(seen, raw) });
      i = name.end;
      continue;
    }
    const c = text[i]!;
    const cnFraction = /[一二三四五六七八九十]/.test(c) && /^[一二三四五六七八九十]分之[一二三四五六七八九十]/.test(text.slice(i));
    if (!/\d/.test(c) && !cnFraction) {
      i++;
      continue;
    }
    const f = readFigure(text, i, null, articleRegion, paragraph);
    out.push({ ...f, nth: bump(seen, f.raw) });
    i = Math.max(i + 1, f.start + f.raw.length);
  }
  return out;
}

function bump(seen: Map<string, number>, raw: string): number {
  const n = (seen.get(raw) ?? 0) + 1;
  seen.set(raw, n);
  return n;
}

/** Every number of the edition (decks, paragraphs, captions), read. Captions take the county they name. */
export function deriveFigures(edition: Edition): DerivedFigure[] {
  const out: DerivedFigure[] = [];
  for (const a of edition.articles) {
    if (a.deck) out.push(...deriveText(a.deck.id, a.deck.text, a.region));
    for (const p of a.paragraphs) out.push(...deriveText(p.id, p.text, a.region));
  }
  for (const c of edition.captions) out.push(...deriveText(c.id, c.text, c.regions[0] ?? null));
  return out;
}
