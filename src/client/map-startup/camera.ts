/**
 * Camera framing: where the live map looks for a view and region, in the free part of its box.
 * A county is framed with a ring of its neighbours; a circle the frame would cut is taken in
 * whole; the first frame is framed exactly like the build-time SVG it replaces (the facade).
 */
import { MercatorCoordinate, type CameraOptions, type LngLatBoundsLike, type Map as MapLibreMap } from 'maplibre-gl';
import type { CompiledView } from '../../views/compile.ts';
import { MAP_INSET } from '../../render/map-frame.ts';

export type Bounds = [[number, number], [number, number]];

/** Pixels of the map's box that something covers (a legend box, a card, buttons), per edge. */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A box in viewport pixels (a DOMRect's fields). */
export type Box = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom' | 'width' | 'height'>;

/** The default free part: a small margin all round. */
export const margin = (box: Pick<Box, 'width' | 'height'>): Padding => {
  const gap = Math.round(Math.min(box.width, box.height) * 0.04) + 8;
  return { top: gap, bottom: gap, left: gap, right: gap };
};

/** How an image lays out its picture in its box (object-fit: contain). */
export interface FittedImage {
  /** The element's box. */
  rect: Box;
  naturalWidth: number;
  naturalHeight: number;
  /** Its computed `object-position`. */
  objectPosition: string;
}

/**
 * Where the SVG (object-fit: contain in its box) draws its view's bounds, as padding inside
 * `box`: renderSvg fits the bounds inside the picture less MAP_INSET of its smaller side.
 */
export function fittedPadding({ rect: r, naturalWidth: nw, naturalHeight: nh, objectPosition }: FittedImage, box: Box): Padding | null {
  if (!r.width || !r.height || !nw || !nh) return null;
  const scale = Math.min(r.width / nw, r.height / nh);
  const w = nw * scale,
    h = nh * scale;
  const [px = '50%', py = '50%'] = objectPosition.split(/\s+/);
  const at = (v: string, free: number) => (v.endsWith('%') ? (parseFloat(v) / 100) * free : parseFloat(v) || 0);
  const left = r.left + at(px, r.width - w),
    top = r.top + at(py, r.height - h);
  const inset = Math.min(nw, nh) * MAP_INSET * scale;
  return {
    top: top + inset - box.top,
    left: left + inset - box.left,
    bottom: box.bottom - (top + h - inset),
    right: box.right - (left + w - inset),
  };
}

/** fittedPadding of an <img> as laid out now. */
export function facadePadding(img: HTMLImageElement, box: Box): Padding | null {
  return fittedPadding(
    {
      rect: img.getBoundingClientRect(),
      naturalWidth: img.naturalWidth || img.width,
      naturalHeight: img.naturalHeight || img.height,
      objectPosition: getComputedStyle(img).objectPosition,
    },
    box,
  );
}

/**
 * `bounds` grown to hold every circle that the camera would show only in part: one crossing the
 * map's edge or reaching under what covers it (`pad`). Null if none does.
 */
export function takeInCircles(
  bounds: Bounds,
  camera: { center?: unknown; zoom?: number },
  circles: CompiledView['symbols'],
  box: Pick<Box, 'width' | 'height'>,
  pad: Padding,
): Bounds | null {
  const c = camera.center as { lng: number; lat: number } | undefined;
  if (!c || camera.zoom === undefined) return null;
  // Web Mercator in world units (0–1), as MapLibre draws it; a world is 512 px at zoom 0.
  const world = 512 * 2 ** camera.zoom;
  const centre = MercatorCoordinate.fromLngLat(c);
  let [[w, s], [e, n]] = bounds;
  let grew = false;
  for (const circle of circles) {
    const at = MercatorCoordinate.fromLngLat(circle.lonLat);
    const x = box.width / 2 + (at.x - centre.x) * world,
      y = box.height / 2 + (at.y - centre.y) * world;
    const r = circle.radius + 2;
    const seen = x + r > 0 && x - r < box.width && y + r > 0 && y - r < box.height;
    const whole = x - r >= pad.left && x + r <= box.width - pad.right && y - r >= pad.top && y + r <= box.height - pad.bottom;
    if (!seen || whole) continue;
    // The circle's box, back in degrees: its south-west and north-east corners.
    const d = r / world;
    const sw = new MercatorCoordinate(at.x - d, at.y + d).toLngLat(),
      ne = new MercatorCoordinate(at.x + d, at.y - d).toLngLat();
    w = Math.min(w, sw.lng);
    s = Math.min(s, sw.lat);
    e = Math.max(e, ne.lng);
    n = Math.max(n, ne.lat);
    grew = true;
  }
  return grew
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}

/** Share of a county's size shown around it on each side when a step frames that county. */
export const COUNTY_CONTEXT = 0.45;
export const grow = ([[w, s], [e, n]]: Bounds, k: number): Bounds => [
  [w - (e - w) * k, s - (n - s) * k],
  [e + (e - w) * k, n + (n - s) * k],
];

export function boundsOf(geometry: GeoJSON.Geometry): Bounds {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else (c as unknown[]).forEach(walk);
  };
  if ('coordinates' in geometry) walk(geometry.coordinates);
  return [
    [w, s],
    [e, n],
  ];
}

/**
 * The camera for a view, or for one of its counties (`county`: that county's bounds): the county
 * with a ring of its neighbours (COUNTY_CONTEXT), grown until no circle is cut (at most four
 * times: a circle's radius is in pixels, so again at each new zoom). Undefined if MapLibre finds
 * none (a box with no room).
 */
export function cameraFor(
  map: Pick<MapLibreMap, 'cameraForBounds'>,
  view: Pick<CompiledView, 'bounds' | 'symbols'>,
  county: Bounds | undefined,
  box: Box,
  pad: Padding,
): CameraOptions | undefined {
  let bounds = county ? grow(county, COUNTY_CONTEXT) : view.bounds;
  const fit = () => map.cameraForBounds(bounds as LngLatBoundsLike, { padding: pad, maxZoom: 11 });
  let camera = fit();
  for (let i = 0; i < 4 && camera && county; i++) {
    const grown = takeInCircles(bounds, camera, view.symbols, box, pad);
    if (!grown) break;
    bounds = grown;
    camera = fit();
  }
  return camera;
}
