/** Every period printed in metrics.json has its English phrase for /en/data/ (src/i18n/periods.ts). */
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import { PERIOD_EN, periodText } from '../../src/i18n/periods.ts';

describe('English periods', () => {
  const periods = [...new Set(loadSiteData().metrics.map((m) => m.period).filter((p): p is string => p !== null))];

  it('has an English phrase for every period of the data', () => {
    expect(periods.filter((p) => !PERIOD_EN[p])).toEqual([]);
  });

  it('shows the Chinese, marked as Chinese, rather than guess an unknown period', () => {
    expect(periodText({ period: '2014年底' }, 'en')).toEqual({ text: 'end of 2014', lang: 'en' });
    expect(periodText({ period: '某年' }, 'en')).toEqual({ text: '某年', lang: 'zh' });
    expect(periodText({ period: '2014年底' }, 'zh')).toEqual({ text: '2014年底', lang: 'zh' });
    expect(periodText({ period: null }, 'en')).toBeNull();
  });
});
