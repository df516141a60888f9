/**
 * The map views that would draw a later page's figure: its page's own overview (a county figure
 * in its table and tooltips, a city figure in its callout), and every series view whose layer
 * names a measure the figure is the same kind of (src/views/kinds.ts), as compileView decides.
 */
import { CITY_CODE } from '../geo/divisions.ts';
import type { Metric } from '../schema/metrics.ts';
import { layerKind, matchesKind, notDrawable } from '../views/kinds.ts';
import type { Binding } from '../views/view-types.ts';
import { pageOverviewId, VIEWS } from '../views/views.ts';

/** Each series layer that names its measure: where it is, and the page-① figures it binds. */
function measuredLayers(): Array<{ view: string; measure: string; bindings: Binding[] }> {
  return VIEWS.flatMap((v) =>
    v.layers.flatMap((l) => {
      if (l.kind === 'choropleth')
        return l.states.flatMap((s) => (s.measure ? [{ view: `${v.id}-${s.id}`, measure: s.measure, bindings: s.bindings }] : []));
      if (l.kind === 'symbols')
        return l.series.flatMap((s) => (s.measure ? [{ view: v.id, measure: s.measure, bindings: s.bindings }] : []));
      if (l.kind === 'sites' && l.measure) return [{ view: v.id, measure: l.measure, bindings: l.bindings }];
      return [];
    }),
  );
}

/** View keys (view, or view-state) that draw `m`, a figure of page `page`; `firstPage` resolves page ①'s anchors. */
export function viewsDrawing(m: Metric, page: string, pageMetrics: Metric[], firstPage: Map<string, Metric>): string[] {
  const out: string[] = [];
  const own = pageMetrics.filter((x) => x.restates === null);
  const inOverview =
    m.restates === null &&
    (m.region === CITY_CODE
      ? own
          .filter((x) => x.region === CITY_CODE)
          .slice(0, 6)
          .includes(m)
      : true);
  if (inOverview) out.push(pageOverviewId(page));
  if (m.region === CITY_CODE) return out;
  for (const layer of measuredLayers()) {
    const anchors = layer.bindings.map((b) => firstPage.get(b.metric)).filter((x): x is Metric => x !== undefined);
    try {
      const kind = layerKind(anchors, layer.measure, layer.view);
      if (kind && matchesKind(m, kind) && !notDrawable(m, kind) && !out.includes(layer.view)) out.push(layer.view);
    } catch {
      // A layer whose own anchors disagree is the build's error to report, not this figure's.
    }
  }
  return out;
}
