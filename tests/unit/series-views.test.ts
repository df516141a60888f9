/**
 * The maps across a series (issue 12): a county's figure from a later page fills its place on every
 * map of the same kind (src/views/kinds.ts), with its page as provenance; a figure of another period
 * or basis does not; a later page's overview shows its own page's figures.
 * Page ② is the synthetic 交城/文水/方山 page, damaged, drafted and built with no hand edit.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchProject } from '../fixtures/scratch-project.ts';
import { describe, expect, it } from 'vitest';
import { draftPage } from '../../src/pipeline/draft/draft-page.ts';
import { generateData } from '../../src/pipeline/generate.ts';
import { loadSiteData, storyViewSpecs } from '../../src/data/load.ts';
import type { Metric } from '../../src/schema/metrics.ts';
import { compileView, type CompileInput } from '../../src/views/compile.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';
import { pageOverviewId, viewById, viewOfPage } from '../../src/views/views.ts';
import { qrPath, storyPath } from '../../src/site/urls.ts';
import { damagePage } from '../fixtures/damage.ts';
import { syntheticPages } from '../fixtures/pages/index.ts';

const LIN = '141124';
const FANGSHAN = '141128';
const JIAOCHENG = '141122';
const PAGE = 'test-jiaocheng';

function scratch(): string {
  const dir = scratchProject('lvliang-series-views');
  writeFileSync(join(dir, `seeds/${PAGE}.txt`), damagePage(syntheticPages[0]!));
  draftPage(dir, `seeds/${PAGE}.txt`);
  generateData(dir);
  return dir;
}

const data = loadSiteData(scratch());
const input = data.compileInput;
/** Page ②'s 方山县 forest cover: 由2015年的31.2%提高到目前的38.5%. */
const fangshanNow = [...input.metrics.values()].find((m) => m.page === PAGE && m.region === FANGSHAN && m.raw === '38.5%')!;
const fangshan2015 = [...input.metrics.values()].find((m) => m.page === PAGE && m.region === FANGSHAN && m.raw === '31.2%')!;
const withMetrics = (...extra: Metric[]): CompileInput => ({
  ...input,
  metrics: new Map([...input.metrics, ...extra.map((m) => [m.id, m] as const)]),
});
const valued = (v: ReturnType<typeof compileView>) =>
  Object.entries(v.fills)
    .filter(([, f]) => f.status === 'value')
    .map(([c]) => c)
    .sort();

describe('a later page’s county figure fills every map of the same kind', () => {
  it('reads page ②’s figures as the text prints them (the premise of the cases below)', () => {
    expect(fangshanNow).toMatchObject({
      unit: 'percent',
      topic: 'ecology',
      period: '目前',
      periodEn: 'to date',
      qualifier: null,
      restates: null,
    });
    expect(fangshan2015).toMatchObject({ unit: 'percent', asOf: '2015' });
  });

  it('方山县 (page ②, 目前) fills the “now” forest map beside 临县, with its page in tooltip, table, source and description', () => {
    for (const lang of ['zh', 'en'] as const) {
      const v = compileView(viewById('forest'), input, lang, 'after');
      expect(valued(v)).toEqual([LIN, FANGSHAN].sort());
      const line = v.tooltips[FANGSHAN]!.lines.find((l) => l.metric === fangshanNow.id)!;
      expect(line.value).toBe('38.5%');
      expect(line.label).toContain(lang === 'zh' ? '专刊②' : 'page ②');
      expect(v.table.find((r) => r.metric === fangshanNow.id)).toMatchObject({ label: line.label, quote: fangshanNow.quote });
      expect(v.source).toContain(lang === 'zh' ? '专刊②' : 'page ②');
      expect(v.title).toBe(lang === 'zh' ? '森林覆盖率' : 'Forest cover');
      expect(v.focus).toContain(FANGSHAN);
    }
    const zh = compileView(viewById('forest'), input, 'zh', 'after');
    expect(zh.description).toBe('临县森林覆盖率由2016年的18.1%提高到24.5%；专刊②：方山县38.5%；其他县未报道。');
    // Page ①'s own figure keeps no page mark.
    expect(zh.tooltips[LIN]!.lines[0]!.label).toBe('森林覆盖率');
  });

  it('方山县’s 2015 figure does not fill the 2016 map: another period is another measure', () => {
    const v = compileView(viewById('forest'), input, 'zh', 'before');
    expect(valued(v)).toEqual([LIN]);
    expect(v.fills[FANGSHAN]!.status).toBe('not-reported');
    expect(v.table.map((r) => r.metric)).not.toContain(fangshan2015.id);
    expect(v.description).toBe('临县森林覆盖率由2016年的18.1%提高到24.5%；其他县本版未报道。');
    expect(v.title).toBe('临县森林覆盖率');
  });

  it('a figure that differs in basis, period, unit, counted thing or measure, or claims more than one value, fills nothing', () => {
    const variants: Array<[string, Partial<Metric>]> = [
      ['basis', { basis: { per: 'person', every: null } }],
      ['period', { asOf: '2019', period: '2019年', periodEn: '2019' }],
      ['undated', { period: null, periodEn: null, asOf: null }],
      ['unit', { unit: 'pp' }],
      ['counted', { counted: { zh: '林地', en: 'woodland' } }],
      ['measure', { label: { zh: '方山县林木绿化率', en: 'x' }, quote: '林木绿化率提高到目前的38.5%' }],
      ['qualifier', { qualifier: 'more-than', raw: '38.5%以上' }],
      ['range', { value: null, range: { low: 30, high: 40 }, raw: '30%—40%' }],
      ['restatement', { restates: 'lin-forest-cover-now' }],
    ];
    for (const [why, change] of variants) {
      const m = { ...fangshanNow, ...change };
      const v = compileView(viewById('forest'), withMetrics(m), 'zh', 'after');
      expect(valued(v), why).toEqual([LIN]);
      expect(v.fills[FANGSHAN]!.status, why).toBe('not-reported');
    }
  });

  it('every county the series is silent on stays “not reported”, and the other maps are page ①’s as before', () => {
    const alone: CompileInput = { ...input, metrics: new Map([...input.metrics].filter(([, m]) => m.page === undefined)) };
    for (const { view, state, key } of allViewKeys()) {
      if (key === 'forest-after') continue;
      const series = compileView(view, input, 'en', state);
      const first = compileView(view, alone, 'en', state);
      expect(series, key).toEqual(first);
    }
    const v = compileView(viewById('forest'), input, 'zh', 'after');
    for (const [code, f] of Object.entries(v.fills)) if (code !== LIN && code !== FANGSHAN) expect(f.status, code).toBe('not-reported');
  });

  it('two figures of one kind for one county are refused unless one restates the other', () => {
    const again = { ...fangshanNow, id: 'fangshan-again', page: PAGE, raw: '38.6%', value: 38.6 };
    expect(() => compileView(viewById('forest'), withMetrics(again), 'zh', 'after')).toThrow(
      new RegExp(`${fangshanNow.id} and fangshan-again are both “森林覆盖率” \\(目前\\) for ${FANGSHAN}`),
    );
    const restated = { ...again, restates: fangshanNow.id };
    const v = compileView(viewById('forest'), withMetrics(restated), 'zh', 'after');
    expect(v.table.map((r) => r.metric)).toContain(fangshanNow.id);
    expect(v.table.map((r) => r.metric)).not.toContain('fangshan-again');
    // The same quantity on page ① and page ②, not marked as a restatement, is refused too.
    const lin = { ...fangshanNow, id: 'lin-forest-again', region: LIN };
    expect(() => compileView(viewById('forest'), withMetrics(lin), 'zh', 'after')).toThrow(/lin-forest-cover-now and lin-forest-again/);
  });

  it('symbols and sites take later pages’ figures of their kind too, marked with the page', () => {
    const sites = { ...fangshanNow, id: 'jiaocheng-sites', region: JIAOCHENG, unit: 'count' as const, topic: 'relocation' };
    const anchor = input.metrics.get('lin-relocation-sites')!;
    const m: Metric = { ...sites, ...{ label: { zh: '建成集中安置点', en: 'x' }, quote: '全县建成集中安置点9个', raw: '9个', value: 9 } };
    m.counted = anchor.counted;
    m.period = anchor.period;
    m.periodEn = anchor.periodEn;
    m.asOf = anchor.asOf;
    const v = compileView(viewById('relocation'), withMetrics(m), 'zh');
    expect(v.sites.filter((s) => s.region === JIAOCHENG)).toHaveLength(9);
    expect(v.tooltips[JIAOCHENG]!.lines[0]!.label).toContain('专刊②');
    const undated = { ...m, period: null, periodEn: null, asOf: null };
    expect(compileView(viewById('relocation'), withMetrics(undated), 'zh').sites.filter((s) => s.region === JIAOCHENG)).toHaveLength(0);
  });
});

describe('a later page’s overview shows its own figures', () => {
  const spec = storyViewSpecs(data).find((v) => v.id === pageOverviewId(PAGE))!;

  it('page ②’s chapters show page ②’s overview; page ①’s keep theirs', () => {
    expect(viewOfPage('overview', PAGE)).toBe(pageOverviewId(PAGE));
    expect(viewOfPage('overview', undefined)).toBe('overview');
    expect(viewOfPage('forest', PAGE)).toBe('forest');
    expect(spec).toBeDefined();
  });

  it('compiles from page ②’s figures only: its counties outlined, their figures in tooltips and table, page ②’s source', () => {
    for (const lang of ['zh', 'en'] as const) {
      const v = compileView(spec, input, lang);
      expect(v.highlight.sort()).toEqual(['141121', JIAOCHENG, FANGSHAN].sort());
      expect(v.table.length).toBeGreaterThan(0);
      for (const r of v.table) expect(input.metrics.get(r.metric)!.page, r.metric).toBe(PAGE);
      expect(v.table.map((r) => r.metric)).not.toContain('city-people-lifted');
      expect(v.description).not.toContain('58.5');
      expect(v.source).toContain(lang === 'zh' ? '专刊②' : 'edition ②');
      expect(v.source).not.toContain('①');
      // Its own figures carry no page mark: they are the page's own.
      expect(v.tooltips[JIAOCHENG]!.lines.map((l) => l.value)).toContain(lang === 'zh' ? '3.41万人' : '34,100 people');
      expect(v.tooltips[JIAOCHENG]!.lines.every((l) => !l.label.includes('专刊②'))).toBe(true);
      // Drafted and not yet confirmed: each figure says so where it is shown.
      for (const l of v.tooltips[JIAOCHENG]!.lines) {
        expect(input.metrics.get(l.metric)!.draft, l.metric).toBe(true);
        expect(l.label, l.metric).toMatch(lang === 'zh' ? /（草稿）$/ : / \(draft\)$/);
      }
    }
    expect(compileView(spec, input, 'zh').description).toBe('吕梁市地图。专刊②报道方山县、交城县、文水县。'); // in print order
  });

  it('its callout lists the page’s city-wide figures, never page ①’s', () => {
    expect(compileView(spec, input, 'zh').callout).toBeNull();
    const city: Metric = { ...fangshanNow, id: 'jiaocheng-page-city', region: '141100', raw: '9.9万人', value: 99000, unit: 'people' };
    const page = data.pages.find((p) => p.name === PAGE)!;
    const withCity = storyViewSpecs({ ...data, pages: data.pages.map((p) => (p === page ? { ...p, metrics: [...p.metrics, city] } : p)) });
    const v = compileView(
      withCity.find((x) => x.id === pageOverviewId(PAGE))!,
      withMetrics(city),
      'zh',
    );
    expect(v.callout?.title).toBe('全市（专刊②）');
    expect(v.callout?.lines.map((l) => l.metric)).toEqual(['jiaocheng-page-city']);
  });
});

describe('every page’s chapters can be shared', () => {
  it('a later page’s chapter links to its own story and has its own QR code; page ①’s are as before', () => {
    expect(storyPath('zh', 'fangshan', PAGE)).toBe(`/pages/${PAGE}/#fangshan`);
    expect(storyPath('en', null, PAGE)).toBe(`/en/pages/${PAGE}/`);
    expect(qrPath('zh', 'fangshan', 'svg', PAGE)).toBe(`/embed/qr/zh/pages/${PAGE}/fangshan.svg`);
    expect(storyPath('zh', 'linxian')).toBe('/#linxian');
    expect(qrPath('en', null, 'png')).toBe('/embed/qr/en/story.png');
  });
});
