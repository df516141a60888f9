/**
 * Render scheduling: when the live map's work runs, so that a reader's input never waits behind
 * it. Task boundaries that let input in, the map's frames drawn in ordinary tasks while it is
 * hidden (not in animation frames), a map frame put off after a tap so that the tap's answer is
 * painted first, and the GPU's work fenced and polled instead of waited for.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { nextTask } from '../next-task.ts';

export { nextTask };

type Repainting = Pick<MapLibreMap, 'triggerRepaint' | 'redraw'>;

/**
 * Has the map's frames drawn in ordinary tasks instead of animation frames, until the returned
 * function is called. While the canvas is hidden behind its facade nothing needs a frame's
 * timing, and a frame is 50–90 ms of work on the throttled phone profile (shader compiles,
 * mostly). In an animation frame that work runs before the browser paints, and in the traces
 * Chromium ran one or two such frames after a long start-up task before the tap that had been
 * waiting through it. As a task, a map frame gives way to input that came first, and the tap's
 * answer is painted without it. (MapLibre has no option for this: its repaint request is
 * wrapped.)
 */
export function drawInTasks(map: Repainting): () => void {
  const inFrame = map.triggerRepaint.bind(map);
  let queued = false;
  let on = true;
  map.triggerRepaint = () => {
    if (!on) return inFrame();
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      if (on) map.redraw();
      else inFrame();
    }, 0);
  };
  return () => {
    on = false;
    map.triggerRepaint = inFrame;
  };
}

/** Input a reader expects an answer to; scrolling and hovering are the compositor's or continuous. */
export const DISCRETE_INPUT = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
] as const;

type Rendering = Pick<MapLibreMap, '_render' | 'triggerRepaint' | 'once'>;

/**
 * A map frame put off to the next animation frame when the reader's input was handled since
 * the last one: that input's answer is painted first, without a map frame's work in the same
 * paint. Chromium hands a tap to the page at the start of a frame, before the animation-frame
 * callbacks, so the paint that shows its answer also waited for MapLibre's render (50–90 ms
 * where WebGL is drawn by the CPU, on the throttled phone profile). (MapLibre has no hook for
 * it: its render step is wrapped.) `input`: where the reader's input is heard (the window).
 */
export function yieldFramesToInput(map: Rendering, input: EventTarget = globalThis as unknown as EventTarget): void {
  let inputAt = -Infinity;
  let frameAt = -Infinity;
  const note = () => (inputAt = performance.now());
  for (const type of DISCRETE_INPUT) input.addEventListener(type, note, { capture: true, passive: true });
  const render = map._render.bind(map);
  map._render = (time: number) => {
    const answerFirst = time > 0 && inputAt > frameAt;
    frameAt = performance.now();
    if (!answerFirst) return render(time);
    map.triggerRepaint();
    return map as MapLibreMap;
  };
  map.once('remove', () => DISCRETE_INPUT.forEach((type) => input.removeEventListener(type, note, { capture: true })));
}

type Rendered = Pick<MapLibreMap, 'on' | 'off'>;

/** A frame of the map drawn, then a task boundary (input first); at most `maxMs` if nothing draws. */
export function nextFrame(map: Rendered, maxMs = 100): Promise<void> {
  return new Promise<void>((resolve) => {
    const go = () => {
      clearTimeout(timer);
      map.off('render', go);
      void nextTask().then(resolve);
    };
    const timer = setTimeout(go, maxMs);
    map.on('render', go);
  });
}

/**
 * Resolves once the GPU has done the work behind `fence`, polling between tasks: the main thread
 * never waits for it. Without this, a browser that composites in software (and reads a WebGL
 * canvas back into memory to show it) does all the frames drawn while the canvas was hidden in
 * the one task that first shows it: ~1 s on a throttled phone profile with SwiftShader.
 */
export function gpuDone(gl: WebGL2RenderingContext | null, fence: WebGLSync | null, maxMs = 3000): Promise<void> {
  if (!gl || !fence) return Promise.resolve();
  const start = performance.now();
  return new Promise((resolve) => {
    const poll = () => {
      const done = gl.isContextLost() || gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED || performance.now() - start > maxMs;
      if (!done) return void setTimeout(poll, 16);
      if (!gl.isContextLost()) gl.deleteSync(fence);
      resolve();
    };
    setTimeout(poll, 0);
  });
}

/**
 * Each frame's drawing handed to the GPU as it is drawn (a fence, and a flush), until `finish`,
 * which resolves once the GPU has done the last one (gpuDone).
 */
export function fenceFrames(map: Rendered, gl: WebGL2RenderingContext | null): { finish(): Promise<void> } {
  let last: WebGLSync | null = null;
  const submit = () => {
    if (!gl) return;
    if (last) gl.deleteSync(last);
    last = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
  };
  map.on('render', submit);
  return {
    async finish() {
      map.off('render', submit);
      await gpuDone(gl, last);
      last = null;
    },
  };
}
