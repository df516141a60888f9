/**
 * Vitest globalSetup of the browser project (vitest.config.ts), run once per test run before
 * any browser test file starts, only when one is queued:
 *
 * 1. builds the site (`npx astro build` → dist/). A failed build does not abort the run; its
 *    output is handed to the browser tests through `inject('siteBuildError')`, and
 *    `startServer()`/`nginxSite()` fail every browser test with it.
 * 2. starts one Chromium (`launchServer`) that every browser test file connects to
 *    (`launchBrowser()` in harness.ts) instead of starting its own: its address goes to the
 *    workers as `inject('browserWsEndpoint')`. Closed when the run ends.
 *
 * E2E_SKIP_BUILD=1 reuses an existing dist/ (for quick local re-runs). E2E_DIST=<dir> builds
 * into (and tests) that folder instead of dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Null when `astro build` succeeded; otherwise the tail of its output. */
    siteBuildError: string | null;
    /** The shared Chromium's WebSocket address, or null when it could not start (then `browserError`). */
    browserWsEndpoint: string | null;
    browserError: string | null;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // This run's failures only (failure-record.ts writes them; .ci/run prints the folder).
  rmSync(join(ROOT, 'test-results', 'failures'), { recursive: true, force: true });
  // Chromium starts while the site builds.
  const browser = launchChromiumServer();
  browser.catch(() => {});
  project.provide('siteBuildError', build());
  // A missing Chromium fails the browser tests (with this message), not the unit tests.
  try {
    const server = await browser;
    project.provide('browserWsEndpoint', server.wsEndpoint());
    project.provide('browserError', null);
    return () => server.close();
  } catch (error) {
    project.provide('browserWsEndpoint', null);
    project.provide('browserError', error instanceof Error ? error.message : String(error));
    return async () => {};
  }
}

/** Builds the site; null when it succeeded, else the tail of astro's output. */
function build(): string | null {
  const outDir = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(outDir, 'index.html'))) return null;
  const started = Date.now();
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PREVIEW: '1', ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status === 0) {
    console.log(`[e2e] astro build → ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return null;
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
  return message;
}
