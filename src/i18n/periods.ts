import type { Metric } from '../schema/metrics.ts';
import type { Lang } from '../views/format.ts';

/**
 * The periods of metrics.json (the text's own Chinese words) in English, for the English data
 * page. Every period in the data needs an entry (tests/unit/periods.test.ts); an unknown one is
 * shown in Chinese rather than guessed.
 */
export const PERIOD_EN: Readonly<Record<string, string>> = {
  '截至2019年底': 'as of the end of 2019',
  '2015年底至2019年底': 'end of 2015 to end of 2019',
  '过去的五年里': 'over the past five years',
  '2014年底': 'end of 2014',
  '到2019年底': 'by the end of 2019',
  '至2020年6月': 'by June 2020',
  '连续三年': 'three years running',
  '目前': 'at present',
  '到2020年': 'by 2020',
  '五年来': 'over the past five years',
  '脱贫攻坚战打响以来': 'since the battle against poverty began',
  '2016年以来': 'since 2016',
  '2016年': '2016',
  '“十三五”期间': 'during the 13th Five-Year Plan (2016–2020)',
  '预计从2020年起每年': 'each year from 2020 (expected)',
  '三年来': 'over the past three years',
  '每年': 'each year',
  '截至目前': 'to date',
};

/** A figure's period for a reader of `lang`, and the language it is actually written in. */
export function periodText(m: Pick<Metric, 'period'>, lang: Lang): { text: string; lang: Lang } | null {
  if (!m.period) return null;
  if (lang === 'zh') return { text: m.period, lang: 'zh' };
  const en = PERIOD_EN[m.period];
  return en ? { text: en, lang: 'en' } : { text: m.period, lang: 'zh' };
}
