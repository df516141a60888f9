/**
 * The interactive map: MapLibre drawing the compiled views over the build-time SVG, which
 * stays underneath as the fallback. Loaded with `import()` once the page has loaded (story) or
 * the map nears the viewport (embeds), so the story's text is readable and scrollable before
 * ~1 MB of map code arrives.
 *
 * Colours and layers come only from toMapLibreStyle (src/render/maplibre-style.ts); this file
 * adds geometry, the hatch image, HTML labels and the camera. It knows nothing of the page
 * around the map: the caller says what covers it (`padding`) and which picture it replaces
 * (`facade`).
 *
 * Start-up is cut into tasks that yield to input (creating the map, the style's first layers,
 * the rest of the layers, the labels): a reader tapping while the map starts is answered
 * between them, where one ~1 s task made them wait. The canvas is drawn small while hidden,
 * then once at full resolution, and shown only when the GPU has finished that frame (a fence
 * polled between tasks), so that showing it never makes the main thread wait for the GPU.
 */
import {
  Map as MapLibreMap,
  Marker,
  MercatorCoordinate,
  prewarm,
  setWorkerUrl,
  type LngLatBoundsLike,
  type StyleSpecification,
} from 'maplibre-gl';
// Its stylesheet as a file linked on demand: a plain CSS import would be hoisted by Astro into
// the page's <head> as 70 KB of render-blocking CSS for a map that may never load.
import cssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
// MapLibre 6 runs its parsing in a module worker that bundlers do not copy on their own.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { CompiledView } from '../views/compile.ts';
import { geoFromTopology, type GeoData } from '../views/geo-data.ts';
import { fetchJson } from './fetch-json.ts';
import { PALETTE } from '../views/palette.ts';
import { GEO_SOURCES, HATCH_IMAGE, toMapLibreStyle } from '../render/maplibre-style.ts';
import { MAP_INSET } from '../render/map-frame.ts';
import { CITY_CODE } from '../geo/divisions.ts';

setWorkerUrl(workerUrl);

export type Views = Record<string, CompiledView>;
type Bounds = [[number, number], [number, number]];

/** What the map shows: a view, its state (before/after) if it has states, and the region to frame. */
export interface MapTarget {
  view: string;
  state: string | null;
  /** GB/T 2260 code: 141100 frames the whole view, a county code frames that county. */
  region: string;
  /** The views JSON key: the view id, or `${view}-${state}`. */
  key: string;
}

/** Pixels of the map's box that something covers (a legend box, a card, buttons), per edge. */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface MapRuntime {
  map: MapLibreMap;
  /** Draw this target (view + state) and frame its region. */
  show(target: MapTarget): void;
  /** Frame the current target again: what covers the map has changed (a legend box folded). */
  reframe(): void;
  /** The county's label point in viewport pixels, if the map is drawing it. */
  countyPoint(code: string): { x: number; y: number } | null;
}

export interface StartMapOptions {
  panel: HTMLElement;
  container: HTMLElement;
  /** A canvas with a WebGL 2 context already made for the map (webglCanvas, webgl.ts): the map draws on it. */
  canvas?: HTMLCanvasElement;
  views: Promise<Views>;
  geoUrl: string;
  /**
   * The geography at `geoUrl` as GeoJSON, if the caller fetched and converted it ahead (story: at
   * idle after load, so that the reader's first input does not wait for the conversion).
   */
  geo?: Promise<GeoData>;
  current: () => MapTarget;
  /**
   * The free part of the map for this target, as padding inside `box` (the map's box in
   * viewport pixels), from the page's layout as it is now. Default: a small margin all round.
   */
  padding?: (box: DOMRect, target: MapTarget) => Padding;
  /**
   * The build-time SVG the canvas replaces: the canvas's first frame is framed exactly like it,
   * and it stays on show until the canvas has drawn, so the swap is not seen.
   */
  facade?: HTMLImageElement | null;
  /** Boxes over the map (viewport pixels) that no name may sit under: a legend box, buttons. */
  obstacles?: () => DOMRect[];
}

/** A county's name without its kind, where a full one does not fit ("Lan County" → "Lan"). */
const shortName = (name: string): string => name.replace(/ (County|City|District)$/, '');

/**
 * The drawing buffer's resolution while the map is built behind the facade: every frame drawn
 * then is hidden and only there to compile the next layers' programs, so it is drawn at a
 * sixteenth of the pixels; the last one is drawn at the screen's resolution.
 */
const STARTUP_PIXEL_RATIO = 0.25;

/**
 * The drawing buffer's resolution during a camera flight where WebGL is drawn by the CPU
 * (softwareGl): the main thread waits for each frame to be drawn and read back, 40–65 ms at
 * one pixel per CSS pixel on the throttled phone profile, and a tap waited for several such
 * frames in a row. A quarter of the pixels while moving; the resting frame is sharp again.
 */
const FLIGHT_PIXEL_RATIO = 0.5;

/** A task boundary: input waiting since the last one is handled before the map goes on. */
const nextTask = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

const margin = (box: DOMRect): Padding => {
  const gap = Math.round(Math.min(box.width, box.height) * 0.04) + 8;
  return { top: gap, bottom: gap, left: gap, right: gap };
};

/**
 * Where the SVG (object-fit: contain in its box) draws its view's bounds, as padding inside
 * `box`: renderSvg fits the bounds inside the picture less MAP_INSET of its smaller side.
 */
function facadePadding(img: HTMLImageElement, box: DOMRect): Padding | null {
  const r = img.getBoundingClientRect();
  const nw = img.naturalWidth || img.width,
    nh = img.naturalHeight || img.height;
  if (!r.width || !r.height || !nw || !nh) return null;
  const scale = Math.min(r.width / nw, r.height / nh);
  const w = nw * scale,
    h = nh * scale;
  const [px = '50%', py = '50%'] = getComputedStyle(img).objectPosition.split(/\s+/);
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

/**
 * The style's layers in three groups: the first is drawn in the first frame, each other a frame
 * later, so that shader compiles (which block the main thread) are spread over three frames.
 * Each frame also costs a tap waiting for it a frame's work, so more, smaller groups did not
 * answer taps sooner: six groups measured a median slowest tap of 376 ms against 312 ms for
 * three (8 bench runs each), and drew the map later. A layer in no group joins the last.
 */
const LAYER_STAGES: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['background', 'neighbours-fill', 'counties-fill']),
  new Set(['neighbours-line', 'counties-line', 'river', 'highlight', 'counties-hatch']),
  new Set(['precision', 'symbols', 'sites']),
];
const stageOf = (id: string) => {
  const i = LAYER_STAGES.findIndex((s) => s.has(id));
  return i < 0 ? LAYER_STAGES.length - 1 : i;
};

/**
 * Has the map's frames drawn in ordinary tasks instead of animation frames, until the returned
 * function is called. While the canvas is hidden behind its facade nothing needs a frame's
 * timing, and a frame is 50–90 ms of work on the throttled phone profile (shader compiles,
 * mostly). In an animation frame that work runs before the browser paints, and in the traces
 * Chromium ran one or two such frames after a long start-up task before the tap that had been
 * waiting through it. As a task, a map frame gives way to input
 * that came first, and the tap's answer is painted without it. (MapLibre has no option for
 * this: its repaint request is wrapped.)
 */
function drawInTasks(map: MapLibreMap): () => void {
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
const DISCRETE_INPUT = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'touchstart', 'touchend', 'keydown', 'keyup'] as const;

/**
 * A map frame put off to the next animation frame when the reader's input was handled since
 * the last one: that input's answer is painted first, without a map frame's work in the same
 * paint. Chromium hands a tap to the page at the start of a frame, before the animation-frame
 * callbacks, so the paint that shows its answer also waited for MapLibre's render (50–90 ms
 * where WebGL is drawn by the CPU, on the throttled phone profile). (MapLibre has no hook for
 * it: its render step is wrapped.)
 */
function yieldFramesToInput(map: MapLibreMap): void {
  let inputAt = -Infinity;
  let frameAt = -Infinity;
  const note = () => (inputAt = performance.now());
  for (const type of DISCRETE_INPUT) addEventListener(type, note, { capture: true, passive: true });
  const render = map._render.bind(map);
  map._render = (time: number) => {
    const answerFirst = time > 0 && inputAt > frameAt;
    frameAt = performance.now();
    if (!answerFirst) return render(time);
    map.triggerRepaint();
    return map;
  };
  map.once('remove', () => DISCRETE_INPUT.forEach((type) => removeEventListener(type, note, { capture: true })));
}

/**
 * Makes `canvas` the next canvas the page creates (MapLibre's, in its constructor: it takes no
 * canvas of its own), until the returned function is called. Its WebGL context was made ahead
 * (webglCanvas): MapLibre's getContext returns that one, and the reader's first input does not
 * wait for a context to be made.
 */
function handOver(canvas: HTMLCanvasElement): () => void {
  const create = document.createElement;
  const own = Object.prototype.hasOwnProperty.call(document, 'createElement');
  const restore = () => {
    if (own) document.createElement = create;
    else delete (document as { createElement?: unknown }).createElement;
  };
  document.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    if (tag.toLowerCase() !== 'canvas') return create.call(this, tag, options);
    restore();
    return canvas;
  } as typeof document.createElement;
  return restore;
}

/** Links MapLibre's stylesheet once and waits for it (markers and canvas are mispositioned without it). */
function linkStylesheet(href: string): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>(`link[data-maplibre-css]`);
  if (existing) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.maplibreCss = '';
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`${href} did not load`));
    // Before the page's own sheets, so that story.css overrides MapLibre's container rules.
    document.head.prepend(link);
  });
}

/** The hatch of "not reported" as MapLibre needs it (an image), drawn like the SVG's pattern. */
function hatchImage(): ImageData {
  const ratio = Math.max(1, Math.round(devicePixelRatio || 1));
  const size = 8 * ratio; // diagonal spacing 8/√2 ≈ 5.7 px, close to the SVG's 6 px
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = PALETTE.notReported.hex;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = PALETTE.hatch.hex;
  ctx.lineWidth = 1.2 * ratio;
  ctx.beginPath();
  // "/" lines, continued across the tile's corners so that tiles join seamlessly.
  for (const o of [-size, 0, size]) {
    ctx.moveTo(o - 1, size + 1);
    ctx.lineTo(o + size + 1, -1);
  }
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

/** The style for a view with the shared geometry put into its GeoJSON sources. */
function styleFor(view: CompiledView, geo: GeoData): StyleSpecification {
  const style = toMapLibreStyle(view);
  const data: Record<(typeof GEO_SOURCES)[number], GeoJSON.GeoJSON> = {
    counties: geo.counties,
    neighbours: geo.neighbours,
    river: geo.river,
  };
  for (const id of GEO_SOURCES) style.sources[id] = { type: 'geojson', data: data[id] };
  return style;
}

/** The map's WebGL 2 context (the one MapLibre created), or null on WebGL 1. */
function glOf(map: MapLibreMap): WebGL2RenderingContext | null {
  const canvas = map.getCanvas();
  return canvas.getContext('webgl2') as WebGL2RenderingContext | null;
}

/**
 * WebGL drawn by the CPU: no GPU, or one the browser will not use (Chromium then runs
 * SwiftShader, Firefox may run llvmpipe). Such a browser also composites in software: every
 * frame of a canvas on show is read back into memory on the main thread, and at a phone's
 * pixel ratio of 2–3 that costs ~0.1 s a frame on a throttled phone profile. Such a browser
 * gets the map at one pixel per CSS pixel; a GPU draws it at the screen's resolution.
 */
function softwareGl(gl: WebGL2RenderingContext | null): boolean {
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

/**
 * Resolves once the GPU has done the work behind `fence`, polling between tasks: the main thread
 * never waits for it. Without this, a browser that composites in software (and reads a WebGL
 * canvas back into memory to show it) does all the frames drawn while the canvas was hidden in
 * the one task that first shows it: ~1 s on a throttled phone profile with SwiftShader.
 */
function gpuDone(gl: WebGL2RenderingContext | null, fence: WebGLSync | null, maxMs = 3000): Promise<void> {
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
 * `bounds` grown to hold every circle that the camera would show only in part: one crossing the
 * map's edge or reaching under what covers it (`pad`). Null if none does.
 */
function takeInCircles(
  bounds: Bounds,
  camera: { center?: unknown; zoom?: number },
  circles: CompiledView['symbols'],
  box: DOMRect,
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
const COUNTY_CONTEXT = 0.45;
const grow = ([[w, s], [e, n]]: Bounds, k: number): Bounds => [
  [w - (e - w) * k, s - (n - s) * k],
  [e + (e - w) * k, n + (n - s) * k],
];

function boundsOf(geometry: GeoJSON.Geometry): Bounds {
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
 * Ahead of startMap, while the reader has not touched the page: MapLibre's workers start (their
 * script downloads) and its stylesheet is linked, so the first input waits for no network.
 */
export function prepareMap(): void {
  prewarm();
  linkStylesheet(cssUrl).catch(() => undefined);
}

/** Callers check webglCanvas() (webgl.ts) before importing this module. */
export async function startMap(o: StartMapOptions): Promise<MapRuntime | null> {
  const { panel, container } = o;
  const fallback = (why: unknown) => {
    // The build-time SVG is a complete map: say why at warn level, never as an error.
    console.warn('Story map: keeping the static map.', why instanceof Error ? why.message : why);
    panel.dataset.map = 'svg';
    panel.dataset.mapFallback = 'error';
  };
  panel.dataset.map = 'loading';

  let views: Views;
  let geo: GeoData;
  try {
    const geography = o.geo ?? fetchJson(o.geoUrl).then(geoFromTopology);
    [views, geo] = await Promise.all([o.views, geography, linkStylesheet(cssUrl)]);
  } catch (error) {
    fallback(error);
    return null;
  }
  const countyBounds = new Map(geo.counties.features.map((f) => [f.properties.code, boundsOf(f.geometry)]));
  performance.mark('story-map-data');

  const touch = matchMedia('(pointer: coarse)').matches;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  let shown = o.current();
  const firstView = views[shown.key] ?? Object.values(views)[0];
  if (!firstView) {
    fallback('no views');
    return null;
  }

  await nextTask();
  performance.mark('story-map-create');
  let map: MapLibreMap;
  const restoreCreateElement = o.canvas ? handOver(o.canvas) : () => undefined;
  try {
    map = new MapLibreMap({
      container,
      bounds: firstView.bounds as LngLatBoundsLike,
      // The styles are compiled from checked views; validating them again costs the reader time.
      validateStyle: false,
      attributionControl: false,
      // On a touch screen nothing of the map is dragged or pinched: scrolling and taps belong to
      // the page (mapbox/storytelling#29/#33/#64), and MapLibre's listeners go (below).
      interactive: !touch,
      cooperativeGestures: false,
      dragPan: !touch,
      touchZoomRotate: false,
      touchPitch: false,
      dragRotate: false,
      scrollZoom: false,
      boxZoom: false,
      keyboard: false,
      pitchWithRotate: false,
      fadeDuration: 0,
      // Drawn small while hidden (see below), at the screen's resolution once all is in place.
      pixelRatio: STARTUP_PIXEL_RATIO,
    });
  } catch (error) {
    fallback(error);
    return null;
  } finally {
    restoreCreateElement();
  }
  // MapLibre listens on the map's box whether or not its handlers are on, among them a touchmove
  // and a wheel listener that are not passive: every scroll that starts over the map then waits
  // for the main thread (busy while the map starts), and a capturing mousemove on the document
  // ran ~35 ms at the phone profile before each tap's click. A touch screen has no use for them:
  // they go (the tooltips listen on the map's box themselves, tooltip.ts).
  if (touch) map._handlers.destroy();
  const drawInFrames = drawInTasks(map);
  yieldFramesToInput(map);
  // The canvas sits in an aria-hidden container: keyboard users get the county buttons instead.
  map.getCanvas().setAttribute('tabindex', '-1');

  const addHatch = () => {
    if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage(), { pixelRatio: Math.max(1, Math.round(devicePixelRatio || 1)) });
  };
  // Set before the first style, so the pattern is there the first time a layer asks for it
  // (and again after any full style reload that drops images).
  map.setMissingStyleImageResolver((id) => {
    if (id === HATCH_IMAGE) addHatch();
  });

  let ready = false;
  map.on('error', (e) => {
    // Registering this listener also stops MapLibre's own console.error.
    if (!ready) {
      fallback(e.error);
      map.remove();
    } else console.warn('Story map:', e.error?.message ?? e);
  });
  map.on('webglcontextlost', () => {
    panel.dataset.map = 'svg';
    panel.dataset.mapFallback = 'context-lost';
  });
  map.on('webglcontextrestored', () => {
    map.once('idle', () => {
      panel.dataset.map = 'maplibre';
      delete panel.dataset.mapFallback;
    });
  });
  // `data-map-settled`: false while the camera moves or a new view draws, true once all is
  // on screen (what screenshots and the browser tests wait for).
  map.on('movestart', () => (panel.dataset.mapSettled = 'false'));
  map.on('idle', () => (panel.dataset.mapSettled = 'true'));
  // Each start-up frame's drawing handed to the GPU as it is drawn (see gpuDone).
  const gl = glOf(map);
  let lastFence: WebGLSync | null = null;
  const submit = () => {
    if (!gl) return;
    if (lastFence) gl.deleteSync(lastFence);
    lastFence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
  };
  map.on('render', submit);

  // County names as HTML: no glyph server exists, and the page's own CJK fonts render them.
  const labels = new Map<string, { el: HTMLElement; marker: Marker; name: string }>();
  const placeLabels = (view: CompiledView) => {
    const all = [
      ...view.neighbourLabels.map((l) => ({ ...l, dy: 0, kind: 'neighbour' })),
      ...view.labels.map((l) => ({ ...l, kind: 'county' })),
    ];
    const subject = new Set(view.highlight);
    for (const l of all) {
      const id = `${l.kind}:${l.code}`;
      let label = labels.get(id);
      if (!label) {
        const el = document.createElement('span');
        el.className = `map-label map-label--${l.kind}`;
        el.dataset.code = l.code;
        label = { el, marker: new Marker({ element: el, anchor: 'center' }).setLngLat(l.lonLat).addTo(map), name: l.name };
        labels.set(id, label);
      }
      label.name = l.name;
      if (label.el.textContent !== l.name) label.el.textContent = l.name;
      // `dy` moves a name below a symbol drawn on its label point (as the SVG does).
      label.marker.setOffset([0, l.dy]);
      label.el.classList.toggle('is-subject', l.kind === 'county' && subject.has(l.code));
    }
  };

  /**
   * Names placed by rank: the subject counties (the story's featured ones) first, then the other
   * counties, then the neighbours. Where a name would overlap one placed before it, sit under
   * what covers the map (`obstacles`), or be cut by the panel's edge, it takes its short form
   * ("Lan" for "Lan County"), and if that does not fit either, it steps aside — except a
   * subject's, which is always shown: neighbours give way to it. (HTML markers have no
   * collision detection of their own; long English names need it on a phone.)
   */
  const declutter = () => {
    const box = container.getBoundingClientRect();
    const rank = (el: HTMLElement) => (el.classList.contains('is-subject') ? 0 : el.classList.contains('map-label--county') ? 1 : 2);
    const taken: DOMRect[] = o.obstacles?.() ?? [];
    const fits = (r: DOMRect) =>
      r.left >= box.left &&
      r.right <= box.right &&
      r.top >= box.top &&
      r.bottom <= box.bottom &&
      !taken.some((t) => r.left < t.right + 3 && r.right > t.left - 3 && r.top < t.bottom + 1 && r.bottom > t.top - 1);
    const all = [...labels.values()].sort((a, b) => rank(a.el) - rank(b.el));
    // Each name's box in both forms, measured in two passes (all written, then all read): one
    // layout each, not one per name (a name's box does not depend on the others'). English on
    // the phone profile: 7–14 ms a call instead of 8–22 ms.
    const measure = (text: (name: string) => string) => {
      for (const { el, name } of all) if (el.textContent !== text(name)) el.textContent = text(name);
      return all.map(({ el }) => el.getBoundingClientRect());
    };
    const full = measure((name) => name);
    const short = measure(shortName);
    all.forEach(({ el, name }, i) => {
      const useShort = !fits(full[i]!) && shortName(name) !== name;
      const r = useShort ? short[i]! : full[i]!;
      if (!useShort) el.textContent = name;
      const shown = fits(r) || rank(el) === 0;
      el.classList.toggle('is-crowded', !shown);
      if (shown) taken.push(r);
    });
  };
  map.on('moveend', declutter);
  map.on('idle', declutter);

  // Where the CPU draws WebGL: one pixel per CSS pixel at rest, fewer in flight (FLIGHT_PIXEL_RATIO).
  const cpuDrawn = softwareGl(gl);
  const restingRatio = cpuDrawn ? Math.min(1, devicePixelRatio || 1) : (undefined as unknown as number);
  let changingRatio = false;
  /** A new drawing-buffer size, which MapLibre reports as a resize: not a new layout to re-frame for. */
  const setPixelRatio = (ratio: number) => {
    changingRatio = true;
    map.setPixelRatio(ratio);
    changingRatio = false;
  };

  const padding = (target: MapTarget): Padding => {
    const box = container.getBoundingClientRect();
    return o.padding ? o.padding(box, target) : margin(box);
  };

  const frame = (target: MapTarget, animate: boolean) => {
    const view = views[target.key];
    if (!view) return;
    const county = target.region && target.region !== CITY_CODE ? countyBounds.get(target.region) : undefined;
    // A county is framed with a ring of its neighbours around it: where it is matters too.
    let bounds = county ? grow(county, COUNTY_CONTEXT) : view.bounds;
    const pad = padding(target);
    const box = container.getBoundingClientRect();
    // cameraForBounds + jumpTo/easeTo rather than fitBounds: MapLibre once dropped fitBounds'
    // padding when reduced motion turned the flight into a jump (maplibre-gl-js#6576).
    let camera = map.cameraForBounds(bounds as LngLatBoundsLike, { padding: pad, maxZoom: 11 });
    // A circle the frame would cut (at the map's edge, or under what covers it) is taken in
    // whole: the frame grows to hold it (its radius is in pixels, so again at the new zoom).
    for (let i = 0; i < 4 && camera && county; i++) {
      const grown = takeInCircles(bounds, camera, view.symbols, box, pad);
      if (!grown) break;
      bounds = grown;
      camera = map.cameraForBounds(bounds as LngLatBoundsLike, { padding: pad, maxZoom: 11 });
    }
    if (!camera) return;
    if (!animate || reducedMotion.matches) return void map.jumpTo(camera);
    map.easeTo({ ...camera, duration: 900, essential: false });
    // After easeTo, whose stop() ends a flight under way (and runs that flight's moveend).
    if (cpuDrawn) {
      setPixelRatio(FLIGHT_PIXEL_RATIO);
      map.once('moveend', () => setPixelRatio(restingRatio));
    }
  };

  let currentKey = views[shown.key] ? shown.key : '';
  const show = (target: MapTarget) => {
    const view = views[target.key];
    if (!view) return;
    const previous = shown;
    shown = target;
    if (target.key !== currentKey) {
      currentKey = target.key;
      panel.dataset.mapSettled = 'false';
      // diff: only the changed layers, filters and symbol data are touched, no flash.
      map.setStyle(styleFor(view, geo), { diff: true });
      placeLabels(view);
    }
    // A state switch (before/after) keeps the camera; a new view or region moves it.
    if (previous.region !== target.region || previous.view !== target.view) {
      frame(target, ready);
      // A camera that did not need to move draws nothing: one frame more, so that `idle` (and
      // data-map-settled) still follow the movestart the camera call fired.
      map.triggerRepaint();
    }
  };

  // The first frame is the facade's: same bounds, same place in the box.
  const facade = o.facade ? facadePadding(o.facade, container.getBoundingClientRect()) : null;
  const facadeCamera = facade && map.cameraForBounds(firstView.bounds as LngLatBoundsLike, { padding: facade });
  if (facadeCamera) map.jumpTo(facadeCamera);

  // The first layers, then the others one task each: shader compilation and bucket uploads
  // spread over several short tasks instead of one long one.
  const full = styleFor(firstView, geo);
  const loaded = new Promise<void>((resolve) => {
    map.once('load', () => resolve());
    map.once('error', () => resolve());
  });
  await nextTask();
  map.setStyle({ ...full, layers: full.layers.filter((l) => stageOf(l.id) === 0) });
  addHatch();
  await loaded;
  performance.mark('story-map-first-layers');
  if (panel.dataset.map === 'svg') return null;
  // A frame drawn, then a task boundary (input first); at most 100 ms if nothing draws.
  const nextFrame = () =>
    new Promise<void>((resolve) => {
      const go = () => {
        clearTimeout(timer);
        map.off('render', go);
        void nextTask().then(resolve);
      };
      const timer = setTimeout(go, 100);
      map.on('render', go);
    });
  for (let stage = 1; stage < LAYER_STAGES.length; stage++) {
    const layers = full.layers.filter((l) => stageOf(l.id) === stage);
    if (!layers.length) continue;
    await nextFrame();
    if (panel.dataset.map === 'svg') return null;
    for (const layer of layers) {
      // In the full style's order: before the first later layer already on the map.
      const after = full.layers.slice(full.layers.indexOf(layer) + 1).find((l) => map.getLayer(l.id));
      map.addLayer(layer, after?.id);
    }
  }
  await nextTask();
  placeLabels(firstView);
  performance.mark('story-map-labels');

  const wanted = o.current();
  await nextTask();
  const drawn = new Promise<void>((resolve) => map.once('idle', () => resolve()));
  // Back to the screen's resolution (undefined: follow devicePixelRatio, as without the option),
  // but not above one pixel per CSS pixel where WebGL is drawn by the CPU (softwareGl).
  setPixelRatio(restingRatio);
  if (!facadeCamera) frame(shown, false);
  await drawn;
  map.off('render', submit);
  await gpuDone(gl, lastFence);
  lastFence = null;
  if (panel.dataset.map === 'svg') return null;
  ready = true;
  drawInFrames();
  panel.dataset.map = 'maplibre';
  // Drawn means on screen: the first frame with the canvas shown has been painted (or a second
  // has passed, where frames are not being drawn: a hidden tab or frame).
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 1000);
  });
  performance.mark('story-map-idle');
  // Now on show, as the facade was: move to the step's own frame (and view, if the reader moved on).
  const first = shown;
  shown = { ...first, region: '' };
  show(wanted);
  // A new layout (rotation, phone ↔ desktop) moves the free part: re-frame without flying.
  map.on('resize', () => changingRatio || frame(shown, false));

  return {
    map,
    show,
    reframe: () => ready && frame(shown, true),
    countyPoint(code) {
      const label = views[shown.key]?.labels.find((l) => l.code === code);
      if (!label || panel.dataset.map !== 'maplibre') return null;
      const p = map.project(label.lonLat);
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  };
}
