/**
 * The interactive map: MapLibre drawing the compiled views over the build-time SVG, which
 * stays underneath as the fallback. Loaded with `import()` only when the map panel nears the
 * viewport, so the story's text is readable and scrollable before ~1 MB of map code arrives.
 *
 * Colours and layers come only from toMapLibreStyle (src/render/maplibre-style.ts); this file
 * adds geometry, the hatch image, HTML labels and the camera.
 */
import { Map as MapLibreMap, Marker, setWorkerUrl, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
// Its stylesheet as a file linked on demand: a plain CSS import would be hoisted by Astro into
// the page's <head> as 70 KB of render-blocking CSS for a map that may never load.
import cssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
// MapLibre 6 runs its parsing in a module worker that bundlers do not copy on their own.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { CompiledView } from '../views/compile.ts';
import { geoFromTopology, type GeoData } from '../views/geo-data.ts';
import { PALETTE } from '../views/palette.ts';
import { GEO_SOURCES, HATCH_IMAGE, toMapLibreStyle } from '../render/maplibre-style.ts';
import type { MapTarget } from './scroll-steps.ts';

setWorkerUrl(workerUrl);

export type Views = Record<string, CompiledView>;
type Bounds = [[number, number], [number, number]];

const CITY_CODE = '141100';
/** Layout breakpoint shared with story.css: below it the cards scroll over a full-bleed map. */
const DESKTOP = '(min-width: 900px)';

export interface MapRuntime {
  map: MapLibreMap;
  /** Draw this target (view + state) and frame its region. */
  show(target: MapTarget): void;
  /** The county's label point in viewport pixels, if the map is drawing it. */
  countyPoint(code: string): { x: number; y: number } | null;
}

export interface StartMapOptions {
  panel: HTMLElement;
  container: HTMLElement;
  views: Promise<Views>;
  geoUrl: string;
  current: () => MapTarget;
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

/** Share of a county's size shown around it on each side when a step frames that county. */
const COUNTY_CONTEXT = 0.45;
const grow = ([[w, s], [e, n]]: Bounds, k: number): Bounds => [
  [w - (e - w) * k, s - (n - s) * k],
  [e + (e - w) * k, n + (n - s) * k],
];

function boundsOf(geometry: GeoJSON.Geometry): Bounds {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
    } else (c as unknown[]).forEach(walk);
  };
  if ('coordinates' in geometry) walk(geometry.coordinates);
  return [[w, s], [e, n]];
}

/** Height of what sits above a chapter's first step (kicker, title) and scrolls in with it. */
function leadIn(step: HTMLElement): number {
  let first: Element = step;
  while (first.previousElementSibling && !first.previousElementSibling.matches('.step')) first = first.previousElementSibling;
  return first === step ? 0 : step.getBoundingClientRect().top - first.getBoundingClientRect().top;
}


/** Callers check webglAvailable() (webgl.ts) before importing this module. */
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
    const topology = fetch(o.geoUrl).then((r) => {
      if (!r.ok) throw new Error(`${o.geoUrl}: HTTP ${r.status}`);
      return r.json() as Promise<unknown>;
    });
    [views, geo] = await Promise.all([o.views, topology.then(geoFromTopology), linkStylesheet(cssUrl)]);
  } catch (error) {
    fallback(error);
    return null;
  }
  const countyBounds = new Map(geo.counties.features.map((f) => [f.properties.code, boundsOf(f.geometry)]));

  const touch = matchMedia('(pointer: coarse)').matches;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const desktop = matchMedia(DESKTOP);
  let shown = o.current();
  const firstView = views[shown.key] ?? Object.values(views)[0];
  if (!firstView) {
    fallback('no views');
    return null;
  }

  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container,
      bounds: firstView.bounds as LngLatBoundsLike,
      attributionControl: false,
      interactive: true,
      cooperativeGestures: false,
      // Touch scrolling must pass through to the page (mapbox/storytelling#29/#33/#64).
      dragPan: !touch,
      touchZoomRotate: false,
      touchPitch: false,
      dragRotate: false,
      scrollZoom: false,
      boxZoom: false,
      keyboard: false,
      pitchWithRotate: false,
      fadeDuration: 0,
    });
  } catch (error) {
    fallback(error);
    return null;
  }
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

  // County names as HTML: no glyph server exists, and the page's own CJK fonts render them.
  const labels = new Map<string, { el: HTMLElement; marker: Marker }>();
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
        label = { el, marker: new Marker({ element: el, anchor: 'center' }).setLngLat(l.lonLat).addTo(map) };
        labels.set(id, label);
      }
      if (label.el.textContent !== l.name) label.el.textContent = l.name;
      // `dy` moves a name below a symbol drawn on its label point (as the SVG does).
      label.marker.setOffset([0, l.dy]);
      label.el.classList.toggle('is-subject', l.kind === 'county' && subject.has(l.code));
    }
  };

  /**
   * Names that would overlap a more important one, or be cut by the panel's edge, step aside:
   * the subject counties first, then the other counties, then the neighbours. (HTML markers have
   * no collision detection of their own; long English names need it on a phone.)
   */
  const declutter = () => {
    const box = container.getBoundingClientRect();
    const rank = (el: HTMLElement) => (el.classList.contains('is-subject') ? 0 : el.classList.contains('map-label--county') ? 1 : 2);
    const taken: DOMRect[] = [];
    for (const el of [...labels.values()].map((l) => l.el).sort((a, b) => rank(a) - rank(b))) {
      const r = el.getBoundingClientRect();
      const inside = r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
      const clash = taken.some((t) => r.left < t.right + 3 && r.right > t.left - 3 && r.top < t.bottom + 1 && r.bottom > t.top - 1);
      el.classList.toggle('is-crowded', !inside || clash);
      if (inside && !clash) taken.push(r);
    }
  };
  map.on('moveend', declutter);
  map.on('idle', declutter);

  /**
   * The free part of the map, from the layout as it is: the chrome box where it lies over the
   * map (phones: top-left corner), and on phones the resting card and whatever its chapter puts
   * above it (kicker, title). Beside the map (desktop) nothing covers it: a fixed margin.
   */
  const padding = () => {
    const box = container.getBoundingClientRect();
    const gap = Math.round(Math.min(box.width, box.height) * 0.04) + 8;
    const over = (selector: string) => {
      const r = panel.querySelector<HTMLElement>(selector)?.getBoundingClientRect();
      return r && r.width > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top ? r : null;
    };
    const chrome = over('.map-chrome:not([hidden])');
    const buttons = over('.map-steps');
    let top = chrome ? Math.max(gap, chrome.bottom - box.top + gap) : gap;
    let bottom = gap;
    // Prev/next buttons: keep the region clear of them at whichever edge they sit.
    if (buttons && buttons.top - box.top > box.height / 2) bottom = Math.max(bottom, box.bottom - buttons.top + 8);
    else if (buttons) top = Math.max(top, buttons.bottom - box.top + 8);
    // Only a story step is a card over the map (an embed passes a stand-in that covers nothing).
    const step = shown.step ?? document.querySelector<HTMLElement>('.step');
    if (!desktop.matches && step?.matches('.step')) {
      // A card rests with its top at its scroll-margin-top, measured against the panel's own
      // height: the panel is sticky at the viewport's top whenever a card rests.
      const rest = parseFloat(getComputedStyle(step).scrollMarginTop) || box.height / 2;
      bottom = Math.max(gap, box.height - rest + leadIn(step) + gap);
    }
    // Never squeeze the free band below a quarter of the panel (a long legend, a short screen).
    const spare = box.height - top - bottom;
    const fix = spare < box.height / 4 ? (box.height / 4 - spare) / 2 : 0;
    return { top: Math.max(4, top - fix), bottom: Math.max(4, bottom - fix), left: gap, right: gap };
  };

  const frame = (target: MapTarget, animate: boolean) => {
    const view = views[target.key];
    if (!view) return;
    const county = target.region && target.region !== CITY_CODE ? countyBounds.get(target.region) : undefined;
    // A county is framed with a ring of its neighbours around it: where it is matters too.
    const bounds = county ? grow(county, COUNTY_CONTEXT) : view.bounds;
    // cameraForBounds + jumpTo/easeTo rather than fitBounds: MapLibre once dropped fitBounds'
    // padding when reduced motion turned the flight into a jump (maplibre-gl-js#6576).
    const camera = map.cameraForBounds(bounds as LngLatBoundsLike, { padding: padding(), maxZoom: 11 });
    if (!camera) return;
    if (!animate || reducedMotion.matches) map.jumpTo(camera);
    else map.easeTo({ ...camera, duration: 900, essential: false });
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
    if (previous.region !== target.region || previous.view !== target.view) frame(target, ready);
  };

  const loaded = new Promise<void>((resolve) => {
    map.once('load', () => {
      addHatch();
      placeLabels(firstView);
      resolve();
    });
    map.once('error', () => resolve());
  });
  map.setStyle(styleFor(firstView, geo));
  addHatch();
  await loaded;
  if (panel.dataset.map === 'svg') return null;

  frame(shown, false);
  // The step may have changed while the map was loading.
  show(o.current());
  map.once('idle', () => {
    ready = true;
    panel.dataset.map = 'maplibre';
    performance.mark('story-map-idle');
  });
  // A new layout (rotation, phone ↔ desktop) moves the free part: re-frame without flying.
  map.on('resize', () => frame(shown, false));

  return {
    map,
    show,
    countyPoint(code) {
      const label = views[shown.key]?.labels.find((l) => l.code === code);
      if (!label || panel.dataset.map !== 'maplibre') return null;
      const p = map.project(label.lonLat);
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  };
}
