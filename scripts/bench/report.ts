/**
 * The bench's output: one table of figures, budgets and pass/fail, and one JSON line per run
 * appended to bench/results.jsonl, this machine's history (git-ignored, so a run leaves the
 * checkout clean; CI prints its last lines when there are any).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';

export interface Figure {
  name: string;
  value: number | boolean;
  /** How the value prints (with its unit). */
  shown: string;
  budget: string;
  pass: boolean;
}

export function figure(name: string, value: number | boolean, shown: string, budget: string, pass: boolean): Figure {
  return { name, value, shown, budget, pass };
}

export function table(figures: Figure[]): string {
  const rows = [['Figure', 'Measured', 'Budget', ''], ...figures.map((f) => [f.name, f.shown, f.budget, f.pass ? 'pass' : 'FAIL'])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
  return [line(rows[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

export function appendResults(file: string, figures: Figure[], extra: Record<string, unknown>): void {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim() !== '';
  const line = {
    date: new Date().toISOString(),
    commit: `${commit}${dirty ? '+dirty' : ''}`,
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`,
    pass: figures.every((f) => f.pass),
    figures: Object.fromEntries(figures.map((f) => [f.name, { value: f.value, budget: f.budget, pass: f.pass }])),
    ...extra,
  };
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}
