/**
 * npm run bench — the timing and size budgets, on this machine, printed as a table.
 *
 * 1. Builds the site into a private folder (timed), adds the text-only baselines and a host page.
 * 2. Serves it with nginx and the headers of public/_headers (scripts/lib/nginx.ts), gzip on, over
 *    HTTPS with HTTP/2 as a production host serves it (a self-signed certificate for the run).
 *    Over plain HTTP/1.1 Lighthouse's simulation would add a new TCP connection, with its own
 *    round trips, for every parallel request — a cost no reader of an HTTPS news site pays.
 * 3. Lighthouse (mobile, default simulated throttling) on /, /en/ and /embed/pv/: the four
 *    category scores.
 * 4. The story against its text-only baseline, alternately, LH_RUNS times each, Lighthouse
 *    performance only: median LCP (ratio), CLS, TBT (reported: its budget is the applied figure of step 5).
 * 5. The phone with applied throttling (phone.ts: CPU 4×, 1.6 Mbps / 150 ms RTT, 390 × 844; the
 *    machine's BenchmarkIndex unthrottled and at 4×, printed under the table), RUNS
 *    alternating visits of the story and its text-only copy: LCP ratio, TBT before the first
 *    input, the slowest tap of each visit while the live map starts (median, and the slowest visit), the time from the
 *    first input to the live map drawn (medians). Beside Lighthouse's simulated figures.
 * 6. Bytes in Chromium (bytes.ts).
 * 7. Scale: the same project with a synthetic edition 20× the size, built in a temp copy; build
 *    time and page weight ratios (each built once from a cold start: the whole bench ends within
 *    BENCH_BUDGET_S, itself a figure).
 * Prints the table, appends a line to bench/results.jsonl (git-ignored: this machine's history),
 * exits 1 if a budget is missed.
 * Timing figures depend on the machine: CI does not run this (see .ci/run).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNginx } from '../lib/nginx.ts';
import { writeBaseline } from './baseline.ts';
import { build, bytesUnder, copyProject, ROOT } from './build.ts';
import { HOST_PAGE, measureBytes } from './bytes.ts';
import { cpuIndex, measurePhone, median as medianOf, THROTTLE } from './phone.ts';
import { startLighthouse, type LighthouseRun } from './lighthouse.ts';
import { appendResults, figure, table, type Figure } from './report.ts';
import { scaleProject } from './scale.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Lighthouse's story / text-only pairs per language (each ~10 s): fewer than the phone's visits, so that the bench ends within BENCH_BUDGET_S. */
const LH_RUNS = Number(process.env.BENCH_LH_RUNS ?? 3);
/** The whole bench, on a quiet machine (issue 24). */
const BENCH_BUDGET_S = 300;
const SCALE = 20;
const KB = 1024;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

async function main() {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  const figures: Figure[] = [];
  const extra: Record<string, unknown> = {};
  let cpu: Awaited<ReturnType<typeof cpuIndex>> | undefined;
  try {
    // 1. The site (copy of the work tree, so that the 1× and 20× builds are timed alike).
    log('building the site (1×) …');
    const one = copyProject('1x');
    const site = join(work, 'site');
    // Once, from a cold start (a fresh copy has no content cache); the 20× build below likewise.
    const oneBuild = build(one, site).seconds;
    // Weighed before the bench adds its own pages to the folder.
    const oneHtml = bytesUnder(site, /\.html$/);
    const oneStory = statSync(join(site, 'index.html')).size;
    const baselines = { zh: writeBaseline(site, '', 'bench/baseline'), en: writeBaseline(site, 'en', 'en/bench/baseline') };
    mkdirSync(join(site, 'bench-host'), { recursive: true });
    writeFileSync(join(site, 'bench-host', 'index.html'), HOST_PAGE);

    const server = await startNginx(site, { tls: true });
    log(`serving ${site} at ${server.origin} (nginx, HTTP/2, _headers, gzip)`);
    const lh = await startLighthouse();
    try {
      // 3. Scores.
      for (const path of ['/', '/en/', '/embed/pv/']) {
        log(`lighthouse ${path} …`);
        const r = await lh.run(server.url(path));
        extra[`lighthouse ${path}`] = { ...r.scores, lcpMs: Math.round(r.lcpMs), tbtMs: Math.round(r.tbtMs), cls: r.cls, failing: r.failing };
        if (r.failing.length) log(`  below 100: ${r.failing.join('; ')}`);
        figures.push(figure(`Lighthouse ${path} performance`, r.scores.performance!, String(r.scores.performance), '≥ 95', r.scores.performance! >= 95));
        for (const c of ['accessibility', 'best-practices', 'seo'])
          figures.push(figure(`Lighthouse ${path} ${c}`, r.scores[c]!, String(r.scores[c]), '100', r.scores[c] === 100));
      }
      // 4. Story vs text-only baseline, alternately.
      for (const [lang, path] of [['zh', '/'], ['en', '/en/']] as const) {
        const story: LighthouseRun[] = [];
        const base: LighthouseRun[] = [];
        for (let i = 0; i < LH_RUNS; i++) {
          log(`LCP ${path} run ${i + 1}/${LH_RUNS} (story, then baseline) …`);
          story.push(await lh.run(server.url(path), ['performance']));
          base.push(await lh.run(server.url(baselines[lang]), ['performance']));
        }
        const lcp = median(story.map((r) => r.lcpMs));
        const lcpBase = median(base.map((r) => r.lcpMs));
        const ratio = lcp / lcpBase;
        const cls = median(story.map((r) => r.cls));
        const tbt = median(story.map((r) => r.tbtMs));
        extra[`runs ${path}`] = { storyLcpMs: story.map((r) => Math.round(r.lcpMs)), baselineLcpMs: base.map((r) => Math.round(r.lcpMs)), tbtMs: story.map((r) => Math.round(r.tbtMs)), cls: story.map((r) => r.cls) };
        figures.push(figure(`LCP ${path} ÷ text-only baseline`, Number(ratio.toFixed(3)), `${ratio.toFixed(2)} (${Math.round(lcp)} / ${Math.round(lcpBase)} ms)`, '≤ 1.15', ratio <= 1.15));
        figures.push(figure(`CLS ${path}`, cls, cls.toFixed(3), '≤ 0.01', cls <= 0.01));
        // Reported, not budgeted: Lighthouse's simulation scales the map code's evaluation at idle,
        // observed unthrottled while the main thread waits for V8's background compile to catch up,
        // into a ~120 ms task that the applied-throttling phone does not have (no long task once
        // the code has arrived). Its budget is the applied figure, "TBT … before the first input"
        // (docs/performance.md, "Lighthouse's TBT").
        figures.push(figure(`TBT ${path} (Lighthouse's simulation)`, Math.round(tbt), `${Math.round(tbt)} ms`, 'reported; budget: the applied TBT', true));
      }
    } finally {
      await lh.close();
    }

    // 5. The phone, applied throttling, and which phone that is on this machine.
    cpu = extra.benchmarkIndex = await cpuIndex();
    for (const [lang, path] of [['zh', '/'], ['en', '/en/']] as const) {
      const p = await measurePhone(server.url(path), server.url(baselines[lang]), RUNS, log);
      const lcp = medianOf(p.story.map((r) => r.lcpMs));
      const lcpBase = medianOf(p.baseline.map((r) => r.lcpMs));
      const ratio = lcp / lcpBase;
      const tbt = medianOf(p.story.map((r) => r.tbtMs));
      const waits = p.story.map((r) => r.maxInputDelayMs);
      const wait = medianOf(waits);
      const worstWait = Math.max(...waits);
      const drawn = medianOf(p.story.map((r) => r.mapDrawnMs));
      const longest = p.story.map((r) => Math.round(r.longestTaskMs));
      const tag = `phone ${path} (CPU ${THROTTLE.cpu}×, ${THROTTLE.downKbps / 1000} Mbps, ${THROTTLE.rttMs} ms)`;
      extra[`phone ${path}`] = { story: p.story, baseline: p.baseline.map((r) => Math.round(r.lcpMs)) };
      figures.push(figure(`LCP ${tag} ÷ text-only`, Number(ratio.toFixed(3)), `${ratio.toFixed(2)} (${Math.round(lcp)} / ${Math.round(lcpBase)} ms)`, '≤ 1.10', ratio <= 1.1));
      figures.push(figure(`TBT ${tag}, before the first input`, Math.round(tbt), `${Math.round(tbt)} ms (runs: ${p.story.map((r) => Math.round(r.tbtMs)).join(', ')})`, '≤ 30 ms', tbt <= 30));
      figures.push(figure(`Slowest tap per visit, first input → live map, ${tag}: median`, Math.round(wait), `${Math.round(wait)} ms (runs: ${waits.map(Math.round).join(', ')})`, '≤ 200 ms', wait <= 200));
      figures.push(figure(`Slowest tap per visit, first input → live map, ${tag}: slowest visit`, Math.round(worstWait), `${Math.round(worstWait)} ms`, '≤ 250 ms', worstWait <= 250));
      figures.push(figure(`Live map drawn after the first input, ${tag}`, Math.round(drawn), `${Math.round(drawn)} ms (longest task per run: ${longest.join(', ')} ms)`, '≤ 1200 ms', drawn <= 1200));
    }

    // 6. Bytes.
    log('bytes in Chromium …');
    const bytes = await measureBytes(server.origin);
    await server.close();
    extra.bytes = bytes;
    figures.push(figure('JS before the map is needed (gzip)', bytes.jsBeforeMap, `${(bytes.jsBeforeMap / KB).toFixed(1)} KB (${bytes.jsFiles.length} files)`, '≤ 25 KB', bytes.jsBeforeMap <= 25 * KB));
    figures.push(figure('First screen, everything transferred (gzip)', bytes.firstScreen, `${(bytes.firstScreen / KB).toFixed(1)} KB (${bytes.firstScreenRequests} requests)`, '≤ 200 KB', bytes.firstScreen <= 200 * KB));
    figures.push(figure('Map library only when the map is near', bytes.mapLoadsWhenNear, bytes.mapLoadsWhenNear ? 'yes' : 'no', 'yes', bytes.mapLoadsWhenNear));
    figures.push(figure('Geography + data the map loads (gzip)', bytes.mapData, `${(bytes.mapData / KB).toFixed(1)} KB (${bytes.mapDataFiles.join(', ')})`, '≤ 80 KB', bytes.mapData <= 80 * KB));

    // 7. Scale.
    log(`scale: a synthetic edition ${SCALE}× …`);
    const big = copyProject(`x${SCALE}`);
    scaleProject(big, SCALE);
    const bigSite = join(work, `site-x${SCALE}`);
    const bigBuild = build(big, bigSite).seconds;
    const timeRatio = bigBuild / oneBuild;
    const bigHtml = bytesUnder(bigSite, /\.html$/);
    const bigStory = statSync(join(bigSite, 'index.html')).size;
    const weightRatio = bigHtml / oneHtml;
    const storyRatio = bigStory / oneStory;
    extra.scale = { factor: SCALE, buildSeconds: [Number(oneBuild.toFixed(2)), Number(bigBuild.toFixed(2))], storyHtmlBytes: [oneStory, bigStory], htmlBytes: [oneHtml, bigHtml] };
    figures.push(figure(`Build time ${SCALE}× ÷ 1×`, Number(timeRatio.toFixed(2)), `${timeRatio.toFixed(2)} (${bigBuild.toFixed(1)} / ${oneBuild.toFixed(1)} s)`, `≤ ${SCALE}`, timeRatio <= SCALE));
    figures.push(figure(`Page weight ${SCALE}× ÷ 1× (all HTML)`, Number(weightRatio.toFixed(2)), `${weightRatio.toFixed(2)} (${(bigHtml / KB / KB).toFixed(1)} / ${(oneHtml / KB / KB).toFixed(1)} MB)`, `≤ ${SCALE}`, weightRatio <= SCALE));
    figures.push(figure(`Story page weight ${SCALE}× ÷ 1×`, Number(storyRatio.toFixed(2)), `${storyRatio.toFixed(2)} (${(bigStory / KB).toFixed(0)} / ${(oneStory / KB).toFixed(0)} KB)`, `≤ ${SCALE}`, storyRatio <= SCALE));
    rmSync(big, { recursive: true, force: true });
    rmSync(one, { recursive: true, force: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const seconds = (Date.now() - started) / 1000;
  figures.push(figure('The bench itself, start to end', Math.round(seconds), `${Math.round(seconds)} s (${RUNS} phone visits, ${LH_RUNS} Lighthouse pairs per language)`, `≤ ${BENCH_BUDGET_S} s`, seconds <= BENCH_BUDGET_S));
  console.log(table(figures));
  if (cpu) console.log(`\nThe phone profile on this machine: Lighthouse BenchmarkIndex ${cpu.host} unthrottled, ${cpu.throttled} at CPU ${THROTTLE.cpu}× (DevTools' calibration: a mid-tier phone 1000, a low-tier one 264).`);
  appendResults(join(ROOT, 'bench', 'results.jsonl'), figures, extra);
  const failed = figures.filter((f) => !f.pass);
  console.log(failed.length ? `\n${failed.length} figure(s) over budget: ${failed.map((f) => f.name).join('; ')}` : '\nEvery figure within its budget.');
  console.log('Figures appended to bench/results.jsonl (this machine\'s history, git-ignored).');
  process.exitCode = failed.length ? 1 : 0;
}

await main();
