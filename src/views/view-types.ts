import type { PaletteKey, RampKey } from './palette.ts';
import type { Text } from '../i18n/lang.ts';

/** A figure of metrics.json drawn on one county. */
export interface Binding {
  region: string;
  metric: string;
}

/** Counties coloured by a value, in one or more states (before / after). */
export interface ChoroplethLayer {
  kind: 'choropleth';
  ramp: RampKey;
  /** Class breaks; ramp has one more colour than breaks. */
  thresholds: number[];
  states: Array<{
    id: string;
    label: Text;
    bindings: Binding[];
    /** The measure as printed (森林覆盖率): any page's county figure of the bindings' kind fills its county too (src/views/kinds.ts). */
    measure?: string;
    /** The city's figure for the same state, shown in the legend as a reference. */
    reference?: string;
  }>;
}

/** Proportional symbols (area ∝ value), one series per unit: series never share a size scale. */
export interface SymbolLayer {
  kind: 'symbols';
  series: Array<{
    id: string;
    label: Text;
    color: PaletteKey;
    bindings: Binding[];
    /** The measure as printed: any page's county figure of the bindings' kind is drawn too (src/views/kinds.ts). */
    measure?: string;
    /** Largest radius in px and the value it stands for (a city total, when one is printed). */
    maxRadius: number;
    maxMetric: string;
  }>;
}

/** One dot per counted site, placed deterministically inside its county: schematic, not a location. */
export interface SitesLayer {
  kind: 'sites';
  color: PaletteKey;
  bindings: Binding[];
  /** The measure as printed: any page's county figure of the bindings' kind is drawn too (src/views/kinds.ts). */
  measure?: string;
  /** Figures shown beside the dots (people, households moved). */
  extra: Binding[];
}

/** Something the edition locates only to a county: the county is outlined, no point is claimed. */
export interface CountyPrecisionLayer {
  kind: 'county-precision';
  region: string;
  /** Caption id in edition.json. */
  caption: string;
}

export type Layer = ChoroplethLayer | SymbolLayer | SitesLayer | CountyPrecisionLayer;

export interface ViewSpec {
  id: string;
  /** The page of the series whose figures the view describes (its name); absent: page ①, and a map of the whole series. */
  page?: string;
  title: Text;
  /** The title once figures of other counties from later pages are drawn (the title names one county). */
  seriesTitle?: Text;
  /** One sentence for screen readers; {{metric-id}} is replaced by the formatted figure. */
  description: Text;
  /** The description ends saying the other counties are not reported (added by compileView, with what later pages report). */
  othersUnreported?: boolean;
  /** Regions the camera frames (county codes, or 141100 for the whole city). */
  focus: string[];
  /** Counties outlined as the subject of the view. */
  highlight: string[];
  layers: Layer[];
  callout?: { title: Text; metrics: string[] };
  /** Figures for a county that no layer draws, shown in its tooltip and the data table. */
  facts?: Binding[];
  notes: Text[];
  source: Text;
  /** A locator inset (where the city lies in its province, src/views/locator.ts), with the line that places the province. */
  locator?: { caption: Text };
}
