/**
 * Prints the last runs of bench/results.jsonl, this machine's own history of `npm run bench`
 * (git-ignored: a run never dirties the checkout). CI runs this after the tests and never fails
 * on it: in a fresh clone there is no history, and it says so. One line per run: date, commit,
 * and every figure that missed its budget, then the latest run's figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE = join(fileURLToPath(new URL('../..', import.meta.url)), 'bench', 'results.jsonl');
const LAST = Number(process.argv[2] ?? 5);

interface Run {
  date: string;
  commit: string;
  machine: string;
  pass: boolean;
  figures: Record<string, { value: number | boolean; budget: string; pass: boolean }>;
}

if (!existsSync(FILE)) {
  console.log('bench: no runs on this machine (npm run bench appends to bench/results.jsonl, git-ignored; figures: docs/performance.md).');
} else {
  const runs = readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Run)
    .slice(-LAST);
  console.log(`bench: last ${runs.length} run(s) of npm run bench (bench/results.jsonl on this machine; not checked in CI):`);
  for (const r of runs) {
    const missed = Object.entries(r.figures).filter(([, f]) => !f.pass);
    console.log(`  ${r.date.slice(0, 16)} ${r.commit} ${r.machine}: ${r.pass ? 'all within budget' : `over budget: ${missed.map(([n, f]) => `${n} = ${f.value} (${f.budget})`).join('; ')}`}`);
  }
  const latest = runs.at(-1);
  if (latest) for (const [name, f] of Object.entries(latest.figures)) console.log(`    ${f.pass ? 'pass' : 'FAIL'}  ${name}: ${f.value} (budget ${f.budget})`);
}
