import type { Metric } from '../schema/metrics.ts';

export type Lang = 'zh' | 'en';
export type Text = { zh: string; en: string };

const zhCompact = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 4, useGrouping: false });
const zhPlain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4, useGrouping: false });
const enPlain = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });
const enLarge = new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 4 });

type Figure = Pick<Metric, 'value' | 'unit' | 'raw' | 'qualifier' | 'range' | 'fraction'>;

/** English numbers: 70 million, 1.63 million, 56,316 (millions and up in words, as newspapers write them). */
export function englishNumber(value: number): string {
  return Math.abs(value) >= 1e6 ? enLarge.format(value) : enPlain.format(value);
}

const EN_UNIT: Record<Metric['unit'], string> = {
  people: ' people',
  households: ' households',
  mu: ' mu',
  yuan: '',
  MW: ' MW',
  percent: '%',
  pp: ' percentage points',
  count: '',
};
const EN_QUALIFIER = { 'more-than': 'more than ', 'at-least': 'at least ', nearly: 'nearly ' } as const;
const EN_PART = ['', '', 'half', 'a third', 'a quarter', 'one-fifth', 'one-sixth', 'one-seventh', 'one-eighth', 'one-ninth', 'one-tenth'];

/** A fraction in words (1/3 → a third, 1/7 → one-seventh); other numerators as n/d. */
function englishFraction(f: NonNullable<Metric['fraction']>): string {
  return f.numerator === 1 && EN_PART[f.denominator] ? EN_PART[f.denominator]! : `${f.numerator}/${f.denominator}`;
}

/** The one value a map or chart may draw; a range has none (drawing its low end would claim it). */
export function pointValue(m: Pick<Metric, 'value' | 'range'> & { id?: string }): number {
  if (m.value === null)
    throw new Error(`${m.id ?? 'a figure'} is a range (${m.range?.low}–${m.range?.high}) and cannot be drawn as one value`);
  return m.value;
}

/**
 * A figure inside running text: in Chinese exactly as printed (`raw`: 4000余万元, 近60万), never
 * re-formatted from `value`; in English from `value` (205,300 people, CNY 160 million, 70 million,
 * a third), with the unit noun the English templates expect (people, households, mu) and no
 * counted noun for counts (the template names it: "{{city-edible-fungi}} logs of edible fungi").
 */
export function formatMetric(m: Figure, lang: Lang): string {
  if (lang === 'zh') return m.raw;
  if (m.fraction) return englishFraction(m.fraction);
  const prefix = m.qualifier ? EN_QUALIFIER[m.qualifier] : '';
  if (m.range)
    return `${prefix}${enPlain.format(m.range.low)}–${enPlain.format(m.range.high)}${m.unit === 'percent' ? '%' : EN_UNIT[m.unit]}`;
  const value = pointValue(m);
  if (m.unit === 'yuan') return `${prefix}CNY ${englishNumber(value)}`;
  return `${prefix}${englishNumber(value)}${EN_UNIT[m.unit]}`;
}

const ZH_PER = { person: '人均', household: '户均', village: '每村' } as const;
const ZH_EVERY = { month: '每月', year: '每年' } as const;

/** The basis of a money figure, as a gloss: （人均，每年） / per person a year. Empty for totals and other units. */
export function formatBasis(m: Pick<Metric, 'basis'>, lang: Lang): string {
  const b = m.basis;
  if (!b || (!b.per && !b.every)) return '';
  if (lang === 'zh') return `（${[b.per && ZH_PER[b.per], b.every && ZH_EVERY[b.every]].filter(Boolean).join('，')}）`;
  return ` ${[b.per && `per ${b.per}`, b.every && `a ${b.every}`].filter(Boolean).join(' ')}`;
}

/**
 * A figure standing alone (tooltip, legend, data table): Chinese is `raw` plus the basis gloss;
 * English names what is counted (1,769 first Party secretaries, 70 million mushroom logs) and the basis.
 */
export function formatFigure(m: Figure & Pick<Metric, 'basis' | 'counted'>, lang: Lang): string {
  if (lang === 'zh') return `${m.raw}${formatBasis(m, lang)}`;
  const noun = m.counted?.en && !m.fraction && (m.unit === 'count' || m.unit === 'people' || m.unit === 'households') ? m.counted.en : null;
  const base = noun ? formatMetric({ ...m, unit: 'count' }, 'en') : formatMetric(m, 'en');
  return `${base}${noun ? ` ${noun}` : ''}${formatBasis(m, lang)}`;
}

/** A bare number for axes, legends and computed totals (nothing printed to stay faithful to). */
export function formatNumber(value: number, lang: Lang): string {
  return lang === 'zh' ? (value >= 1e5 ? zhCompact.format(value) : zhPlain.format(value)) : englishNumber(value);
}

/** A normalised value in a data column: every digit in English (1,026,400), 万/亿 in Chinese as before. */
export function formatExact(value: number, lang: Lang): string {
  return lang === 'zh' ? formatNumber(value, lang) : enPlain.format(value);
}
