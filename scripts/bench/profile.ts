/**
 * Where the live map's start-up spends the main thread on the throttled phone (phone.ts's
 * conditions): V8's sampling profiler from the first tap until the map is drawn, then every
 * stretch of busy samples longer than `minMs` (a long task, roughly) with the functions that
 * spent it (self time, and the top frames of the heaviest stacks). Native WebGL calls
 * (compileShader, linkProgram, bufferData…) show under their own names.
 *
 *   PREVIEW=1 npx astro build && npx tsx scripts/bench/profile.ts [runs] [minMs]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './lighthouse.ts';
import { MAP_DRAWN, PHONE, pollUntil, throttle } from './phone.ts';
import { ROOT } from './build.ts';
import { startNginx } from '../lib/nginx.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const TRACE_CATEGORIES = ['devtools.timeline', 'gpu.angle', 'disabled-by-default-gpu.angle', 'disabled-by-default-gpu.service', 'disabled-by-default-gpu.decoder', 'gpu.service', 'viz', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink', 'cc', 'gpu', 'v8', 'blink.user_timing', 'loading'];
const runs = Number(process.argv[2] ?? 1);
const minMs = Number(process.argv[3] ?? 100);
// DIST=folder: another build (e.g. the commit before's), to compare on the same machine.
const server = await startNginx(process.env.DIST ?? join(ROOT, 'dist'), { tls: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-quic', '--no-first-run'] });
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const cdp = await throttle(context, page);
    await page.addInitScript(() => {
      const w = window as unknown as { __tasks: Array<[number, number]> };
      w.__tasks = [];
      (window as unknown as { __events: number[][] }).__events = [];
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => {
          const t = e as PerformanceEventTiming & { interactionId?: number };
          if (t.interactionId) (window as unknown as { __events: number[][] }).__events.push([Math.round(t.startTime), Math.round(t.processingStart - t.startTime), Math.round(t.processingEnd - t.processingStart), Math.round(t.duration)]);
        }),
      ).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({
        type: 'longtask',
        buffered: true,
      });
    });
    // BEFORE=1: what the first screen runs before any input (load, then the idle-time work), traced.
    const before = !!process.env.BEFORE;
    if (before) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(server.url(process.env.PAGE ?? '/'), { waitUntil: 'load', timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => done(0), { timeout: 3000 }), { timeout: 3000 })));
    if (before) {
      const raw = (await browser.stopTracing()).toString();
      if (process.env.TRACE_OUT) writeFileSync(`${process.env.TRACE_OUT}-before-${run + 1}.json`, raw);
      const tasks = await page.evaluate(() => (window as unknown as { __tasks: Array<[number, number]> }).__tasks);
      const tbt = tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
      console.log(`run ${run + 1}: before any input, long tasks (start, ms): ${tasks.map(([s, d]) => `${s}:${d}`).join(' ')} | Σ over 50 ms: ${tbt} ms`);
      const trace = JSON.parse(raw) as { traceEvents: TraceEvent[] };
      mainThreadSummary(trace);
      if (!process.env.SUMMARY) analyseTrace(trace, minMs);
      await context.close();
      continue;
    }
    const tracing = !!process.env.TRACE;
    if (tracing)
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    else {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const t0 = await page.evaluate(() => performance.now());
    let done = false;
    const tapping = (async () => {
      while (!done) {
        void page.touchscreen.tap(PHONE.width / 2, PHONE.height * 0.8).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    // page.evaluate only: Playwright's waitForFunction would make every touch wait for the page (phone.ts).
    await pollUntil(page, MAP_DRAWN, 30_000);
    done = true;
    await tapping;
    await page.waitForTimeout(1500);
    const profile = tracing ? null : ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
    const raw = tracing ? (await browser.stopTracing()).toString() : '';
    if (process.env.TRACE_OUT) writeFileSync(`${process.env.TRACE_OUT}-${run + 1}.json`, raw);
    const trace = tracing ? JSON.parse(raw) : null;
    const info = await page.evaluate(() => ({
      marks: performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('story-map'))
        .map((m) => `${m.name.replace('story-map-', '')}@${Math.round(m.startTime)}`),
      tasks: (window as unknown as { __tasks: Array<[number, number]> }).__tasks,
      events: (window as unknown as { __events: number[][] }).__events,
    }));
    console.log(`run ${run + 1}: profile from page time ~${Math.round(t0)} | ${info.marks.join(' ')}`);
    console.log(`  taps (start delay+processing, duration): ${info.events.map(([s, d, p, t]) => `${s}:${d}+${p},${t}`).join(' ')}`);
    console.log(`  long tasks (start, ms): ${info.tasks.filter(([s]) => s > t0 - 500).map(([s, d]) => `${s}:${d}`).join(' ')}`);
    if (profile) analyse(profile, minMs);
    if (trace) analyseTrace(trace, minMs);
    if (trace) worstTap(trace, info.marks, info.events);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

function analyse(p: Profile, minMs: number) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: Node) => {
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    return `${f.functionName || '(anon)'}${file ? ` ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
  };
  const stack = (id: number): string[] => {
    const out: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(name(byId.get(cur)!));
    return out;
  };
  // Busy stretches: consecutive samples not in (idle)/(program) gaps.
  let t = p.startTime;
  const samples = p.samples.map((id, i) => ({ id, t: (t += p.timeDeltas[i]!) / 1000, dt: (p.timeDeltas[i + 1] ?? 0) / 1000 }));
  const t0 = p.startTime / 1000;
  let cur: typeof samples = [];
  const stretches: Array<typeof samples> = [];
  for (const s of samples) {
    const fn = byId.get(s.id)!.callFrame.functionName;
    if (fn === '(idle)') {
      if (cur.length) stretches.push(cur);
      cur = [];
    } else cur.push(s);
  }
  if (cur.length) stretches.push(cur);
  for (const st of stretches) {
    const dur = st.at(-1)!.t - st[0]!.t;
    if (dur < minMs) continue;
    console.log(`  busy ${Math.round(st[0]!.t - t0)}–${Math.round(st.at(-1)!.t - t0)} ms after profile start (${Math.round(dur)} ms)`);
    const self = new Map<string, number>();
    const tops = new Map<string, number>();
    for (const s of st) {
      const n = byId.get(s.id)!;
      self.set(name(n), (self.get(name(n)) ?? 0) + s.dt);
      const k = stack(s.id).slice(0, 6).join(' < ');
      tops.set(k, (tops.get(k) ?? 0) + s.dt);
    }
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    self ${v.toFixed(0).padStart(5)} ms  ${k}`);
    for (const [k, v] of [...tops].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    stack ${v.toFixed(0).padStart(5)} ms  ${k}`);
  }
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** The main thread's tasks longer than minMs, and the events inside them that took the time. */
function analyseTrace({ traceEvents }: { traceEvents: TraceEvent[] }, minMs: number) {
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((t) => t.pid === e.pid && t.name === 'RunTask' && (t.dur ?? 0) > minMs * 1000));
  if (!main) return console.log('  no main thread found');
  const evs = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const marks = traceEvents.filter((e) => e.cat.includes('user_timing') && e.name.startsWith('story-map'));
  const base = marks[0]?.ts ?? evs[0]!.ts;
  console.log(`  marks (ms from the first): ${marks.map((m) => `${m.name.replace('story-map-', '')}@${Math.round((m.ts - base) / 1000)}`).join(' ')}`);
  if (process.env.TIMELINE) {
    const rel = (t: number) => Math.round((t - base) / 1000);
    const gpuFlush = traceEvents.filter((e) => e.pid !== main.pid && e.name === 'CommandBuffer::Flush' && e.dur! > 5000);
    const mainEv = evs.filter((e) => (e.name === 'RunTask' && e.dur! > 30_000) || ((e.name === 'GLES2::ReadPixels' || e.name === 'CommandBufferProxyImpl::Flush') && e.dur! > 2000));
    const all = [...gpuFlush.map((e) => ({ t: e.ts, s: `      gpu flush ${rel(e.ts)} +${Math.round(e.dur! / 1000)}` })), ...mainEv.map((e) => ({ t: e.ts, s: `main ${e.name} ${rel(e.ts)} +${Math.round(e.dur! / 1000)}` })), ...marks.map((m) => ({ t: m.ts, s: `MARK ${m.name} ${rel(m.ts)}` }))].sort((a, b) => a.t - b.t);
    for (const x of all) if (x.t > base - 200_000) console.log(`   ${x.s}`);
  }
  for (const task of evs.filter((e) => e.name === 'RunTask' && e.dur! > minMs * 1000)) {
    const end = task.ts + task.dur!;
    const inside = evs.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    console.log(`  task @${Math.round((task.ts - base) / 1000)} ms: ${Math.round(task.dur! / 1000)} ms wall, ${Math.round((task.tdur ?? 0) / 1000)} ms thread`);
    const self = selfTimes(inside);
    const top = inside.filter((e) => !inside.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur! >= e.ts + e.dur! && p.dur! > e.dur!));
    console.log(`    top-level: ${top.filter((e) => e.dur! > 5000).map((e) => `${label(e)} ${Math.round(e.dur! / 1000)}`).join(', ')}`);
    const gpu = traceEvents.filter((e) => e.pid !== main.pid && e.ph === 'X' && e.dur! > 2000 && e.ts < end && e.ts + e.dur! > task.ts);
    const threads = new Map(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
    const gself = new Map<string, number>();
    for (const e of gpu) {
      const k = `${threads.get(`${e.pid}:${e.tid}`)}/${label(e)}`;
      gself.set(k, (gself.get(k) ?? 0) + e.dur!);
    }
    console.log(`    other processes (total of events > 2 ms): ${[...gself].sort((a, b) => b[1] - a[1]).slice(0, 16).map(([k, v]) => `${k} ${Math.round(v / 1000)}`).join(', ')}`);
    const big = gpu.filter((e) => label(e) === 'CommandBuffer::Flush').sort((a, b) => b.dur! - a.dur!)[0];
    if (big) {
      const within = traceEvents
        .filter((e) => e.pid === big.pid && e.tid === big.tid && e.ph === 'X' && e.ts >= big.ts && e.ts + (e.dur ?? 0) <= big.ts + big.dur! && e !== big)
        .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
      const gs = selfTimes(within);
      const counts = new Map<string, number>();
      for (const e of within) counts.set(label(e), (counts.get(label(e)) ?? 0) + 1);
      console.log(`    gpu flush ${Math.round(big.dur! / 1000)} ms, self: ${[...gs].sort((a, b) => b[1] - a[1]).slice(0, 16).map(([k, v]) => `${k} ${Math.round(v / 1000)} (×${counts.get(k)})`).join(', ')}`);
    }
    console.log(`    self: ${[...self].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${Math.round(v / 1000)}`).join(', ')}`);
  }
}
/**
 * The main thread's tasks as counts and thread times (CPU time, which neither the throttling's
 * pauses nor other processes on a shared machine add to): tasks over 50 ms wall, and the thread
 * time of the scripts, parsing and layout inside all tasks, by kind.
 */
function mainThreadSummary({ traceEvents }: { traceEvents: TraceEvent[] }) {
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((t) => t.pid === e.pid && t.name === 'ParseHTML'));
  if (!main) return console.log('  no main thread found');
  const tasks = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined);
  const long = tasks.filter((t) => t.dur! > 50_000);
  const kinds: Record<string, RegExp> = {
    script: /^(v8\.evaluateModule|v8\.compile|v8\.compileModule|FunctionCall|FireIdleCallback|TimerFire|EventDispatch|v8\.callFunction)$/,
    parse: /^ParseHTML$/,
    layout: /^(Layout|UpdateLayoutTree|LocalFrameView::performLayout)$/,
  };
  const ms = (us: number) => Math.round(us / 1000);
  const byKind = Object.entries(kinds).map(([k, re]) => {
    const top = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && re.test(e.name));
    // Outermost only: nested events of the same kind are inside their parent's time.
    const outer = top.filter((e) => !top.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur! >= e.ts + e.dur!));
    return `${k} ${ms(outer.reduce((s, e) => s + (e.tdur ?? e.dur ?? 0), 0))}`;
  });
  // The heaviest tasks by CPU time, each with the event that took most of it.
  const evs = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const heaviest = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 5);
  const what = (t: TraceEvent) => {
    const inside = evs.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
    return [...selfTimes(inside)].sort((a, b) => b[1] - a[1])[0]?.[0] ?? t.name;
  };
  console.log(`  heaviest tasks (thread ms): ${heaviest.map((t) => `${ms(t.tdur ?? 0)} ${what(t)}`).join(', ')}`);
  console.log(`  main thread: ${tasks.length} tasks, ${long.length} over 50 ms (thread ${ms(long.reduce((s, t) => s + (t.tdur ?? 0), 0))} ms); thread ms by kind: ${byKind.join(', ')}`);
}

/** Self time by event label: each event's duration less what its nested events cover (events in start order). */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of events) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(label(parent), (self.get(label(parent)) ?? 0) - e.dur!);
    self.set(label(e), (self.get(label(e)) ?? 0) + e.dur!);
    stack.push(e);
  }
  return self;
}

function label(e: TraceEvent): string {
  const d = e.args?.data as { functionName?: string; url?: string; type?: string } | undefined;
  const file = d?.url ? ` ${d.url.split('/').pop()}` : '';
  if (e.name === 'FunctionCall' && d?.functionName) return `FunctionCall(${d.functionName}${file})`;
  if (/^(EvaluateScript|v8\.compile|v8\.compileModule|v8\.evaluateModule)$/.test(e.name) && file) return `${e.name}(${file.trim()})`;
  if (e.name === 'EventDispatch' && d?.type) return `EventDispatch(${d.type})`;
  return e.name;
}

/** What the main thread and the compositor did while the slowest tap waited to be handled. */
function worstTap({ traceEvents }: { traceEvents: TraceEvent[] }, marks: string[], events: number[][]) {
  const worst = [...events].sort((a, b) => b[1]! - a[1]!)[0];
  const dataMark = traceEvents.find((e) => e.name === 'story-map-data');
  const dataPage = Number(marks.find((m) => m.startsWith('data@'))?.split('@')[1]);
  if (!worst || !dataMark || !Number.isFinite(dataPage)) return;
  const toTs = (pageMs: number) => dataMark.ts + (pageMs - dataPage) * 1000;
  const [start, delay] = worst as [number, number];
  const from = toTs(start),
    to = toTs(start + delay);
  console.log(`  worst tap @${start}: waited ${delay} ms to be handled`);
  const threads = new Map(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
  const busy = new Map<string, number>();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !e.dur || e.ts + e.dur < from || e.ts > to) continue;
    if (!['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask'].includes(e.name)) continue;
    const k = `${e.pid} ${threads.get(`${e.pid}:${e.tid}`)}`;
    busy.set(k, (busy.get(k) ?? 0) + (Math.min(to, e.ts + e.dur) - Math.max(from, e.ts)) / 1000);
  }
  console.log(`    busy (ms of the wait): ${[...busy].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
  const input = traceEvents.filter((e) => e.ts >= from - 5000 && e.ts <= to + 5000 && /Input|Touch|Gesture|EventDispatch|BeginMainFrame/i.test(e.name) && e.dur && e.dur > 1000);
  for (const e of input.slice(0, 25)) console.log(`    ${Math.round((e.ts - from) / 1000)} +${Math.round(e.dur! / 1000)} ${threads.get(`${e.pid}:${e.tid}`)} ${label(e)}`);
}
