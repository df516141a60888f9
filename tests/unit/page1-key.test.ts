/**
 * Page ①'s figures against the hand-kept key of their meaning (tests/fixtures/page1/key.json),
 * not against the generated file: a change in the pipeline that moves a figure's value, unit,
 * county, topic, period, qualifier or basis fails here until a person changes the key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAll } from '../../src/pipeline/generate.ts';

interface KeyRow {
  id: string;
  raw: string;
  value: number;
  unit: string;
  region: string;
  topic: string;
  period: string | null;
  qualifier: string | null;
  basis: unknown;
}
const key = (JSON.parse(readFileSync('tests/fixtures/page1/key.json', 'utf8')) as { figures: KeyRow[] }).figures;

describe('page ①’s figures as the hand-kept key says', () => {
  const { metrics } = buildAll(process.cwd());
  const byId = new Map(metrics.metrics.map((m) => [m.id, m]));

  it('has exactly the key’s 109 figures', () => {
    expect(key).toHaveLength(109);
    expect([...byId.keys()].sort()).toEqual(key.map((k) => k.id).sort());
  });

  for (const field of ['raw', 'value', 'unit', 'region', 'topic', 'period', 'qualifier', 'basis'] as const)
    it(`every figure’s ${field}`, () => {
      const wrong = key.filter((k) => JSON.stringify(byId.get(k.id)?.[field]) !== JSON.stringify(k[field]));
      expect(wrong.map((k) => `${k.id}: ${JSON.stringify(byId.get(k.id)?.[field])} ≠ ${JSON.stringify(k[field])}`)).toEqual([]);
    });
});
