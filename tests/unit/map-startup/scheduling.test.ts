import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawInTasks, fenceFrames, gpuDone, nextFrame, yieldFramesToInput } from '../../../src/client/map-startup/scheduling.ts';
import { FakeMap } from './fake-map.ts';

const asMap = (m: FakeMap) => m as unknown as MapLibreMap;

/** A WebGL context whose fences signal when `signal()` is called. */
function fakeGl() {
  let signalled = false;
  const gl = {
    SYNC_STATUS: 1,
    SIGNALED: 2,
    SYNC_GPU_COMMANDS_COMPLETE: 3,
    fences: 0,
    deleted: [] as number[],
    flushes: 0,
    isContextLost: () => false,
    fenceSync: () => ++gl.fences,
    flush: () => void gl.flushes++,
    deleteSync: (f: number) => void gl.deleted.push(f),
    getSyncParameter: () => (signalled ? 2 : 0),
  };
  return { gl, asGl: gl as unknown as WebGL2RenderingContext, signal: () => (signalled = true) };
}

/** Whether `p` has settled once every timer due so far (and every promise they settle) has run. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  // A settled promise's chain takes a few microtask turns (no timer) to reach `done`.
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('drawing while the map is hidden', () => {
  it('draws in one ordinary task however many repaints were asked, never in an animation frame', async () => {
    const map = new FakeMap();
    drawInTasks(asMap(map));
    map.triggerRepaint();
    map.triggerRepaint();
    map.triggerRepaint();
    expect(map.calls).toEqual([]);
    await vi.runAllTimersAsync();
    expect(map.calls).toEqual(['redraw']);
  });

  it('gives the repaint back to animation frames when told', async () => {
    const map = new FakeMap();
    const inFrames = drawInTasks(asMap(map));
    map.triggerRepaint();
    inFrames();
    // The task already queued hands over to an animation frame, and so does every later request.
    await vi.runAllTimersAsync();
    map.triggerRepaint();
    expect(map.calls).toEqual(['triggerRepaint', 'triggerRepaint']);
  });
});

describe('a map frame after the reader’s input', () => {
  let now = 0;
  beforeEach(() => vi.spyOn(performance, 'now').mockImplementation(() => ++now));

  it('is put off by one frame when a tap came since the last one, so the tap’s answer is painted first', () => {
    const map = new FakeMap();
    const input = new EventTarget();
    yieldFramesToInput(asMap(map), input);
    map._render(16);
    input.dispatchEvent(new Event('touchend'));
    map._render(32);
    map._render(48);
    expect(map.calls).toEqual(['render 16', 'triggerRepaint', 'render 48']);
  });

  it('is not put off for a draw outside the frame loop (redraw) or for continuous input', () => {
    const map = new FakeMap();
    const input = new EventTarget();
    yieldFramesToInput(asMap(map), input);
    input.dispatchEvent(new Event('click'));
    map._render(0);
    input.dispatchEvent(new Event('scroll'));
    input.dispatchEvent(new Event('pointermove'));
    map._render(16);
    expect(map.calls).toEqual(['render 0', 'render 16']);
  });

  it('stops listening when the map is removed', () => {
    const map = new FakeMap();
    const input = new EventTarget();
    yieldFramesToInput(asMap(map), input);
    map._render(16);
    map.fire('remove');
    input.dispatchEvent(new Event('keydown'));
    map._render(32);
    expect(map.calls).toEqual(['render 16', 'render 32']);
  });
});

describe('waiting for a frame and for the GPU', () => {
  it('nextFrame: after the map’s next frame, or after maxMs if none is drawn', async () => {
    const map = new FakeMap();
    const drawn = nextFrame(asMap(map));
    expect(await settled(drawn)).toBe(false);
    map.fire('render');
    expect(await settled(drawn)).toBe(true);
    expect(map.listening('render')).toBe(0);

    const none = nextFrame(asMap(map), 100);
    await vi.advanceTimersByTimeAsync(99);
    expect(await settled(none)).toBe(false);
    // (A timer set during a fake tick is due a millisecond later: the task boundary after it.)
    await vi.advanceTimersByTimeAsync(2);
    expect(await settled(none)).toBe(true);
  });

  it('gpuDone polls the fence between tasks and deletes it once signalled', async () => {
    const { gl, asGl, signal } = fakeGl();
    const fence = asGl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)!;
    const done = gpuDone(asGl, fence);
    await vi.advanceTimersByTimeAsync(200);
    expect(await settled(done)).toBe(false);
    signal();
    await vi.advanceTimersByTimeAsync(16);
    expect(await settled(done)).toBe(true);
    expect(gl.deleted).toEqual([fence]);
  });

  it('gpuDone gives up after maxMs, and has nothing to wait for without a context', async () => {
    const { asGl } = fakeGl();
    const done = gpuDone(asGl, asGl.fenceSync(0, 0), 3000);
    await vi.advanceTimersByTimeAsync(3100);
    expect(await settled(done)).toBe(true);
    expect(await settled(gpuDone(null, null))).toBe(true);
  });

  it('fenceFrames fences and flushes each frame, keeps the last fence only, and finishes when the GPU has done it', async () => {
    const map = new FakeMap();
    const { gl, asGl, signal } = fakeGl();
    const fences = fenceFrames(asMap(map), asGl);
    map.fire('render');
    map.fire('render');
    expect([gl.fences, gl.flushes, gl.deleted]).toEqual([2, 2, [1]]);
    const finished = fences.finish();
    map.fire('render');
    expect(gl.fences).toBe(2);
    expect(await settled(finished)).toBe(false);
    signal();
    await vi.advanceTimersByTimeAsync(16);
    expect(await settled(finished)).toBe(true);
    expect(gl.deleted).toEqual([1, 2]);
  });
});
