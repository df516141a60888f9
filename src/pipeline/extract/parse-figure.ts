import type { Unit } from '../../schema/metrics.ts';

export type Qualifier = 'more-than' | 'at-least' | 'nearly';

export interface ParsedFigure {
  value: number;
  unit: Unit | null;
  qualifier: Qualifier | null;
  range: { low: number; high: number } | null;
  fraction: { numerator: number; denominator: number } | null;
}

const MULTIPLIER: Record<string, number> = { 万: 4, 亿: 8 };
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Shifts a decimal string by 10^exp without binary rounding (7.97 × 10⁴ is 79700, not 79700.00000000001). */
export function scaleDecimal(digits: string, exp: number): number {
  const [int = '0', frac = ''] = digits.split('.');
  const all = int + frac.padEnd(exp, '0');
  const point = int.length + exp;
  const text = `${all.slice(0, point)}.${all.slice(point)}`;
  return Number(text);
}

/** The unit a figure's unit word stands for; null where the word names none. */
export function unitOf(word: string): Unit | null {
  if (word.startsWith('个百分点')) return 'pp';
  if (word.startsWith('%')) return 'percent';
  if (word.startsWith('人次')) return 'count';
  if (/^(户|万户)/.test(word)) return 'households';
  if (/^(人|名)/.test(word)) return 'people';
  if (word.startsWith('亩')) return 'mu';
  if (word.startsWith('元')) return 'yuan';
  if (word.startsWith('MW')) return 'MW';
  if (/^[个座期道省支件只棒]/.test(word)) return 'count';
  return null;
}

function chineseNumber(s: string): number {
  if (s === '十') return 10;
  const n = CN_DIGIT[s];
  if (n === undefined) throw new Error(`not a Chinese numeral: ${s}`);
  return n;
}

/**
 * Reads one printed figure: 近/余/多/以上, 万/亿, %, ranges (10%—20%), fractions (1/7, 三分之一).
 * Throws on anything it does not understand rather than guessing.
 */
export function parseFigure(raw: string): ParsedFigure {
  const cnFraction = raw.match(/^([一二三四五六七八九十])分之([一二三四五六七八九十])$/);
  if (cnFraction) {
    const denominator = chineseNumber(cnFraction[1]!);
    const numerator = chineseNumber(cnFraction[2]!);
    return { value: (100 * numerator) / denominator, unit: 'percent', qualifier: null, range: null, fraction: { numerator, denominator } };
  }
  const fraction = raw.match(/^(\d+)\/(\d+)$/);
  if (fraction) {
    const numerator = Number(fraction[1]);
    const denominator = Number(fraction[2]);
    return { value: (100 * numerator) / denominator, unit: 'percent', qualifier: null, range: null, fraction: { numerator, denominator } };
  }
  const range = raw.match(/^(\d+(?:\.\d+)?)%[—–~～至到-]+(\d+(?:\.\d+)?)%$/);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    return { value: low, unit: 'percent', qualifier: null, range: { low, high }, fraction: null };
  }
  const m = raw.match(/^(近)?(\d+(?:\.\d+)?)(万|亿)?(余|多)?(万|亿)?(.*?)(以上)?$/);
  if (!m) throw new Error(`cannot read the figure "${raw}"`);
  const [, nearly, digits, mult1, more, mult2, word = '', atLeast] = m;
  if (mult1 && mult2) throw new Error(`two multipliers in "${raw}"`);
  const mult = mult1 ?? mult2;
  const qualifier: Qualifier | null = nearly ? 'nearly' : more ? 'more-than' : atLeast ? 'at-least' : null;
  return {
    value: scaleDecimal(digits!, mult ? MULTIPLIER[mult]! : 0),
    unit: unitOf(word),
    qualifier,
    range: null,
    fraction: null,
  };
}
