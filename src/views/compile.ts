/**
 * compileView: one map view (src/views/views.ts) in one language and state, as every renderer
 * reads it (the MapLibre style, the SVG, the embeds, print). The steps, one module each in
 * compile/: the view's context (strings, counties, figures, bindings by kind), then each layer
 * by kind (choropleth, symbols, sites, county precision), then what the whole view says:
 * tooltips, focus and bounds, description, source, labels, legend, callout, locator and table.
 */
import { bbox as turfBbox, featureCollection, pointOnFeature } from '@turf/turf';
import { CITY_CODE } from '../geo/divisions.ts';
import type { Lang } from '../i18n/lang.ts';
import { fill } from '../i18n/strings.ts';
import { circled } from '../schema/edition.ts';
import type { ShanxiTopology } from '../schema/locator.ts';
import { formatFigure, formatMetric } from './format.ts';
import { compileLocator } from './locator.ts';
import { withMapReview } from './map-review.ts';
import { PALETTE } from './palette.ts';
import { placeName } from './places.ts';
import type { Binding, ViewSpec } from './view-types.ts';
import { choroplethState, compileChoropleth } from './compile/choropleth.ts';
import { fillTemplate, viewContext, type ViewContext } from './compile/context.ts';
import { compileCountyPrecision } from './compile/precision.ts';
import { compileSites } from './compile/sites.ts';
import { compileSymbols } from './compile/symbols.ts';
import type { CompileInput, CompiledView, CountyFill } from './compile/types.ts';

export type { CompiledSymbol, CompiledView, CompileInput, CountyFill, FactLine, FillStatus } from './compile/types.ts';
export { fillTemplate } from './compile/context.ts';
export { placeSites } from './compile/sites.ts';

function locatorTopology(input: CompileInput, view: string): ShanxiTopology {
  if (!input.locator) throw new Error(`view "${view}" has a locator but no Shanxi geography was given (data/geo/shanxi.topo.json)`);
  return input.locator;
}

/** The view's sentence, then what later pages report on the map (by kind) and, where it says so, that the other counties are not reported. */
function describe(ctx: ViewContext): string {
  const { view, lang, say, byKind } = ctx;
  const own = fillTemplate(ctx.t(view.description), lang, ctx.input.metrics, `view "${view.id}" description`);
  const list = byKind
    .map((m) =>
      fill(say.pageReports, { page: ctx.pageMark(m) ?? circled(1), county: placeName(m.region, lang), value: formatMetric(m, lang) }),
    )
    .join(say.listSeparator);
  if (view.othersUnreported) return `${own}${list ? fill(say.othersUnreportedWith, { list }) : say.othersUnreported}`;
  return list ? `${own}${fill(say.alsoReported, { list })}` : own;
}

export function compileView(view: ViewSpec, input: CompileInput, lang: Lang, stateId?: string): CompiledView {
  const ctx = viewContext(view, input, lang);
  const { t, say, counties, countyName, metric, byKind } = ctx;
  const choro = choroplethState(ctx, stateId);
  const state = choro?.state ?? null;

  const fills: Record<string, CountyFill> = {};
  const tooltips: CompiledView['tooltips'] = {};
  for (const f of counties) {
    fills[f.properties.code] = { fill: PALETTE.county.hex, fillKey: 'county', status: 'plain' };
    tooltips[f.properties.code] = { name: countyName(f.properties.code), lines: [], note: null };
  }

  // Each layer by kind, the choropleth first; `drawn` keeps the order the tooltips and the table list figures in.
  const drawn: Binding[] = [];
  const legend: CompiledView['legend'] = { choropleth: null, symbols: [], sites: null, precision: null, notes: view.notes.map(t) };
  if (choro) {
    const c = compileChoropleth(ctx, choro, fills, tooltips);
    legend.choropleth = c.legend;
    drawn.push(...c.drawn);
  }
  const symbols: CompiledView['symbols'] = [];
  const sites: CompiledView['sites'] = [];
  const precision: CompiledView['precision'] = [];
  for (const layer of view.layers) {
    if (layer.kind === 'symbols') {
      const s = compileSymbols(ctx, layer);
      symbols.push(...s.symbols);
      legend.symbols.push(...s.legend);
      drawn.push(...s.drawn);
    } else if (layer.kind === 'sites') {
      const s = compileSites(ctx, layer);
      sites.push(...s.sites);
      legend.sites = s.legend;
      drawn.push(...s.drawn);
    } else if (layer.kind === 'county-precision') {
      const p = compileCountyPrecision(ctx, layer);
      precision.push(p.precision);
      tooltips[layer.region]!.note = p.precision.text;
      legend.precision = p.legend;
    }
  }

  for (const b of [...drawn, ...(view.facts ?? [])]) {
    const tip = tooltips[b.region];
    if (tip && !tip.lines.some((l) => l.metric === b.metric)) tip.lines.push(ctx.fact(b));
  }

  // A later page's county drawn by kind is framed too, and the title no longer names one county.
  const focus = view.focus.includes(CITY_CODE) ? view.focus : [...new Set([...view.focus, ...byKind.map((m) => m.region)])];
  const focusFeatures = focus.includes(CITY_CODE) ? counties : counties.filter((c) => focus.includes(c.properties.code));
  const [w, s, e, n] = turfBbox(featureCollection(focusFeatures));
  const laterPages = [...new Set(byKind.map((m) => ctx.pageMark(m)).filter((p) => p !== null))];
  const calloutLines = view.callout?.metrics.map((id) => ctx.fact({ region: metric(id).region, metric: id })) ?? [];
  const tableBindings = [...drawn, ...(view.facts ?? [])].filter((b, i, a) => a.findIndex((x) => x.metric === b.metric) === i);
  const refIds = choro
    ? choro.layer.states.flatMap((s) => [...s.bindings.map((b) => b.metric), ...(s.reference ? [s.reference] : [])])
    : [];
  const tableIds = [...new Set([...tableBindings.map((b) => b.metric), ...refIds, ...(view.callout?.metrics ?? [])])];

  return {
    id: view.id,
    lang,
    state: state?.id ?? null,
    states: choro ? choro.layer.states.map((s) => ({ id: s.id, label: t(s.label) })) : [],
    title: t(byKind.length && view.seriesTitle ? view.seriesTitle : view.title),
    stateLabel: state ? t(state.label) : null,
    description: describe(ctx),
    source: withMapReview(`${t(view.source)}${laterPages.length ? fill(say.alsoFromPages, { pages: laterPages.join('') }) : ''}`, lang),
    bounds: [
      [w, s],
      [e, n],
    ],
    focus,
    highlight: view.highlight,
    fills,
    symbols,
    sites,
    precision,
    labels: counties.map((c) => {
      const r = Math.max(0, ...symbols.filter((s) => s.region === c.properties.code).map((s) => s.radius));
      return { code: c.properties.code, lonLat: c.properties.label, name: countyName(c.properties.code), dy: r > 0 ? Math.ceil(r + 9) : 0 };
    }),
    neighbourLabels: input.geo.neighbours.features.map((f) => ({
      code: f.properties.code,
      lonLat: pointOnFeature(f).geometry.coordinates.map((x) => Number(x.toFixed(3))) as [number, number],
      name: lang === 'zh' ? f.properties.zh : f.properties.en,
    })),
    tooltips,
    legend,
    callout: view.callout ? { title: t(view.callout.title), lines: calloutLines } : null,
    locator: view.locator ? compileLocator(locatorTopology(input, view.id), t(view.locator.caption), lang, CITY_CODE) : null,
    table: tableIds.map((id) => {
      const m = metric(id);
      return {
        region: m.region,
        place: placeName(m.region, lang),
        metric: id,
        label: ctx.labelOf(m),
        value: formatFigure(m, lang),
        quote: m.quote,
      };
    }),
  };
}
