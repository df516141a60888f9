/**
 * Setup file of the browser project (vitest.config.ts): when a browser test fails, every page
 * it still has open leaves what a person needs to see why, in
 * test-results/failures/<test file>/<test name>/page-<n>/ (`.ci/run` prints the folder):
 * - screenshot.png, the viewport as the test left it;
 * - console.txt, every console message, page error and failed or foreign request;
 * - state.json, the URL, viewport, scroll position, the map panel's data-* state, the active
 *   step and the legend block shown;
 * - page.html, the document as it stood.
 * A page a test closed before failing (in a `finally`) is gone by then; keep pages open in hooks
 * where a failure needs them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { FAILURES, openProbes, ROOT, type PageProbe } from './harness.ts';

/** A file or folder name from a test's name (vitest joins describe blocks with ' > '). */
const slug = (s: string) =>
  s
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);

async function record(probe: PageProbe, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const { page } = probe;
  const lines = [
    ...probe.consoleLog,
    ...probe.pageErrors.map((e) => `pageerror: ${e}`),
    ...probe.failedRequests.map((r) => `failed request: ${r}`),
    ...probe.foreignRequests.map((r) => `foreign request: ${r}`),
  ];
  writeFileSync(join(dir, 'console.txt'), `${lines.join('\n')}\n`);
  // Each part on its own: a page that hangs or crashed still leaves what it can.
  const attempt = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      writeFileSync(join(dir, `${what}.error.txt`), String(error instanceof Error ? error.stack : error));
    }
  };
  await attempt('screenshot', async () => void (await page.screenshot({ path: join(dir, 'screenshot.png'), timeout: 10_000 })));
  await attempt('state', async () => {
    const state = await page.evaluate(() => {
      const panel = document.querySelector<HTMLElement>('#story-map, .embed-map');
      return {
        url: location.href,
        readyState: document.readyState,
        viewport: { width: innerWidth, height: innerHeight, devicePixelRatio },
        scroll: { x: scrollX, y: scrollY, height: document.scrollingElement?.scrollHeight ?? 0 },
        panel: panel ? { ...panel.dataset } : null,
        activeStep: document.querySelector<HTMLElement>('.step.is-active')?.dataset ?? null,
        shownBlocks: [...document.querySelectorAll<HTMLElement>('.map-chrome[data-key]:not([hidden])')].map((b) => b.dataset.key),
        performanceMarks: performance.getEntriesByType('mark').map((m) => `${m.name} @${Math.round(m.startTime)} ms`),
      };
    });
    writeFileSync(join(dir, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
  });
  await attempt('page', async () => writeFileSync(join(dir, 'page.html'), await page.content()));
}

afterEach(async ({ task }) => {
  // A page of an earlier file that never closed its own went with that file's browser connection.
  for (const probe of openProbes) if (probe.page.isClosed()) openProbes.delete(probe);
  if (task.result?.state !== 'fail' || openProbes.size === 0) return;
  const names: string[] = [];
  for (let t: { name: string; suite?: unknown } | undefined = task; t; t = t.suite as typeof t) if (t.name) names.unshift(t.name);
  const dir = join(FAILURES, slug(relative(ROOT, task.file.filepath)), slug(names.slice(1).join(' > ') || task.name));
  let n = 0;
  for (const probe of openProbes) await record(probe, join(dir, `page-${++n}`));
  console.error(`[e2e] failure record: ${relative(ROOT, dir)}/`);
});
