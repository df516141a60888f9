/**
 * compileView's steps, one module per layer kind (src/views/compile/), each on page ①'s views:
 * what a layer draws follows from its figures alone, whatever else the view holds.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import { choroplethState, compileChoropleth } from '../../src/views/compile/choropleth.ts';
import { viewContext } from '../../src/views/compile/context.ts';
import { compileCountyPrecision } from '../../src/views/compile/precision.ts';
import { compileSites } from '../../src/views/compile/sites.ts';
import { compileSymbols } from '../../src/views/compile/symbols.ts';
import type { CompiledView, CountyFill } from '../../src/views/compile/types.ts';
import { pointValue } from '../../src/views/format.ts';
import { VIEWS } from '../../src/views/views.ts';
import type { Layer } from '../../src/views/view-types.ts';

const { compileInput } = loadSiteData();
const view = (id: string) => VIEWS.find((v) => v.id === id)!;
const layer = <K extends Layer['kind']>(id: string, kind: K) =>
  view(id).layers.find((l): l is Extract<Layer, { kind: K }> => l.kind === kind)!;

describe('compileView by layer kind', () => {
  it('choropleth: the state asked for (an unknown one refused); each bound county in its class, the rest not reported', () => {
    const ctx = viewContext(view('incidence'), compileInput, 'zh');
    expect(choroplethState(ctx, 'after')!.state.id).toBe('after');
    expect(choroplethState(ctx, undefined)!.state.id).toBe('before');
    expect(() => choroplethState(ctx, 'later')).toThrow('view "incidence" has no state "later"');
    const fills: Record<string, CountyFill> = {};
    const tooltips: CompiledView['tooltips'] = {};
    for (const f of compileInput.geo.counties.features) {
      fills[f.properties.code] = { fill: '', fillKey: '', status: 'plain' };
      tooltips[f.properties.code] = { name: '', lines: [], note: null };
    }
    const { legend, drawn } = compileChoropleth(ctx, choroplethState(ctx, 'before')!, fills, tooltips);
    expect(drawn.length).toBeGreaterThan(0);
    for (const [code, f] of Object.entries(fills))
      expect(f.status, code).toBe(drawn.some((b) => b.region === code) ? 'value' : 'not-reported');
    expect(legend.bins.length).toBe(layer('incidence', 'choropleth').thresholds.length + 1);
  });

  it('symbols: a circle per bound county, the series’ largest figure at its maxRadius, areas in proportion', () => {
    const pv = layer('pv', 'symbols');
    const { symbols, legend, drawn } = compileSymbols(viewContext(view('pv'), compileInput, 'en'), pv);
    expect(symbols.length).toBe(drawn.length);
    expect(legend.map((l) => l.label)).toHaveLength(pv.series.length);
    const s = pv.series[0]!;
    const max = pointValue(compileInput.metrics.get(s.maxMetric)!);
    for (const c of symbols.filter((x) => x.series === s.id)) {
      const v = pointValue(compileInput.metrics.get(c.metric)!);
      expect(c.radius).toBeCloseTo(s.maxRadius * Math.sqrt(v / max), 1);
    }
  });

  it('sites: as many dots as the figure counts, each inside its county', () => {
    const relocation = layer('relocation', 'sites');
    const { sites, drawn } = compileSites(viewContext(view('relocation'), compileInput, 'zh'), relocation);
    expect(drawn).toEqual(expect.arrayContaining([...relocation.bindings, ...relocation.extra]));
    for (const b of relocation.bindings) {
      const dots = sites.filter((s) => s.region === b.region);
      expect(dots.length).toBe(pointValue(compileInput.metrics.get(b.metric)!));
      const county = compileInput.geo.counties.features.find((f) => f.properties.code === b.region)!;
      for (const d of dots) expect(booleanPointInPolygon(d.lonLat, county.geometry)).toBe(true);
    }
  });

  it('county precision: the note quotes its caption, translated in English with the original', () => {
    const p = layer('pv', 'county-precision');
    const caption = compileInput.captions.find((c) => c.id === p.caption)!;
    expect(compileCountyPrecision(viewContext(view('pv'), compileInput, 'zh'), p).precision.text).toContain(caption.text);
    const en = compileCountyPrecision(viewContext(view('pv'), compileInput, 'en'), p).precision;
    expect(en.region).toBe(p.region);
    expect(en.text).toContain(caption.text);
    expect(() => compileCountyPrecision(viewContext(view('pv'), compileInput, 'en'), { ...p, caption: 'cap-none' })).toThrow(
      'view "pv": unknown caption cap-none',
    );
  });
});
