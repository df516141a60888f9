import type { Metric } from '../schema/metrics.ts';

export type Lang = 'zh' | 'en';
export type Text = { zh: string; en: string };

const zhCompact = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 4, useGrouping: false });
const zhPlain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4, useGrouping: false });
const enPlain = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });
const enMillions = new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 4 });

/** The unit word the edition printed after the number (人, 万户 → 户, 个百分点, MW…). */
function printedUnitWord(raw: string): string {
  return raw
    .replace(/^近/, '')
    .replace(/以上$/, '')
    .replace(/^[\d.]+/, '')
    .replace(/^[万亿]?[余多]?[万亿]?/, '');
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

/**
 * A figure as readers of each language expect it: 20.53万人 / 1.6亿元 in Chinese (万/亿 where
 * the edition used them), 205,300 people / CNY 160 million in English. Numbers go through Intl.
 */
export function formatMetric(m: Pick<Metric, 'value' | 'unit' | 'raw' | 'qualifier' | 'range' | 'fraction'>, lang: Lang): string {
  if (m.fraction) return `${m.fraction.numerator}/${m.fraction.denominator}`;
  if (m.range) {
    const f = lang === 'zh' ? zhPlain : enPlain;
    return lang === 'zh' ? `${f.format(m.range.low)}%—${f.format(m.range.high)}%` : `${f.format(m.range.low)}–${f.format(m.range.high)}%`;
  }
  if (lang === 'zh') {
    const number = /[万亿]/.test(m.raw) ? zhCompact.format(m.value) : zhPlain.format(m.value);
    const q = m.qualifier;
    const more = q === 'more-than' ? (m.raw.includes('多') ? '多' : '余') : '';
    return `${q === 'nearly' ? '近' : ''}${number}${more}${printedUnitWord(m.raw)}${q === 'at-least' ? '以上' : ''}`;
  }
  const prefix = m.qualifier ? EN_QUALIFIER[m.qualifier] : '';
  if (m.unit === 'yuan') return `${prefix}CNY ${m.value >= 1e6 ? enMillions.format(m.value) : enPlain.format(m.value)}`;
  return `${prefix}${enPlain.format(m.value)}${EN_UNIT[m.unit]}`;
}

/** A bare number for axes and legends. */
export function formatNumber(value: number, lang: Lang): string {
  return lang === 'zh' ? (value >= 1e5 ? zhCompact.format(value) : zhPlain.format(value)) : enPlain.format(value);
}
