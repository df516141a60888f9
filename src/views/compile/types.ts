/** What compileView makes of a view (every renderer reads it) and what it compiles from. */
import type { Lang } from '../../i18n/lang.ts';
import type { Caption } from '../../schema/edition.ts';
import type { ShanxiTopology } from '../../schema/locator.ts';
import type { Metric } from '../../schema/metrics.ts';
import type { GeoData } from '../geo-data.ts';
import type { CompiledLocator } from '../locator.ts';

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
