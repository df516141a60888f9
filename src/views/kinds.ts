/**
 * What makes two figures the same measure, so that a county's figure from any page of the series
 * fills its place on a map drawn for page ①'s figure (docs/adding-a-page.md, "Maps across pages").
 *
 * A map layer (a choropleth state, a symbol series, the sites layer) names its measure as printed
 * (`measure: '森林覆盖率'`); the rest of its kind is read from the page-① figure it binds (its
 * anchor), so the kind is never written twice. Another figure is of the same kind when all of these
 * hold:
 * - its zh label and its quoted clause both name the measure (the clause itself says what it counts);
 * - the same topic, unit, counted thing (`counted.zh`) and basis (per person/household/village,
 *   per month/year): 1万元 a year per person is not 1万元 in all;
 * - the same time, and a time that is printed: `asOf` where the text dates the figure (2016,
 *   2019-12-31), else the period in words as `periodEn` reads it (目前 and 截至目前 are both “to
 *   date”: pages of one edition are printed on the same day), else the period as printed. A figure
 *   the text gives no time (undated, or the undated “before” of a change) takes no other figure's
 *   place and fills nothing by kind: nothing says the times agree.
 * A figure drawn by kind must also be one exact value (no 余/多/近/以上, no range: a class or a circle
 * would claim more than the clause), on a county of the city, and not a restatement (`restates`: the
 * quantity is drawn once, from the figure it restates).
 */
import type { Basis, Metric } from '../schema/metrics.ts';

export interface MetricKind {
  measure: string;
  topic: string;
  unit: Metric['unit'];
  counted: string | null;
  basis: Basis | null;
  /** asOf, else the period as printed; null when the text gives the figure no time. */
  time: string | null;
}

/**
 * The time a figure is for, comparable across pages: its date, else its period as printed (目前),
 * never its English rendering, which an editor may word for one figure alone; null when none.
 */
export function timeOf(m: Pick<Metric, 'asOf' | 'period'>): string | null {
  return m.asOf ?? m.period ?? null;
}

const namesMeasure = (m: Pick<Metric, 'label' | 'quote'>, measure: string) => m.label.zh.includes(measure) && m.quote.includes(measure);

const sameBasis = (a: Basis | null, b: Basis | null) => (a === null || b === null ? a === b : a.per === b.per && a.every === b.every);

/** The kind of the figure a layer binds on page ①; refuses an anchor that does not name the measure. */
export function kindOf(anchor: Metric, measure: string, where: string): MetricKind {
  if (!namesMeasure(anchor, measure))
    throw new Error(
      `${where}: ${anchor.id} is bound as “${measure}”, but its label (${anchor.label.zh}) or clause (${anchor.quote}) does not name it`,
    );
  return {
    measure,
    topic: anchor.topic,
    unit: anchor.unit,
    counted: anchor.counted?.zh ?? null,
    basis: anchor.basis,
    time: timeOf(anchor),
  };
}

/** The kind of every anchor of one layer: they must agree, or the layer draws two measures. */
export function layerKind(anchors: Metric[], measure: string, where: string): MetricKind | null {
  const kinds = anchors.map((a) => kindOf(a, measure, where));
  if (!kinds.length) return null;
  for (const [i, k] of kinds.entries())
    if (!sameKind(k, kinds[0]!))
      throw new Error(`${where}: ${anchors[i]!.id} and ${anchors[0]!.id} are bound together but are not the same kind`);
  return kinds[0]!;
}

function sameKind(a: MetricKind, b: MetricKind): boolean {
  return (
    a.measure === b.measure &&
    a.topic === b.topic &&
    a.unit === b.unit &&
    a.counted === b.counted &&
    sameBasis(a.basis, b.basis) &&
    a.time === b.time
  );
}

/** Whether the figure is of this kind (the measure named in its label and clause, the same topic, unit, counted, basis and time). */
export function matchesKind(m: Metric, kind: MetricKind): boolean {
  return (
    namesMeasure(m, kind.measure) &&
    m.topic === kind.topic &&
    m.unit === kind.unit &&
    (m.counted?.zh ?? null) === kind.counted &&
    sameBasis(m.basis, kind.basis) &&
    timeOf(m) === kind.time
  );
}

/** Why a figure of the right kind may still not be drawn by kind, or null when it may. */
export function notDrawable(m: Metric, kind: MetricKind): string | null {
  if (kind.time === null) return 'the text gives the map’s figure no time';
  if (m.restates !== null) return `it restates ${m.restates}`;
  if (m.value === null || m.range !== null) return 'it is a range';
  if (m.qualifier !== null) return `it is qualified (${m.qualifier})`;
  return null;
}
