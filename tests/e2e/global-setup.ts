/**
 * Vitest globalSetup: builds the site once per test run (`npx astro build` → dist/), before
 * any test file starts. A failed build does not abort the unit tests; its output is handed
 * to the browser tests through `inject('siteBuildError')`, and `startServer()` fails every
 * browser test with it.
 *
 * E2E_SKIP_BUILD=1 reuses an existing dist/ (for quick local re-runs). E2E_DIST=<dir> builds
 * into (and tests) that folder instead of dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Null when `astro build` succeeded; otherwise the tail of its output. */
    siteBuildError: string | null;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

export default function setup(project: TestProject): void {
  const outDir = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(outDir, 'index.html'))) {
    project.provide('siteBuildError', null);
    return;
  }
  const started = Date.now();
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PREVIEW: '1', ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status === 0) {
    console.log(`[e2e] astro build → ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    project.provide('siteBuildError', null);
    return;
  }
  const output = stripAnsi(`${result.stdout ?? ''}\n${result.stderr ?? ''}`).trim();
  // Astro's stack frames point into dist/.prerender/ and only bury the message: drop them.
  const tail = output
    .split('\n')
    .filter((line) => !/^\s+at\s/.test(line) && !/^\s*Stack trace:\s*$/.test(line))
    .slice(-40)
    .join('\n');
  const why = result.error ? String(result.error) : `exit status ${result.status ?? result.signal}`;
  const message = `\`astro build\` failed (${why}); the browser tests cannot run:\n${tail}`;
  console.error('[e2e] `astro build` failed; every browser test will fail with its output.');
  project.provide('siteBuildError', message);
}
