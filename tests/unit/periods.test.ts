/** Every period printed in metrics.json has its English for /en/data/ (periodEn, src/i18n/periods.ts). */
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import { periodText } from '../../src/i18n/periods.ts';

describe('English periods', () => {
  it('every figure with a period has its English', () => {
    const missing = loadSiteData()
      .metrics.filter((m) => m.period && !m.periodEn)
      .map((m) => `${m.id}: ${m.period}`);
    expect(missing).toEqual([]);
  });
  it('shows the English where there is one, the Chinese otherwise, nothing without a period', () => {
    expect(periodText({ period: '2014年底', periodEn: 'the end of 2014' }, 'en')).toEqual({ text: 'the end of 2014', lang: 'en' });
    expect(periodText({ period: '某年', periodEn: null }, 'en')).toEqual({ text: '某年', lang: 'zh' });
    expect(periodText({ period: '2014年底', periodEn: 'the end of 2014' }, 'zh')).toEqual({ text: '2014年底', lang: 'zh' });
    expect(periodText({ period: null, periodEn: null }, 'en')).toBeNull();
  });
});
