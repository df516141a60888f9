import { describe, expect, it } from 'vitest';
import {
  FLIGHT_PIXEL_RATIO,
  isSoftwareRenderer,
  pixelRatios,
  policyFor,
  resolutionPolicy,
  STARTUP_PIXEL_RATIO,
} from '../../../src/client/map-startup/resolution.ts';
import { FakeMap } from './fake-map.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** What Chromium and Firefox report as the WebGL renderer, with and without a GPU. */
const SOFTWARE = [
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
  'Google SwiftShader',
  'llvmpipe (LLVM 15.0.6, 256 bits)',
  'Microsoft Basic Render Driver',
];
const HARDWARE = [
  'ANGLE (Qualcomm, Adreno (TM) 640, OpenGL ES 3.2)',
  'Mali-G78',
  'Apple GPU',
  'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
];

/** A WebGL context that reports `renderer` (as the unmasked renderer, if `unmasked`). */
const glReporting = (renderer: string, unmasked = true) =>
  ({
    RENDERER: 0x1f01,
    getExtension: (name: string) => (unmasked && name === 'WEBGL_debug_renderer_info' ? { UNMASKED_RENDERER_WEBGL: 0x9246 } : null),
    getParameter: (p: number) => (p === (unmasked ? 0x9246 : 0x1f01) ? renderer : 'masked'),
  }) as unknown as WebGL2RenderingContext;

const asMap = (m: FakeMap) => m as unknown as MapLibreMap;

describe('the resolution policy', () => {
  it.each(SOFTWARE)('takes "%s" for WebGL drawn by the CPU', (name) => expect(isSoftwareRenderer(name)).toBe(true));
  it.each(HARDWARE)('takes "%s" for a GPU', (name) => expect(isSoftwareRenderer(name)).toBe(false));

  it('given a GPU: built small, then the screen’s full resolution, in flight too', () => {
    for (const dpr of [1, 2, 3])
      expect(resolutionPolicy(false, dpr)).toEqual({ startup: STARTUP_PIXEL_RATIO, resting: null, flight: null });
  });

  it('given software GL: one pixel per CSS pixel at rest, a smaller buffer in flight', () => {
    for (const dpr of [1, 2, 3]) {
      const p = resolutionPolicy(true, dpr);
      expect(p.resting).toBe(1);
      expect(p.flight).toBe(FLIGHT_PIXEL_RATIO);
      expect(p.flight!).toBeLessThan(p.resting!);
    }
    // A screen below one device pixel per CSS pixel (a zoomed-out desktop) is not drawn above its own.
    expect(resolutionPolicy(true, 0.75).resting).toBe(0.75);
  });

  it('reads the renderer of the map’s context, unmasked where the browser allows', () => {
    expect(policyFor(glReporting(SOFTWARE[0]!), 2).flight).toBe(FLIGHT_PIXEL_RATIO);
    expect(policyFor(glReporting(HARDWARE[0]!), 2).flight).toBeNull();
    expect(policyFor(glReporting('Google SwiftShader', false), 2).flight).toBe(FLIGHT_PIXEL_RATIO);
    // No WebGL 2 context to ask: the map as a GPU would draw it.
    expect(policyFor(null, 2)).toEqual(resolutionPolicy(false, 2));
  });
});

describe('the policy applied to a map', () => {
  it('given a GPU, a flight keeps the resting resolution (no change at all)', () => {
    const map = new FakeMap();
    const ratios = pixelRatios(asMap(map), resolutionPolicy(false, 3));
    ratios.rest();
    ratios.fly();
    map.fire('moveend');
    // null: the map follows devicePixelRatio, as MapLibre does without the option.
    expect(map.ratios).toEqual([null]);
  });

  it('given software GL, a flight drops to the flight resolution and rests sharp again at its end', () => {
    const map = new FakeMap();
    const ratios = pixelRatios(asMap(map), resolutionPolicy(true, 3));
    ratios.rest();
    ratios.fly();
    expect(map.ratios).toEqual([1, FLIGHT_PIXEL_RATIO]);
    map.fire('moveend');
    map.fire('moveend');
    expect(map.ratios).toEqual([1, FLIGHT_PIXEL_RATIO, 1]);
  });

  it('says that a resize is only a new buffer size while it sets one', () => {
    const map = new FakeMap();
    const ratios = pixelRatios(asMap(map), resolutionPolicy(true, 2));
    const seen: boolean[] = [];
    map.setPixelRatio = () => void seen.push(ratios.changing);
    ratios.rest();
    expect(seen).toEqual([true]);
    expect(ratios.changing).toBe(false);
  });
});
