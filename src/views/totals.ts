import type { Metric } from '../schema/metrics.ts';
import { pointValue } from './format.ts';

type Summable = Pick<Metric, 'id' | 'unit' | 'value' | 'range' | 'restates' | 'partOf'>;

/**
 * The sum of figures, each quantity once: a restatement (4万名 of 40004人) is left out when what
 * it restates is summed too, and a part (17 townships of 19 love supermarkets) when its whole is.
 * Refuses mixed units and ranges (a range has no single value to add).
 */
export function sumMetrics(metrics: Summable[]): { total: number; counted: string[]; skipped: Array<{ id: string; why: string }> } {
  const ids = new Set(metrics.map((m) => m.id));
  const units = new Set(metrics.map((m) => m.unit));
  if (units.size > 1) throw new Error(`cannot add figures of different units: ${[...units].join(', ')}`);
  const counted: string[] = [];
  const skipped: Array<{ id: string; why: string }> = [];
  let total = 0;
  const restatedSeen = new Set<string>();
  for (const m of metrics) {
    const quantity = m.restates ?? m.id;
    if (m.restates && ids.has(m.restates)) skipped.push({ id: m.id, why: `restates ${m.restates}` });
    else if (m.partOf && ids.has(m.partOf)) skipped.push({ id: m.id, why: `part of ${m.partOf}` });
    else if (restatedSeen.has(quantity)) skipped.push({ id: m.id, why: `restates the same quantity as ${quantity}` });
    else {
      restatedSeen.add(quantity);
      total += pointValue(m);
      counted.push(m.id);
    }
  }
  return { total, counted, skipped };
}
