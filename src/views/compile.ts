import { bbox as turfBbox, booleanPointInPolygon, featureCollection, pointOnFeature } from '@turf/turf';
import { scaleSqrt, scaleThreshold } from 'd3';
import type { Metric } from '../schema/metrics.ts';
import type { Caption } from '../schema/edition.ts';
import { formatFigure, formatMetric, formatNumber, pointValue } from './format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Area, GeoData } from './geo-data.ts';
import { PALETTE, RAMPS, type PaletteKey } from './palette.ts';
import { placeName } from './places.ts';
import { CITY_CODE } from '../geo/divisions.ts';
import { fill, strings } from '../i18n/strings.ts';
import { withMapReview } from './map-review.ts';
import type { Binding, ChoroplethLayer, ViewSpec } from './view-types.ts';
import { compileLocator, type CompiledLocator } from './locator.ts';
import type { ShanxiTopology } from '../schema/locator.ts';
import { circled } from '../schema/edition.ts';
import { layerKind, matchesKind, notDrawable } from './kinds.ts';

export type FillStatus = 'value' | 'not-reported' | 'plain';
export interface CountyFill {
  fill: string;
  fillKey: string;
  status: FillStatus;
}
export interface FactLine {
  metric: string;
  label: string;
  value: string;
}
export interface CompiledSymbol {
  series: string;
  region: string;
  lonLat: [number, number];
  radius: number;
  color: string;
  metric: string;
  value: string;
  /** What the circle says on its own (its title, a tooltip): the county's name with the figure. */
  title: string;
}
export interface CompiledView {
  id: string;
  lang: Lang;
  state: string | null;
  states: Array<{ id: string; label: string }>;
  title: string;
  /** The state's name where the view has states (shown after the title). */
  stateLabel: string | null;
  description: string;
  source: string;
  /** [[west, south], [east, north]] of the regions in focus. */
  bounds: [[number, number], [number, number]];
  focus: string[];
  highlight: string[];
  fills: Record<string, CountyFill>;
  symbols: CompiledSymbol[];
  sites: Array<{ region: string; lonLat: [number, number]; color: string }>;
  precision: Array<{ region: string; text: string }>;
  /** County names; `dy` (px) moves a name below a symbol drawn on its label point. */
  labels: Array<{ code: string; lonLat: [number, number]; name: string; dy: number }>;
  neighbourLabels: Array<{ code: string; lonLat: [number, number]; name: string }>;
  tooltips: Record<string, { name: string; lines: FactLine[]; note: string | null }>;
  legend: {
    choropleth: null | {
      title: string;
      bins: Array<{ color: string; label: string }>;
      notReported: string;
      reference: null | { label: string; value: string; color: string };
    };
    symbols: Array<{ label: string; color: string; circles: Array<{ radius: number; value: string }> }>;
    sites: null | { label: string; color: string };
    precision: null | { label: string };
    notes: string[];
  };
  callout: null | { title: string; lines: FactLine[] };
  /** Where the city lies in Shanxi (the overview), drawn by every renderer. */
  locator: CompiledLocator | null;
  /** Every figure the view draws or states, for the data table. */
  table: Array<{ region: string; place: string; metric: string; label: string; value: string; quote: string }>;
}

export interface CompileInput {
  metrics: Map<string, Metric>;
  geo: GeoData;
  captions: Caption[];
  /** English texts by edition id (captions are quoted from it), figures as {{metric-id}}. */
  english?: Record<string, string>;
  /** Shanxi's prefectures (data/geo/shanxi.topo.json), for views with a locator. */
  locator?: ShanxiTopology;
  /** Each later page's number in the series, by its name (a figure's `page`): its provenance on the maps (专刊②). */
  pageNumbers?: Map<string, number>;
}

function locatorTopology(input: CompileInput, view: string): ShanxiTopology {
  if (!input.locator) throw new Error(`view "${view}" has a locator but no Shanxi geography was given (data/geo/shanxi.topo.json)`);
  return input.locator;
}

function metricOf(input: CompileInput, id: string, view: string): Metric {
  const m = input.metrics.get(id);
  if (!m) throw new Error(`view "${view}" names unknown metric "${id}"`);
  return m;
}

/** Replaces {{metric-id}} with the formatted figure; an unknown id is an error, not a blank. */
export function fillTemplate(text: string, lang: Lang, metrics: Map<string, Metric>, where: string): string {
  return text.replace(/\{\{([a-z0-9-]+)\}\}/g, (_, id: string) => {
    const m = metrics.get(id);
    if (!m) throw new Error(`${where}: unknown metric id "${id}"`);
    return formatMetric(m, lang);
  });
}

/** Threshold labels: <1%, 1–5%, …, ≥30%. */
function binLabels(thresholds: number[]): string[] {
  const n = (x: number) => formatNumber(x, 'en');
  return [`<${n(thresholds[0]!)}%`, ...thresholds.slice(1).map((t, i) => `${n(thresholds[i]!)}–${n(t)}%`), `≥${n(thresholds.at(-1)!)}%`];
}

/**
 * Room (degrees of latitude) between a county's label point and the top row of its site dots:
 * the name (set on that point) keeps clear of the dots at the story's zooms (a phone's overview
 * draws ~170 px a degree, a name is ~16 px tall).
 */
const SITES_BELOW_LABEL = 0.07;

/**
 * n dots in a compact grid just below the county's label point, so that its name stays legible,
 * all inside the county: a count, not locations. Where the county has no room below its name,
 * the grid is centred on the point (the name then sits on it).
 */
export function placeSites(area: Area, center: [number, number], n: number): Array<[number, number]> {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const grid = (spacing: number, below: boolean): Array<[number, number]> => {
    const cy = below ? center[1] - SITES_BELOW_LABEL - ((rows - 1) / 2) * spacing * 0.9 : center[1];
    const pts: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      const r = Math.floor(i / cols);
      const inRow = r === rows - 1 ? n - r * cols : cols;
      const c = i % cols;
      const x = center[0] + (c - (inRow - 1) / 2) * spacing;
      const y = cy - (r - (rows - 1) / 2) * spacing * 0.9;
      pts.push([Number(x.toFixed(4)), Number(y.toFixed(4))]);
    }
    return pts;
  };
  for (const below of [true, false])
    for (let spacing = 0.04; spacing > (below ? 0.02 : 0.002); spacing *= 0.8) {
      const pts = grid(spacing, below);
      if (pts.every((p) => booleanPointInPolygon(p, area))) return pts;
    }
  throw new Error('cannot place sites inside the county');
}

export function compileView(view: ViewSpec, input: CompileInput, lang: Lang, stateId?: string): CompiledView {
  const t = (x: { zh: string; en: string }) => x[lang];
  const say = strings(lang).map;
  const counties = input.geo.counties.features;
  const countyName = (code: string) => {
    const f = counties.find((c) => c.properties.code === code);
    if (!f) throw new Error(`view "${view.id}": no county ${code} in the geography`);
    return lang === 'zh' ? f.properties.zh : f.properties.en;
  };
  /** The page a figure comes from when it is not the view's own (专刊②), else null. */
  const pageMark = (m: Metric): string | null => {
    if (m.page === view.page) return null;
    const n = m.page === undefined ? 1 : input.pageNumbers?.get(m.page);
    if (n === undefined) throw new Error(`view "${view.id}": ${m.id} is from page "${m.page}", whose number is not known`);
    return circled(n);
  };
  /** Where a figure is from when that is not the view's own page, and whether it is still a draft. */
  const provenance = (m: Metric): string | null => {
    const page = pageMark(m);
    if (page) return fill(m.draft ? say.fromPageDraft : say.fromPage, { page });
    return m.draft ? say.draftFigure : null;
  };
  /** A label or legend value, with the figure's page after it when that is not the view's own (森林覆盖率（专刊②）). */
  const withProvenance = (m: Metric, text: string): string => {
    const from = provenance(m);
    return from ? fill(say.withProvenance, { label: text, from }) : text;
  };
  const labelOf = (m: Metric): string => withProvenance(m, t(m.label));
  const fact = (b: Binding): FactLine => {
    const m = metricOf(input, b.metric, view.id);
    if (m.region !== b.region) throw new Error(`view "${view.id}": ${b.metric} is about ${m.region}, not ${b.region}`);
    return { metric: m.id, label: labelOf(m), value: formatFigure(m, lang) };
  };
  const countyCodes = new Set(counties.map((c) => c.properties.code));
  /** Figures of other pages drawn because they are of a layer's kind (src/views/kinds.ts), for the description and source. */
  const byKind: Metric[] = [];
  /**
   * A layer's bindings: its own, then every county figure of any page of the same kind (src/views/kinds.ts).
   * Two figures of one kind for one county are refused unless one restates the other: one quantity, drawn once.
   */
  const resolve = (own: Binding[], measure: string | undefined, where: string): Binding[] => {
    if (!measure) return own;
    const anchors = own.map((b) => metricOf(input, b.metric, view.id));
    const kind = layerKind(anchors, measure, `view "${view.id}" ${where}`);
    if (!kind || kind.time === null) return own;
    const out = [...own];
    const taken = new Map(anchors.map((m) => [m.region, m]));
    for (const m of input.metrics.values()) {
      if (taken.get(m.region)?.id === m.id || !countyCodes.has(m.region) || !matchesKind(m, kind) || notDrawable(m, kind)) continue;
      const other = taken.get(m.region);
      if (other)
        throw new Error(
          `view "${view.id}" ${where}: ${other.id} and ${m.id} are both “${kind.measure}” (${kind.time}) for ${m.region}: one restates the other (mark it \`restates\` in its figure notes) or their periods differ (correct the period)`,
        );
      taken.set(m.region, m);
      out.push({ region: m.region, metric: m.id });
      byKind.push(m);
    }
    return out;
  };

  const choro = view.layers.find((l): l is ChoroplethLayer => l.kind === 'choropleth');
  const state = choro ? (choro.states.find((s) => s.id === stateId) ?? choro.states[0]!) : null;
  if (choro && stateId && state?.id !== stateId) throw new Error(`view "${view.id}" has no state "${stateId}"`);

  const fills: Record<string, CountyFill> = {};
  const tooltips: CompiledView['tooltips'] = {};
  const drawn: Binding[] = [];
  for (const f of counties) {
    fills[f.properties.code] = { fill: PALETTE.county.hex, fillKey: 'county', status: 'plain' };
    tooltips[f.properties.code] = { name: countyName(f.properties.code), lines: [], note: null };
  }

  let choroplethLegend: CompiledView['legend']['choropleth'] = null;
  if (choro && state) {
    const ramp = RAMPS[choro.ramp];
    const scale = scaleThreshold<number, number>()
      .domain(choro.thresholds)
      .range(ramp.map((_, i) => i));
    for (const code of Object.keys(fills)) {
      fills[code] = { fill: PALETTE.notReported.hex, fillKey: 'notReported', status: 'not-reported' };
      tooltips[code]!.note = say.noFigure;
    }
    for (const b of resolve(state.bindings, state.measure, `state "${state.id}"`)) {
      const m = metricOf(input, b.metric, view.id);
      // d3's scale gives NaN no class (a crash below) and ±∞ an end class: neither is a figure.
      const v = pointValue(m);
      if (!Number.isFinite(v)) throw new Error(`view "${view.id}": ${m.id} is ${v}, not a number to colour by`);
      const i = scale(v);
      fills[b.region] = { fill: ramp[i]!.hex, fillKey: `${choro.ramp}-${i}`, status: 'value' };
      tooltips[b.region]!.note = null;
      drawn.push(b);
    }
    const ref = state.reference ? metricOf(input, state.reference, view.id) : null;
    choroplethLegend = {
      title: t(state.label),
      bins: binLabels(choro.thresholds).map((label, i) => ({ color: ramp[i]!.hex, label })),
      notReported: say.notReported,
      reference: ref ? { label: say.wholeCity, value: formatFigure(ref, lang), color: ramp[scale(pointValue(ref))]!.hex } : null,
    };
  }

  const symbols: CompiledSymbol[] = [];
  const symbolLegend: CompiledView['legend']['symbols'] = [];
  const sites: CompiledView['sites'] = [];
  let sitesLegend: CompiledView['legend']['sites'] = null;
  const precision: CompiledView['precision'] = [];
  let precisionLegend: CompiledView['legend']['precision'] = null;

  for (const layer of view.layers) {
    if (layer.kind === 'symbols') {
      for (const s of layer.series) {
        const max = metricOf(input, s.maxMetric, view.id);
        const r = scaleSqrt()
          .domain([0, pointValue(max)])
          .range([0, s.maxRadius]);
        const color = PALETTE[s.color as PaletteKey].hex;
        const bindings = resolve(s.bindings, s.measure, `series "${s.id}"`);
        for (const b of bindings) {
          const m = metricOf(input, b.metric, view.id);
          const f = counties.find((c) => c.properties.code === b.region)!;
          symbols.push({
            series: s.id,
            region: b.region,
            lonLat: f.properties.label,
            radius: Number(r(pointValue(m)).toFixed(2)),
            color,
            metric: m.id,
            value: formatFigure(m, lang),
            title: `${countyName(b.region)}${say.labelSeparator}${formatFigure(m, lang)}`,
          });
          drawn.push(b);
        }
        const legendMetrics = [max, ...bindings.map((b) => metricOf(input, b.metric, view.id))].filter(
          (m, i, a) => a.findIndex((x) => x.id === m.id) === i,
        );
        symbolLegend.push({
          label: t(s.label),
          color,
          circles: legendMetrics.map((m) => ({
            radius: Number(r(pointValue(m)).toFixed(2)),
            // Every circle says whose it is (the city's total, or the county it stands on) and,
            // for a figure from a later page, which page printed it.
            value: withProvenance(m, `${m.region === CITY_CODE ? say.cityTotal : `${countyName(m.region)} `}${formatFigure(m, lang)}`),
          })),
        });
      }
    } else if (layer.kind === 'sites') {
      const color = PALETTE[layer.color].hex;
      for (const b of resolve(layer.bindings, layer.measure, 'sites')) {
        const m = metricOf(input, b.metric, view.id);
        const f = counties.find((c) => c.properties.code === b.region)!;
        for (const p of placeSites(f.geometry, f.properties.label, pointValue(m))) sites.push({ region: b.region, lonLat: p, color });
        drawn.push(b);
      }
      drawn.push(...layer.extra);
      sitesLegend = { label: say.sitesLegend, color };
    } else if (layer.kind === 'county-precision') {
      const caption = input.captions.find((c) => c.id === layer.caption);
      if (!caption) throw new Error(`view "${view.id}": unknown caption ${layer.caption}`);
      const english = input.english?.[caption.id];
      const text = fill(say.precisionNote, {
        caption: lang === 'en' && english ? fillTemplate(english, 'en', input.metrics, caption.id) : caption.text,
        original: caption.text,
        county: countyName(layer.region),
      });
      precision.push({ region: layer.region, text });
      tooltips[layer.region]!.note = text;
      precisionLegend = { label: say.precisionLegend };
    }
  }

  for (const b of [...drawn, ...(view.facts ?? [])]) {
    const tip = tooltips[b.region];
    if (tip && !tip.lines.some((l) => l.metric === b.metric)) tip.lines.push(fact(b));
  }

  // A later page's county drawn by kind is framed too, and the title no longer names one county.
  const focus = view.focus.includes(CITY_CODE) ? view.focus : [...new Set([...view.focus, ...byKind.map((m) => m.region)])];
  const focusFeatures = focus.includes(CITY_CODE) ? counties : counties.filter((c) => focus.includes(c.properties.code));
  const [w, s, e, n] = turfBbox(featureCollection(focusFeatures));
  const laterPages = [...new Set(byKind.map((m) => pageMark(m)).filter((p) => p !== null))];
  /** The view's sentence, then what later pages report on the map (by kind) and, where it says so, that the other counties are not reported. */
  const describe = (): string => {
    const own = fillTemplate(t(view.description), lang, input.metrics, `view "${view.id}" description`);
    const list = byKind
      .map((m) =>
        fill(say.pageReports, { page: pageMark(m) ?? circled(1), county: placeName(m.region, lang), value: formatMetric(m, lang) }),
      )
      .join(say.listSeparator);
    if (view.othersUnreported) return `${own}${list ? fill(say.othersUnreportedWith, { list }) : say.othersUnreported}`;
    return list ? `${own}${fill(say.alsoReported, { list })}` : own;
  };
  const calloutLines = view.callout?.metrics.map((id) => fact({ region: metricOf(input, id, view.id).region, metric: id })) ?? [];
  const tableBindings = [...drawn, ...(view.facts ?? [])].filter((b, i, a) => a.findIndex((x) => x.metric === b.metric) === i);
  const refIds = choro ? choro.states.flatMap((s) => [...s.bindings.map((b) => b.metric), ...(s.reference ? [s.reference] : [])]) : [];
  const tableIds = [...new Set([...tableBindings.map((b) => b.metric), ...refIds, ...(view.callout?.metrics ?? [])])];

  return {
    id: view.id,
    lang,
    state: state?.id ?? null,
    states: choro ? choro.states.map((s) => ({ id: s.id, label: t(s.label) })) : [],
    title: t(byKind.length && view.seriesTitle ? view.seriesTitle : view.title),
    stateLabel: state ? t(state.label) : null,
    description: describe(),
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
    legend: {
      choropleth: choroplethLegend,
      symbols: symbolLegend,
      sites: sitesLegend,
      precision: precisionLegend,
      notes: view.notes.map(t),
    },
    callout: view.callout ? { title: t(view.callout.title), lines: calloutLines } : null,
    locator: view.locator ? compileLocator(locatorTopology(input, view.id), t(view.locator.caption), lang, CITY_CODE) : null,
    table: tableIds.map((id) => {
      const m = metricOf(input, id, view.id);
      return {
        region: m.region,
        place: placeName(m.region, lang),
        metric: id,
        label: labelOf(m),
        value: formatFigure(m, lang),
        quote: m.quote,
      };
    }),
  };
}
