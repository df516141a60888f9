import type { Metric } from '../schema/metrics.ts';
import type { Lang } from './lang.ts';

/**
 * A figure's period for a reader of `lang`, and the language it is actually written in. The
 * English comes from the data (`periodEn`, derived by rule in src/pipeline/extract/period-en.ts);
 * a period no rule translates is shown in Chinese rather than guessed.
 */
export function periodText(m: Pick<Metric, 'period' | 'periodEn'>, lang: Lang): { text: string; lang: Lang } | null {
  if (!m.period) return null;
  if (lang === 'zh' || !m.periodEn) return { text: m.period, lang: 'zh' };
  return { text: m.periodEn, lang: 'en' };
}
