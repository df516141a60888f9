import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import { compileView, fillTemplate } from '../../src/views/compile.ts';
import { formatMetric } from '../../src/views/format.ts';
import { mapCssVars, PALETTE, RAMPS } from '../../src/views/palette.ts';
import { allViewKeys, viewStates } from '../../src/views/view-keys.ts';
import { VIEWS, viewById } from '../../src/views/views.ts';
import { renderSvg } from '../../src/render/svg.ts';
import { toMapLibreStyle } from '../../src/render/maplibre-style.ts';

const data = loadSiteData();
const compile = (id: string, lang: 'zh' | 'en' = 'zh', state?: string) => compileView(viewById(id), data.compileInput, lang, state);
const LIN = '141124';

describe('map views compile from one spec', () => {
  it('every view compiles in both languages and every state', () => {
    for (const v of VIEWS)
      for (const lang of ['zh', 'en'] as const) {
        const states = v.layers.flatMap((l) => (l.kind === 'choropleth' ? l.states.map((s) => s.id) : [undefined]));
        for (const s of states.length ? states : [undefined]) expect(compileView(v, data.compileInput, lang, s).title).toBeTruthy();
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
  it('names the states of the two before/after views, in drawing order, and of no other view', () => {
    expect(viewStates()).toEqual({ incidence: ['before', 'after'], forest: ['before', 'after'] });
    // Every key the panel can ask for is a view id alone or a view with one of its states.
    const states = viewStates();
    for (const k of allViewKeys()) expect(k.state ? states[k.view.id] : undefined).toEqual(k.state ? expect.arrayContaining([k.state]) : undefined);
  });

  it('gives the HTML around a map the palette’s own colours', () => {
    const vars = Object.fromEntries(mapCssVars().split(';').map((d) => d.split(':')));
    expect(vars['--map-ink']).toBe(PALETTE.ink.hex);
    expect(vars['--map-hatch']).toBe(PALETTE.hatch.hex);
    expect(vars['--map-not-reported']).toBe(PALETTE.notReported.hex);
    expect(Object.keys(vars)).toHaveLength(6);
  });
});
