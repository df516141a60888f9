/**
 * Resolution policy: how many drawing-buffer pixels the live map gets per CSS pixel while it is
 * built, at rest and in a camera flight. Decided from two facts only — is WebGL drawn by the CPU,
 * and the screen's pixel ratio — so the decision is tested as such, on any machine
 * (tests/unit/map-startup/resolution.test.ts), whether or not its browser has a GPU.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The drawing buffer's resolution while the map is built behind the facade: every frame drawn
 * then is hidden and only there to compile the next layers' programs, so it is drawn at a
 * sixteenth of the pixels; the last one is drawn at the resting resolution.
 */
export const STARTUP_PIXEL_RATIO = 0.25;

/**
 * The drawing buffer's resolution during a camera flight where WebGL is drawn by the CPU
 * (softwareGl): the main thread waits for each frame to be drawn and read back, 40–65 ms at
 * one pixel per CSS pixel on the throttled phone profile, and a tap waited for several such
 * frames in a row. A quarter of the pixels while moving; the resting frame is sharp again.
 */
export const FLIGHT_PIXEL_RATIO = 0.5;

/** The pixel ratios of a map's life; null: follow the screen (devicePixelRatio), as MapLibre does by default. */
export interface ResolutionPolicy {
  startup: number;
  resting: number | null;
  /** While the camera flies; null: as at rest. */
  flight: number | null;
}

/**
 * WebGL drawn by the CPU, from the renderer's name: no GPU, or one the browser will not use
 * (Chromium then runs SwiftShader, Firefox may run llvmpipe).
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

/** The renderer's name of a WebGL context (the unmasked one where the browser gives it). */
export function rendererOf(gl: WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/**
 * A GPU draws the map at the screen's resolution, in flight too. WebGL drawn by the CPU comes
 * with compositing in software: every frame of a canvas on show is read back into memory on the
 * main thread, and at a phone's pixel ratio of 2–3 that costs ~0.1 s a frame on a throttled
 * phone profile. Such a browser gets one pixel per CSS pixel at rest and FLIGHT_PIXEL_RATIO in
 * flight.
 */
export function resolutionPolicy(softwareGl: boolean, devicePixelRatio: number): ResolutionPolicy {
  if (!softwareGl) return { startup: STARTUP_PIXEL_RATIO, resting: null, flight: null };
  return { startup: STARTUP_PIXEL_RATIO, resting: Math.min(1, devicePixelRatio || 1), flight: FLIGHT_PIXEL_RATIO };
}

/** The policy for a map's WebGL context (none: WebGL 1, taken as drawn by a GPU). */
export function policyFor(gl: WebGL2RenderingContext | null, devicePixelRatio: number): ResolutionPolicy {
  return resolutionPolicy(!!gl && isSoftwareRenderer(rendererOf(gl)), devicePixelRatio);
}

type RatioMap = Pick<MapLibreMap, 'setPixelRatio' | 'once'>;

/** The policy applied to a map: the resting resolution, and the flight's for each camera flight. */
export interface PixelRatios {
  /** To the resting resolution. */
  rest(): void;
  /** A camera flight has begun (call after easeTo, whose stop() ends a flight under way): its resolution until its moveend. */
  fly(): void;
  /** True while a new drawing-buffer size is set, which MapLibre reports as a resize: not a new layout to re-frame for. */
  readonly changing: boolean;
}

export function pixelRatios(map: RatioMap, policy: ResolutionPolicy): PixelRatios {
  let changing = false;
  const set = (ratio: number | null) => {
    changing = true;
    // null ends the override (MapLibre's documented value for it; its type says number only).
    (map.setPixelRatio as (ratio: number | null) => void).call(map, ratio);
    changing = false;
  };
  return {
    rest: () => set(policy.resting),
    fly() {
      if (policy.flight === null) return;
      set(policy.flight);
      map.once('moveend', () => set(policy.resting));
    },
    get changing() {
      return changing;
    },
  };
}
