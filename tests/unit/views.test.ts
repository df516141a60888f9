import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import { compileView, fillTemplate } from '../../src/views/compile.ts';
import { formatMetric } from '../../src/views/format.ts';
import { mapCssVars, PALETTE, RAMPS } from '../../src/views/palette.ts';
import { allViewKeys, viewStates } from '../../src/views/view-keys.ts';
import { VIEWS, viewById } from '../../src/views/views.ts';
import type { ViewSpec } from '../../src/views/view-types.ts';
import { Metric } from '../../src/schema/metrics.ts';
import { renderSvg } from '../../src/render/svg.ts';
import { toMapLibreStyle } from '../../src/render/maplibre-style.ts';

const data = loadSiteData();
const compile = (id: string, lang: 'zh' | 'en' = 'zh', state?: string) => compileView(viewById(id), data.compileInput, lang, state);
const LIN = '141124';

describe('map views compile from one spec', () => {
  it('every view compiles in both languages and every state: its own title, every figure filled in, each state drawing its own bindings', () => {
    const codes = data.geo.counties.features.map((f) => f.properties.code).sort();
    for (const v of VIEWS)
      for (const lang of ['zh', 'en'] as const) {
        const choro = v.layers.find((l) => l.kind === 'choropleth');
        for (const state of choro?.states ?? [undefined]) {
          const c = compileView(v, data.compileInput, lang, state?.id);
          const where = `${v.id}/${lang}/${state?.id ?? '-'}`;
          expect(c.title, where).toBe(v.title[lang]);
          expect(c.state, where).toBe(state?.id ?? null);
          expect(`${c.description} ${c.source}`, where).not.toMatch(/\{\{|\}\}|undefined|NaN/);
          expect(Object.keys(c.fills).sort(), where).toEqual(codes);
          expect(Object.keys(c.tooltips).sort(), where).toEqual(codes);
          // The counties coloured by a value are exactly the ones this state binds.
          const valued = Object.entries(c.fills)
            .filter(([, f]) => f.status === 'value')
            .map(([code]) => code)
            .sort();
          expect(valued, where).toEqual((state?.bindings ?? []).map((b) => b.region).sort());
        }
      }
  });

  it('colours 临县 by its incidence in each state and leaves every other county "not reported"', () => {
    const before = compile('incidence', 'zh', 'before');
    const after = compile('incidence', 'zh', 'after');
    expect(before.fills[LIN]).toMatchObject({ fill: RAMPS.incidence[5].hex, status: 'value' }); // 39.5% ≥ 30
    expect(after.fills[LIN]).toMatchObject({ fill: RAMPS.incidence[0].hex, status: 'value' }); // 0.39% < 1
    const others = Object.entries(before.fills).filter(([c]) => c !== LIN);
    expect(others).toHaveLength(12);
    for (const [, f] of others) expect(f.status).toBe('not-reported');
    expect(before.legend.choropleth?.reference).toMatchObject({ value: '19.2%' });
    expect(after.legend.choropleth?.reference).toMatchObject({ value: '0.18%' });
    expect(before.tooltips['141127']!.note).toBe('本版未报道该县数字');
  });

  it('sizes symbols by area: radius² is proportional to the value', () => {
    const pv = compile('pv');
    const lin = pv.symbols.find((s) => s.region === LIN)!;
    const city = pv.legend.symbols[0]!.circles.find((c) => c.value.includes('596'))!;
    expect((lin.radius / city.radius) ** 2).toBeCloseTo(197.02 / 596, 3);
    expect(pv.tooltips['141128']!.note).toContain('方山县积翠乡刘家庄村光伏发电项目');
  });

  it('places one schematic dot per resettlement site inside its county, the same way every time', () => {
    const r = compile('relocation');
    const inCounty = (code: string) => r.sites.filter((s) => s.region === code);
    expect(inCounty(LIN)).toHaveLength(18);
    expect(inCounty('141123')).toHaveLength(0); // 兴县's 2 are relocation sites with a love supermarket, not its count of sites
    for (const s of r.sites) {
      const f = data.geo.counties.features.find((c) => c.properties.code === s.region)!;
      expect(booleanPointInPolygon(s.lonLat, f)).toBe(true);
    }
    expect(compile('relocation').sites).toEqual(r.sites);
    expect(r.legend.sites?.label).toContain('示意');
  });

  it('formats figures the Chinese way and the English way through Intl', () => {
    const m = (id: string) => data.metricsById.get(id)!;
    expect(formatMetric(m('lin-people-lifted'), 'zh')).toBe('20.53万人');
    expect(formatMetric(m('lin-pv-annual-income'), 'zh')).toBe('1.6亿元');
    expect(formatMetric(m('lin-people-lifted'), 'en')).toBe('205,300 people');
    expect(formatMetric(m('lin-pv-annual-income'), 'en')).toBe('CNY 160 million');
  });

  it('fails on an unknown metric id in authored text', () => {
    expect(() => fillTemplate('{{no-such-figure}}', 'zh', data.metricsById, 'test')).toThrow(/test: unknown metric id "no-such-figure"/);
    expect(compile('incidence', 'en').description).toContain('39.5%');
  });
});

describe('choropleth classes (d3 scaleThreshold: a break belongs to the class above it)', () => {
  /** The incidence view (breaks 1, 5, 10, 20, 30 %) with 临县's "before" figure set to `value`. */
  const withValue = (value: number) => {
    const metrics = new Map(data.compileInput.metrics);
    metrics.set('lin-poverty-incidence-before', { ...metrics.get('lin-poverty-incidence-before')!, value });
    return compileView(viewById('incidence'), { ...data.compileInput, metrics }, 'en', 'before');
  };
  /** The legend label of the class 临县 is drawn in. */
  const classOf = (value: number) => {
    const v = withValue(value);
    const bins = v.legend.choropleth!.bins;
    const i = bins.findIndex((b) => b.color === v.fills[LIN]!.fill);
    expect(i, `${value}: 临县's fill is a colour of the legend`).toBeGreaterThanOrEqual(0);
    expect(v.fills[LIN]!.fillKey).toBe(`incidence-${i}`);
    return bins[i]!.label;
  };

  it('puts each break in the class that starts at it: 1 % in 1–5 %, 5 % in 5–10 %, 30 % in ≥30 %', () => {
    const cases: Array<[number, string]> = [
      [0, '<1%'],
      [0.39, '<1%'],
      [0.999, '<1%'],
      [1, '1–5%'],
      [4.999, '1–5%'],
      [5, '5–10%'],
      [9.999, '5–10%'],
      [10, '10–20%'],
      [20, '20–30%'],
      [29.999, '20–30%'],
      [30, '≥30%'],
      [39.5, '≥30%'],
      [100, '≥30%'],
    ];
    expect(cases.map(([value]) => [value, classOf(value)])).toEqual(cases);
  });

  it('has one more class than breaks, labelled in order without gaps', () => {
    const bins = withValue(39.5).legend.choropleth!.bins.map((b) => b.label);
    expect(bins).toEqual(['<1%', '1–5%', '5–10%', '10–20%', '20–30%', '≥30%']);
  });

  it('refuses a figure that is not a number (NaN, ±∞) rather than colour it with no class', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => withValue(bad), String(bad)).toThrow(/incidence.*lin-poverty-incidence-before/);
    }
  });

  it('and metrics.json cannot carry one: the schema rejects NaN and ±∞', () => {
    const good = data.metricsById.get('lin-poverty-incidence-before')!;
    expect(Metric.safeParse(good).success).toBe(true);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(Metric.safeParse({ ...good, value: bad }).success, String(bad)).toBe(false);
  });
});

describe('renderers read the same compiled view', () => {
  for (const id of ['incidence', 'pv', 'relocation', 'forest']) {
    it(`${id}: each county has the same colour in the MapLibre style and in the SVG`, () => {
      const v = compile(id);
      const style = toMapLibreStyle(v);
      const layer = style.layers.find((l) => l.id === 'counties-fill')! as { paint: { 'fill-color': unknown[] } };
      const match = layer.paint['fill-color'];
      const styleColours = new Map<string, string>();
      for (let i = 2; i < match.length - 1; i += 2) styleColours.set(match[i] as string, match[i + 1] as string);
      const svg = renderSvg(v, data.geo, { width: 600, height: 800, frame: true });
      const svgColours = new Map([...svg.matchAll(/data-code="(\d+)" data-fill="(#[0-9a-f]{6})"/g)].map((m) => [m[1]!, m[2]!]));
      expect(svgColours.size).toBe(13);
      expect(Object.fromEntries(styleColours)).toEqual(Object.fromEntries(svgColours));
    });
  }

  it('the SVG references nothing outside itself', () => {
    const svg = renderSvg(compile('pv', 'en'), data.geo, { width: 600, height: 800, frame: true });
    expect(svg.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|xlink:href|<image/);
    expect(svg).toContain('Photovoltaic poverty relief');
  });

  it('the MapLibre style needs no glyph or tile server', () => {
    const style = toMapLibreStyle(compile('overview'));
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });
});

describe('what the story panel is told before its blocks arrive', () => {
  const view = (id: string, layers: ViewSpec['layers']): ViewSpec => ({ ...viewById('overview'), id, layers });
  const choropleth = (...states: string[]): ViewSpec['layers'][number] => ({
    kind: 'choropleth',
    ramp: 'incidence',
    thresholds: [1, 5],
    states: states.map((id) => ({ id, label: { zh: id, en: id }, bindings: [] })),
  });

  it('names the states of the two before/after views, in drawing order, and of no other view', () => {
    expect(viewStates()).toEqual({ incidence: ['before', 'after'], forest: ['before', 'after'] });
  });

  it('names states in the order a view lists them, and only for views with a choropleth', () => {
    const views = [
      view('plain', []),
      view('three', [choropleth('a', 'c', 'b')]),
      view('dots', [{ kind: 'sites', color: 'site', bindings: [], extra: [] }]),
      view('one', [choropleth('only')]),
    ];
    expect(viewStates(views)).toEqual({ three: ['a', 'c', 'b'], one: ['only'] });
    expect(allViewKeys(views).map((k) => k.key)).toEqual(['plain', 'three-a', 'three-c', 'three-b', 'dots', 'one-only']);
  });
});

describe('the palette in the HTML around a map', () => {
  /** Custom properties the stylesheets read without defining them anywhere in CSS. */
  const cssReads = () => {
    const files = [
      ...readdirSync('src/styles').map((f) => join('src/styles', f)),
      ...readdirSync('src/components').map((f) => join('src/components', f)),
    ];
    const css = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const defined = new Set([...css.matchAll(/(--map-[\w-]+)\s*:/g)].map((m) => m[1]!));
    return [...new Set([...css.matchAll(/var\((--map-[\w-]+)(\s*,)?/g)].filter((m) => !m[2] && !defined.has(m[1]!)).map((m) => m[1]!))];
  };

  it('defines every --map-* colour the stylesheets read without a fallback, each a colour of the palette', () => {
    const vars = new Map(
      mapCssVars()
        .split(';')
        .map((d) => d.split(':') as [string, string]),
    );
    const needed = cssReads();
    expect(needed.length).toBeGreaterThan(0);
    for (const name of needed) expect(vars.has(name), `${name} is read by src/styles but not set by mapCssVars()`).toBe(true);
    const hexes = new Set(Object.values(PALETTE).map((s) => s.hex));
    for (const [name, value] of vars) expect(hexes.has(value), `${name}: ${value} is not a palette colour`).toBe(true);
  });
});
