/**
 * A choropleth layer in one state: each county's fill from its figure's class on the ramp (no
 * figure: hatched, "not reported"), the class key and the whole city's reference figure.
 */
import { scaleThreshold } from 'd3';
import { formatFigure, formatNumber, pointValue } from '../format.ts';
import { PALETTE, RAMPS } from '../palette.ts';
import type { Binding, ChoroplethLayer } from '../view-types.ts';
import type { ViewContext } from './context.ts';
import type { CompiledView, CountyFill } from './types.ts';

type State = ChoroplethLayer['states'][number];

/** Threshold labels: <1%, 1–5%, …, ≥30%. */
function binLabels(thresholds: number[]): string[] {
  const n = (x: number) => formatNumber(x, 'en');
  return [`<${n(thresholds[0]!)}%`, ...thresholds.slice(1).map((t, i) => `${n(thresholds[i]!)}–${n(t)}%`), `≥${n(thresholds.at(-1)!)}%`];
}

/** The state a view shows: the one asked for, else its first; one it does not have is an error. */
export function choroplethState(ctx: ViewContext, stateId: string | undefined): { layer: ChoroplethLayer; state: State } | null {
  const layer = ctx.view.layers.find((l): l is ChoroplethLayer => l.kind === 'choropleth');
  if (!layer) return null;
  const state = layer.states.find((s) => s.id === stateId) ?? layer.states[0]!;
  if (stateId && state.id !== stateId) throw new Error(`view "${ctx.view.id}" has no state "${stateId}"`);
  return { layer, state };
}

/** Fills the counties (and their tooltips' notes) in place; returns the legend and the bindings drawn. */
export function compileChoropleth(
  ctx: ViewContext,
  { layer, state }: { layer: ChoroplethLayer; state: State },
  fills: Record<string, CountyFill>,
  tooltips: CompiledView['tooltips'],
): { legend: NonNullable<CompiledView['legend']['choropleth']>; drawn: Binding[] } {
  const { say, metric } = ctx;
  const ramp = RAMPS[layer.ramp];
  const scale = scaleThreshold<number, number>()
    .domain(layer.thresholds)
    .range(ramp.map((_, i) => i));
  for (const code of Object.keys(fills)) {
    fills[code] = { fill: PALETTE.notReported.hex, fillKey: 'notReported', status: 'not-reported' };
    tooltips[code]!.note = say.noFigure;
  }
  const drawn: Binding[] = [];
  for (const b of ctx.resolve(state.bindings, state.measure, `state "${state.id}"`)) {
    const m = metric(b.metric);
    // d3's scale gives NaN no class (a crash below) and ±∞ an end class: neither is a figure.
    const v = pointValue(m);
    if (!Number.isFinite(v)) throw new Error(`view "${ctx.view.id}": ${m.id} is ${v}, not a number to colour by`);
    const i = scale(v);
    fills[b.region] = { fill: ramp[i]!.hex, fillKey: `${layer.ramp}-${i}`, status: 'value' };
    tooltips[b.region]!.note = null;
    drawn.push(b);
  }
  const ref = state.reference ? metric(state.reference) : null;
  return {
    legend: {
      title: ctx.t(state.label),
      bins: binLabels(layer.thresholds).map((label, i) => ({ color: ramp[i]!.hex, label })),
      notReported: say.notReported,
      reference: ref ? { label: say.wholeCity, value: formatFigure(ref, ctx.lang), color: ramp[scale(pointValue(ref))]!.hex } : null,
    },
    drawn,
  };
}
