import { describe, expect, it } from 'vitest';
import { MercatorCoordinate, type LngLatBoundsLike } from 'maplibre-gl';
import {
  boundsOf,
  cameraFor,
  COUNTY_CONTEXT,
  fittedPadding,
  grow,
  margin,
  takeInCircles,
  type Bounds,
} from '../../../src/client/map-startup/camera.ts';
import { MAP_INSET } from '../../../src/render/map-frame.ts';

const rect = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});
const BOX = rect(0, 0, 390, 844);
const NO_PAD = { top: 0, bottom: 0, left: 0, right: 0 };

/**
 * A stand-in for MapLibre's cameraForBounds: the bounds' centre, at the zoom where their
 * longitude span fills the box's width less the padding (enough to test what asks for it).
 */
function fitting(box = BOX) {
  const asked: Bounds[] = [];
  return {
    asked,
    cameraForBounds(b: LngLatBoundsLike, o?: { padding?: unknown }) {
      const [[w, s], [e, n]] = b as Bounds;
      asked.push(b as Bounds);
      const pad = (o?.padding ?? NO_PAD) as typeof NO_PAD;
      const span = MercatorCoordinate.fromLngLat([e, 0]).x - MercatorCoordinate.fromLngLat([w, 0]).x;
      const zoom = Math.log2((box.width - pad.left - pad.right) / (512 * span));
      const c = new MercatorCoordinate(
        (MercatorCoordinate.fromLngLat([w, s]).x + MercatorCoordinate.fromLngLat([e, n]).x) / 2,
        (MercatorCoordinate.fromLngLat([w, s]).y + MercatorCoordinate.fromLngLat([e, n]).y) / 2,
      ).toLngLat();
      return { center: c, zoom };
    },
  };
}

describe('camera framing', () => {
  it('leaves a margin of 4 % of the smaller side (+ 8 px) by default', () => {
    expect(margin({ width: 390, height: 844 })).toEqual({ top: 24, bottom: 24, left: 24, right: 24 });
  });

  it('frames the first view where the build-time SVG drew it (object-fit: contain, its position, MAP_INSET)', () => {
    const inset = 300 * MAP_INSET * 2;
    // 400 × 300 shown at twice its size, filling its box.
    expect(
      fittedPadding({ rect: rect(0, 0, 800, 600), naturalWidth: 400, naturalHeight: 300, objectPosition: '50% 50%' }, rect(0, 0, 800, 600)),
    ).toEqual({
      top: inset,
      left: inset,
      bottom: inset,
      right: inset,
    });
    // In a taller box, at the top: the free 200 px are below the picture.
    const top = fittedPadding(
      { rect: rect(0, 0, 800, 800), naturalWidth: 400, naturalHeight: 300, objectPosition: '50% 0%' },
      rect(0, 0, 800, 800),
    )!;
    expect(top.top).toBeCloseTo(inset);
    expect(top.bottom).toBeCloseTo(200 + inset);
    // Not laid out (yet): no padding to frame by.
    expect(fittedPadding({ rect: rect(0, 0, 0, 0), naturalWidth: 400, naturalHeight: 300, objectPosition: '50% 50%' }, BOX)).toBeNull();
  });

  it('finds a geometry’s bounds, and grows them by a share of their size on each side', () => {
    expect(
      boundsOf({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [110, 37],
              [111, 38],
              [110.5, 36.5],
            ],
          ],
          [[[112, 37]]],
        ],
      }),
    ).toEqual([
      [110, 36.5],
      [112, 38],
    ]);
    expect(
      grow(
        [
          [0, 0],
          [10, 20],
        ],
        COUNTY_CONTEXT,
      ),
    ).toEqual([
      [-4.5, -9],
      [14.5, 29],
    ]);
  });

  it('takes in a circle the frame would cut, and nothing when every circle is whole', () => {
    const map = fitting();
    const bounds: Bounds = [
      [111, 37],
      [111.2, 37.4],
    ];
    const camera = map.cameraForBounds(bounds, { padding: NO_PAD });
    const circle = (lonLat: [number, number], radius: number) => ({ lonLat, radius }) as never;
    expect(takeInCircles(bounds, camera, [circle([111.1, 37.2], 10)], BOX, NO_PAD)).toBeNull();
    const grown = takeInCircles(bounds, camera, [circle([111.2, 37.2], 30)], BOX, NO_PAD)!;
    expect(grown[1][0]).toBeGreaterThan(111.2);
    expect(grown[0]).toEqual(bounds[0]);
  });

  it('frames a county with a ring of its neighbours, grown to take in a cut circle; a view by its own bounds', () => {
    const view = {
      bounds: [
        [110, 36],
        [112, 39],
      ] as Bounds,
      symbols: [{ lonLat: [111.6, 37.5], radius: 80 }] as never,
    };
    const county: Bounds = [
      [111, 37],
      [111.5, 37.6],
    ];
    const map = fitting();
    expect(cameraFor(map, view, county, BOX, NO_PAD)).toBeDefined();
    expect(map.asked[0]).toEqual(grow(county, COUNTY_CONTEXT));
    expect(map.asked.length).toBeGreaterThan(1);
    expect(map.asked.at(-1)![1][0]).toBeGreaterThan(map.asked[0]![1][0]);

    const whole = fitting();
    cameraFor(whole, view, undefined, BOX, NO_PAD);
    expect(whole.asked).toEqual([view.bounds]);
  });
});
