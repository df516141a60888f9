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
 * `startMap` is the start-up's sequence; each step's how is a module of map-startup/:
 * scheduling.ts (tasks, not frames, while hidden; input first; the GPU fenced), resolution.ts
 * (pixel ratios: built small, shown sharp, flights where the CPU draws WebGL), staging.ts (the
 * layers in three frames), labels.ts (names placed and decluttered), camera.ts (framing, the
 * facade's first frame). A reader tapping while the map starts is answered between its steps,
 * and the canvas is shown only once the GPU has finished its first full frame.
 */
import { Map as MapLibreMap, prewarm, setWorkerUrl, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
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
import { CITY_CODE } from '../geo/divisions.ts';
import { boundsOf, cameraFor, facadePadding, margin, type Padding } from './map-startup/camera.ts';
import { mapLabels } from './map-startup/labels.ts';
import { pixelRatios, policyFor, STARTUP_PIXEL_RATIO } from './map-startup/resolution.ts';
import { drawInTasks, fenceFrames, nextTask, yieldFramesToInput } from './map-startup/scheduling.ts';
import { addInStages } from './map-startup/staging.ts';

setWorkerUrl(workerUrl);

export type { Padding };
export type Views = Record<string, CompiledView>;

/** What the map shows: a view, its state (before/after) if it has states, and the region to frame. */
export interface MapTarget {
  view: string;
  state: string | null;
  /** GB/T 2260 code: 141100 frames the whole view, a county code frames that county. */
  region: string;
  /** The views JSON key: the view id, or `${view}-${state}`. */
  key: string;
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
 * Ahead of startMap, while the reader has not touched the page: MapLibre's workers start (their
 * script downloads) and its stylesheet is linked, so the first input waits for no network.
 */
export function prepareMap(): void {
  prewarm();
  linkStylesheet(cssUrl).catch(() => undefined);
}

/**
 * The map, framed on `bounds`, drawing on `canvas` if given, its buffer at `pixelRatio`. On a
 * touch screen nothing of the map is dragged or pinched: scrolling and taps belong to the page
 * (mapbox/storytelling#29/#33/#64).
 */
function createMap(
  container: HTMLElement,
  bounds: LngLatBoundsLike,
  pixelRatio: number,
  touch: boolean,
  canvas?: HTMLCanvasElement,
): MapLibreMap {
  const restoreCreateElement = canvas ? handOver(canvas) : () => undefined;
  try {
    const map = new MapLibreMap({
      container,
      bounds,
      // The styles are compiled from checked views; validating them again costs the reader time.
      validateStyle: false,
      attributionControl: false,
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
      pixelRatio,
    });
    // MapLibre listens on the map's box whether or not its handlers are on, among them a touchmove
    // and a wheel listener that are not passive: every scroll that starts over the map then waits
    // for the main thread (busy while the map starts), and a capturing mousemove on the document
    // ran ~35 ms at the phone profile before each tap's click. A touch screen has no use for them:
    // they go (the tooltips listen on the map's box themselves, tooltip.ts).
    if (touch) map._handlers.destroy();
    // The canvas sits in an aria-hidden container: keyboard users get the county buttons instead.
    map.getCanvas().setAttribute('tabindex', '-1');
    return map;
  } finally {
    restoreCreateElement();
  }
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
  const givenUp = () => panel.dataset.map === 'svg';
  panel.dataset.map = 'loading';

  // 1. The data: views, geography (converted ahead by the story) and MapLibre's stylesheet.
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

  // 2. The map, built small while hidden (resolution.ts), its frames in tasks that give way to
  // input (scheduling.ts).
  await nextTask();
  performance.mark('story-map-create');
  let map: MapLibreMap;
  try {
    map = createMap(container, firstView.bounds as LngLatBoundsLike, STARTUP_PIXEL_RATIO, touch, o.canvas);
  } catch (error) {
    fallback(error);
    return null;
  }
  const drawInFrames = drawInTasks(map);
  yieldFramesToInput(map);

  const addHatch = () => {
    if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage(), { pixelRatio: Math.max(1, Math.round(devicePixelRatio || 1)) });
  };
  // Set before the first style, so the pattern is there the first time a layer asks for it
  // (and again after any full style reload that drops images).
  map.setMissingStyleImageResolver((id) => {
    if (id === HATCH_IMAGE) addHatch();
  });

  // 3. What the page reads of the map's state.
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
  // Each start-up frame's drawing handed to the GPU as it is drawn (scheduling.ts, gpuDone).
  const gl = glOf(map);
  const fences = fenceFrames(map, gl);

  // 4. Names (labels.ts), resolution (resolution.ts) and framing (camera.ts).
  const labels = mapLabels(map, container, o.obstacles);
  map.on('moveend', labels.declutter);
  map.on('idle', labels.declutter);
  const ratios = pixelRatios(map, policyFor(gl, devicePixelRatio));

  const frame = (target: MapTarget, animate: boolean) => {
    const view = views[target.key];
    if (!view) return;
    const county = target.region && target.region !== CITY_CODE ? countyBounds.get(target.region) : undefined;
    const box = container.getBoundingClientRect();
    const pad = o.padding ? o.padding(box, target) : margin(box);
    // cameraForBounds + jumpTo/easeTo rather than fitBounds: MapLibre once dropped fitBounds'
    // padding when reduced motion turned the flight into a jump (maplibre-gl-js#6576).
    const camera = cameraFor(map, view, county, box, pad);
    if (!camera) return;
    if (!animate || reducedMotion.matches) return void map.jumpTo(camera);
    map.easeTo({ ...camera, duration: 900, essential: false });
    ratios.fly();
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
      labels.place(view);
    }
    // A state switch (before/after) keeps the camera; a new view or region moves it.
    if (previous.region !== target.region || previous.view !== target.view) {
      frame(target, ready);
      // A camera that did not need to move draws nothing: one frame more, so that `idle` (and
      // data-map-settled) still follow the movestart the camera call fired.
      map.triggerRepaint();
    }
  };

  // 5. The first frame is the facade's: same bounds, same place in the box (camera.ts).
  const facade = o.facade ? facadePadding(o.facade, container.getBoundingClientRect()) : null;
  const facadeCamera = facade && map.cameraForBounds(firstView.bounds as LngLatBoundsLike, { padding: facade });
  if (facadeCamera) map.jumpTo(facadeCamera);

  // 6. The layers in stages, one frame each (staging.ts), then the names.
  const staged = await addInStages(map, styleFor(firstView, geo), {
    onFirstStyle: addHatch,
    onFirstLayers: () => performance.mark('story-map-first-layers'),
    stopped: givenUp,
  });
  if (!staged) return null;
  labels.place(firstView);
  performance.mark('story-map-labels');

  // 7. One frame at the resting resolution, shown once the GPU has done it.
  const wanted = o.current();
  await nextTask();
  const drawn = new Promise<void>((resolve) => map.once('idle', () => resolve()));
  ratios.rest();
  if (!facadeCamera) frame(shown, false);
  await drawn;
  await fences.finish();
  if (givenUp()) return null;
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

  // 8. Now on show, as the facade was: move to the step's own frame (and view, if the reader moved on).
  const first = shown;
  shown = { ...first, region: '' };
  show(wanted);
  // A new layout (rotation, phone ↔ desktop) moves the free part: re-frame without flying.
  map.on('resize', () => ratios.changing || frame(shown, false));

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
