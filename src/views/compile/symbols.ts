/**
 * A symbols layer: per series, a circle on each county's label point, its area proportional to
 * the figure (the series' largest figure gets maxRadius), and a legend of the circles drawn, each
 * saying whose it is.
 */
import { scaleSqrt } from 'd3';
import { CITY_CODE } from '../../geo/divisions.ts';
import { formatFigure, pointValue } from '../format.ts';
import { PALETTE, type PaletteKey } from '../palette.ts';
import type { Binding, SymbolLayer } from '../view-types.ts';
import type { ViewContext } from './context.ts';
import type { CompiledSymbol, CompiledView } from './types.ts';

export function compileSymbols(
  ctx: ViewContext,
  layer: SymbolLayer,
): { symbols: CompiledSymbol[]; legend: CompiledView['legend']['symbols']; drawn: Binding[] } {
  const { say, metric, countyName, lang } = ctx;
  const symbols: CompiledSymbol[] = [];
  const legend: CompiledView['legend']['symbols'] = [];
  const drawn: Binding[] = [];
  for (const s of layer.series) {
    const max = metric(s.maxMetric);
    const r = scaleSqrt()
      .domain([0, pointValue(max)])
      .range([0, s.maxRadius]);
    const color = PALETTE[s.color as PaletteKey].hex;
    const bindings = ctx.resolve(s.bindings, s.measure, `series "${s.id}"`);
    for (const b of bindings) {
      const m = metric(b.metric);
      const f = ctx.counties.find((c) => c.properties.code === b.region)!;
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
    const legendMetrics = [max, ...bindings.map((b) => metric(b.metric))].filter((m, i, a) => a.findIndex((x) => x.id === m.id) === i);
    legend.push({
      label: ctx.t(s.label),
      color,
      circles: legendMetrics.map((m) => ({
        radius: Number(r(pointValue(m)).toFixed(2)),
        // Every circle says whose it is (the city's total, or the county it stands on) and,
        // for a figure from a later page, which page printed it.
        value: ctx.withProvenance(m, `${m.region === CITY_CODE ? say.cityTotal : `${countyName(m.region)} `}${formatFigure(m, lang)}`),
      })),
    });
  }
  return { symbols, legend, drawn };
}
