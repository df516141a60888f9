/**
 * What every layer of one view compiles with, made once per view, language and input: the
 * language's strings, the counties and their names, figures by id, where a figure is from (专刊②)
 * and a layer's bindings widened to every page's county figure of its kind (src/views/kinds.ts).
 * The layer modules beside this one (choropleth, symbols, sites, precision) read it.
 */
import { circled } from '../../schema/edition.ts';
import type { Metric } from '../../schema/metrics.ts';
import type { Lang, Text } from '../../i18n/lang.ts';
import type { Dictionary } from '../../i18n/dictionary.ts';
import { fill, strings } from '../../i18n/strings.ts';
import { formatFigure, formatMetric } from '../format.ts';
import type { GeoData } from '../geo-data.ts';
import { layerKind, matchesKind, notDrawable } from '../kinds.ts';
import type { Binding, ViewSpec } from '../view-types.ts';
import type { CompileInput, FactLine } from './types.ts';

/** Replaces {{metric-id}} with the formatted figure; an unknown id is an error, not a blank. */
export function fillTemplate(text: string, lang: Lang, metrics: Map<string, Metric>, where: string): string {
  return text.replace(/\{\{([a-z0-9-]+)\}\}/g, (_, id: string) => {
    const m = metrics.get(id);
    if (!m) throw new Error(`${where}: unknown metric id "${id}"`);
    return formatMetric(m, lang);
  });
}

export interface ViewContext {
  view: ViewSpec;
  input: CompileInput;
  lang: Lang;
  /** The map section of the language's dictionary. */
  say: Dictionary['map'];
  /** A text in the view's language. */
  t(x: Text): string;
  counties: GeoData['counties']['features'];
  countyName(code: string): string;
  /** A figure by id; an unknown id names the view. */
  metric(id: string): Metric;
  /** The page a figure comes from when it is not the view's own (专刊②), else null. */
  pageMark(m: Metric): string | null;
  /** A label or legend value, with the figure's page after it when that is not the view's own (森林覆盖率（专刊②）). */
  withProvenance(m: Metric, text: string): string;
  /** The figure's label, with its provenance. */
  labelOf(m: Metric): string;
  /** A tooltip or callout line of a binding (the figure must be about the binding's region). */
  fact(b: Binding): FactLine;
  /**
   * A layer's bindings: its own, then every county figure of any page of the same kind. Two
   * figures of one kind for one county are refused unless one restates the other: one
   * quantity, drawn once. The figures added are kept in `byKind`, in the order found.
   */
  resolve(own: Binding[], measure: string | undefined, where: string): Binding[];
  /** Figures of other pages drawn because they are of a layer's kind, for the description, source and focus. */
  byKind: Metric[];
}

export function viewContext(view: ViewSpec, input: CompileInput, lang: Lang): ViewContext {
  const t = (x: Text) => x[lang];
  const say = strings(lang).map;
  const counties = input.geo.counties.features;
  const countyCodes = new Set(counties.map((c) => c.properties.code));
  const byKind: Metric[] = [];
  const countyName = (code: string) => {
    const f = counties.find((c) => c.properties.code === code);
    if (!f) throw new Error(`view "${view.id}": no county ${code} in the geography`);
    return lang === 'zh' ? f.properties.zh : f.properties.en;
  };
  const metric = (id: string): Metric => {
    const m = input.metrics.get(id);
    if (!m) throw new Error(`view "${view.id}" names unknown metric "${id}"`);
    return m;
  };
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
  const withProvenance = (m: Metric, text: string): string => {
    const from = provenance(m);
    return from ? fill(say.withProvenance, { label: text, from }) : text;
  };
  const labelOf = (m: Metric): string => withProvenance(m, t(m.label));
  const fact = (b: Binding): FactLine => {
    const m = metric(b.metric);
    if (m.region !== b.region) throw new Error(`view "${view.id}": ${b.metric} is about ${m.region}, not ${b.region}`);
    return { metric: m.id, label: labelOf(m), value: formatFigure(m, lang) };
  };
  const resolve = (own: Binding[], measure: string | undefined, where: string): Binding[] => {
    if (!measure) return own;
    const anchors = own.map((b) => metric(b.metric));
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
  return { view, input, lang, say, t, counties, countyName, metric, pageMark, withProvenance, labelOf, fact, resolve, byKind };
}
