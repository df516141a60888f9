/**
 * Classes of error issue 11 found, each held by a test over every figure or every view:
 * a map binds only what its legend claims; a Chinese reader sees a figure exactly as printed;
 * no quantity is counted twice; English numbers read as English.
 */
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import type { Metric } from '../../src/schema/metrics.ts';
import { compileView } from '../../src/views/compile.ts';
import { formatBasis, formatFigure, formatMetric } from '../../src/views/format.ts';
import { sumMetrics } from '../../src/views/totals.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';
import { VIEWS } from '../../src/views/views.ts';
import type { Binding } from '../../src/views/view-types.ts';

const data = loadSiteData();
const metric = (id: string) => data.metricsById.get(id)!;

describe('a map view binds only figures its legend claims', () => {
  for (const v of VIEWS) {
    it(`${v.id}: every drawn figure is about the county it is drawn on, and of the kind its legend names`, () => {
      const check = (b: Binding) => expect(metric(b.metric).region, `${v.id}: ${b.metric}`).toBe(b.region);
      for (const layer of v.layers) {
        if (layer.kind === 'sites') {
          // Legend: "one resettlement site" — so only counts of resettlement sites, topic relocation.
          for (const b of layer.bindings) {
            check(b);
            expect(metric(b.metric), `${v.id}: ${b.metric}`).toMatchObject({
              topic: 'relocation',
              unit: 'count',
              counted: { en: 'resettlement sites' },
            });
          }
          for (const b of layer.extra) check(b);
        } else if (layer.kind === 'choropleth') {
          // Legend: one rate per state, read against the city's rate of the same topic.
          for (const s of layer.states) {
            const ref = s.reference ? metric(s.reference) : null;
            for (const b of s.bindings) {
              check(b);
              expect(metric(b.metric).unit, `${v.id}: ${b.metric}`).toBe('percent');
              if (ref) expect(metric(b.metric).topic, `${v.id}: ${b.metric}`).toBe(ref.topic);
            }
          }
        } else if (layer.kind === 'symbols') {
          // Legend: one series per unit and topic, sized against its max figure.
          for (const s of layer.series) {
            const max = metric(s.maxMetric);
            for (const b of s.bindings) {
              check(b);
              expect([metric(b.metric).unit, metric(b.metric).topic], `${v.id}: ${b.metric}`).toEqual([max.unit, max.topic]);
            }
          }
        }
      }
      for (const b of v.facts ?? []) check(b);
    });
  }

  it('no map draws a range as one value', () => {
    const drawn = VIEWS.flatMap((v) =>
      v.layers.flatMap((l) =>
        l.kind === 'sites'
          ? l.bindings
          : l.kind === 'choropleth'
            ? l.states.flatMap((s) => s.bindings)
            : l.kind === 'symbols'
              ? l.series.flatMap((s) => s.bindings)
              : [],
      ),
    );
    for (const b of drawn) expect(metric(b.metric).range, b.metric).toBeNull();
  });
});

describe('a Chinese reader sees a figure exactly as printed', () => {
  it('every metric: the zh format is raw; standing alone, raw plus its basis gloss', () => {
    for (const m of data.metrics) {
      expect(formatMetric(m, 'zh'), m.id).toBe(m.raw);
      expect(formatFigure(m, 'zh'), m.id).toBe(`${m.raw}${formatBasis(m, 'zh')}`);
    }
    expect(formatFigure(metric('lan-poor-income-gain'), 'zh')).toBe('4000余万元');
  });

  it('every compiled view: table, tooltips, symbols and legend show each figure as printed', () => {
    for (const { view, state } of allViewKeys()) {
      const v = compileView(view, data.compileInput, 'zh', state ?? undefined);
      const shown = [
        ...v.table.map((r) => [r.metric, r.value]),
        ...Object.values(v.tooltips).flatMap((t) => t.lines.map((l) => [l.metric, l.value])),
        ...v.symbols.map((s) => [s.metric, s.value]),
        ...(v.callout?.lines ?? []).map((l) => [l.metric, l.value]),
      ];
      for (const [id, value] of shown) expect(value, `${view.id}: ${id}`).toBe(formatFigure(metric(id!), 'zh'));
    }
  });
});

describe('no quantity is counted twice', () => {
  const restatement = (a: Metric, b: Metric) => a.restates === b.id || b.restates === a.id;

  it('sums each quantity once: a restatement or a part is left out when its figure is summed', () => {
    const ids = ['lin-relocated-people-headline', 'lin-relocated-people'];
    expect(sumMetrics(ids.map(metric))).toMatchObject({ total: 40004, counted: ['lin-relocated-people'] });
    const xing = ['xing-love-markets', 'xing-love-market-townships', 'xing-relocation-sites'].map(metric);
    expect(sumMetrics(xing)).toMatchObject({ total: 19, counted: ['xing-love-markets'] });
    expect(sumMetrics([metric('xing-love-market-townships'), metric('xing-relocation-sites')]).total).toBe(19);
    expect(() => sumMetrics([metric('xing-coop-poor-share')])).toThrow(/range/);
    expect(() => sumMetrics([metric('lin-relocated-people'), metric('lin-relocated-households')])).toThrow(/units/);
  });

  it('no view’s table, tooltips or symbols show a quantity and its restatement together', () => {
    for (const { view, state } of allViewKeys()) {
      const v = compileView(view, data.compileInput, 'en', state ?? undefined);
      const groups = [
        v.table.map((r) => r.metric),
        v.symbols.map((s) => s.metric),
        ...Object.values(v.tooltips).map((t) => t.lines.map((l) => l.metric)),
      ];
      for (const ids of groups)
        for (const a of ids) for (const b of ids) expect(restatement(metric(a), metric(b)), `${view.id}: ${a} / ${b}`).toBe(false);
    }
  });

  it('every restatement names its figure and says whether it is rounded', () => {
    const restated = data.metrics.filter((m) => m.restates);
    expect(restated.map((m) => m.id)).toEqual(['lin-relocated-people-headline']);
    for (const m of restated) expect(metric(m.restates!).unit).toBe(m.unit);
  });
});

describe('English numbers read as English', () => {
  it('millions in words, fractions in words, ranges with a dash, basis spelled out', () => {
    expect(formatMetric(metric('city-edible-fungi'), 'en')).toBe('70 million');
    expect(formatFigure(metric('city-edible-fungi'), 'en')).toBe('70 million mushroom logs');
    expect(formatMetric(metric('city-red-dates-area'), 'en')).toBe('1.63 million mu');
    expect(formatMetric(metric('lin-relocation-share-city'), 'en')).toBe('a third');
    expect(formatMetric(metric('lin-pv-share-province'), 'en')).toBe('one-seventh');
    expect(formatMetric(metric('xing-coop-poor-share'), 'en')).toBe('10–20%');
    expect(formatFigure(metric('city-first-secretaries'), 'en')).toBe('1,769 first Party secretaries');
    expect(formatFigure(metric('city-rural-income-2019'), 'en')).toBe('CNY 7,861 per person a year');
    expect(formatFigure(metric('lin-carer-top-wage'), 'en')).toBe('CNY 10,800 per person a month');
    expect(formatFigure(metric('lin-pv-income-per-village'), 'en')).toBe('at least CNY 200,000 per village a year');
    expect(formatFigure(metric('lin-pv-income-per-village'), 'zh')).toBe('20万元以上（每村，每年）');
  });
});
