/**
 * Installs are exactly what package-lock.json pins (`npm ci`, README and .ci/run): the committed
 * lock must be the one npm itself writes for package.json, or a fresh clone's `npm install`
 * dirties the tree and `npm ci` refuses it. npm recomputes the lock in a scratch copy (no
 * node_modules, no scripts; from npm's cache where it can) and the test compares the bytes.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'lockfile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Package paths whose entry differs between two lock files (added, removed or changed). */
function changedEntries(a: string, b: string): string[] {
  const packages = (text: string) => (JSON.parse(text) as { packages: Record<string, unknown> }).packages;
  const [pa, pb] = [packages(a), packages(b)];
  return [...new Set([...Object.keys(pa), ...Object.keys(pb)])].filter((k) => JSON.stringify(pa[k]) !== JSON.stringify(pb[k]));
}

it('package-lock.json is the lock npm writes for package.json (a fresh install leaves it unchanged)', { timeout: 180_000 }, () => {
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, f), join(scratch, f));
  execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: scratch,
    stdio: 'pipe',
  });
  const committed = readFileSync(join(ROOT, 'package-lock.json'), 'utf8');
  const written = readFileSync(join(scratch, 'package-lock.json'), 'utf8');
  expect(changedEntries(committed, written), 'run `npm install` and commit package-lock.json as npm wrote it').toEqual([]);
  expect(written === committed, 'same entries, other bytes: commit package-lock.json as npm wrote it').toBe(true);
});
