/**
 * Client entry of an embed page (/embed/{key}/): applies the allow-listed parameters, reports
 * the page's height to the host (embed-size.ts), switches states, and makes the map live with
 * map-runtime.ts only once the frame is scrolled into view and the reader interacts with it — a
 * page with twelve embeds loads MapLibre only for the ones a reader reaches.
 */
import type { CompiledView } from '../views/compile.ts';
import { embedSearch, parseEmbedParams, type EmbedParams } from '../embed/params.ts';
import { darkMapCssVars, darkStyle, darkTwoTone } from '../embed/dark-map.ts';
import { darkMapSvgPath, embedPath } from '../site/urls.ts';
import type { MapRuntime, MapTarget } from './map-runtime.ts';
import { CITY_CODE } from '../geo/divisions.ts';
import { startSizing, type Sizing } from './embed-size.ts';
import { fetchJson } from './fetch-json.ts';
import { afterFirstInput } from './first-input.ts';
import { createTooltip } from './tooltip.ts';
import { webglCanvas } from './webgl.ts';

type Views = Record<string, CompiledView>;

const main = document.querySelector<HTMLElement>('main.embed');
if (main) {
  const params = parseEmbedParams(location.search);
  const lang = main.dataset.lang === 'en' ? 'en' : 'zh';
  if (params.lang && params.lang !== lang) {
    // `lang` picks the other language's page; only parsed values travel, never the raw query.
    location.replace(embedPath(params.lang, main.dataset.key ?? '') + embedSearch({ ...params, lang: null }));
  } else start(main, params);
}

function start(main: HTMLElement, params: EmbedParams) {
  const root = document.documentElement;
  root.classList.add('js');
  root.classList.toggle('theme-dark', params.theme === 'dark');
  if (params.theme === 'dark') darkenMap(main);
  // title=0 hides the heading visually; the frame still has it for screen readers.
  main.querySelector('.embed-title')?.classList.toggle('sr-only', !params.title);
  main.querySelector<HTMLElement>('.embed-source')?.toggleAttribute('hidden', !params.source);
  if (!params.interactive) {
    root.classList.add('embed-static');
    main.querySelector('.map-counties')?.remove();
    main.querySelector('.embed-states')?.remove();
  }

  const sizing = startSizing(params.childId ?? `${main.dataset.lang}:${main.dataset.key}`, params.childId);
  void document.fonts.ready.then(() => sizing.report(true));

  const panel = main.querySelector<HTMLElement>('.embed-map')!;
  let current = { key: main.dataset.first ?? '', state: main.dataset.firstState || null };
  // The view's own bounds (region = whole city); nothing covers the map (the default padding).
  const target = (): MapTarget => ({ view: main.dataset.view ?? '', state: current.state, region: CITY_CODE, key: current.key });

  let viewsRequest: Promise<Views> | null = null;
  const views = () => (viewsRequest ??= fetchJson<Views>(main.dataset.viewsUrl ?? ''));
  const tooltipBox = panel.querySelector<HTMLElement>('.map-tooltip');
  const tooltip = params.interactive && tooltipBox ? createTooltip({ panel, box: tooltipBox, views, currentKey: () => current.key }) : null;
  let runtime: MapRuntime | null = null;

  wireStates(main, panel, (key, state) => {
    current = { key, state };
    runtime?.show(target());
    tooltip?.refresh();
  });
  lazyMap(panel, () => loadMap(main, panel, views, target, params, sizing, tooltip).then((r) => (runtime = r)));
}

/** theme=dark: the map's SVG and its HTML labels in the dark base colours (src/embed/dark-map.ts). */
function darkenMap(main: HTMLElement) {
  for (const [name, value] of Object.entries(darkMapCssVars())) main.style.setProperty(name, value);
  const img = main.querySelector<HTMLImageElement>('.map-svg');
  const lang = main.dataset.lang === 'en' ? 'en' : 'zh';
  if (img) img.src = darkMapSvgPath(lang, main.dataset.first ?? '');
}

/** Before/after buttons on a view's bare-id page (/embed/incidence/). */
function wireStates(main: HTMLElement, panel: HTMLElement, onChange: (key: string, state: string | null) => void) {
  const buttons = [...main.querySelectorAll<HTMLButtonElement>('.embed-states button[data-key]')];
  const img = panel.querySelector<HTMLImageElement>('.map-svg');
  for (const button of buttons)
    button.addEventListener('click', () => {
      const key = button.dataset.key!;
      for (const b of buttons) b.setAttribute('aria-pressed', String(b === button));
      for (const el of main.querySelectorAll<HTMLElement>('.embed-legend[data-key], .embed-state-label[data-key]'))
        el.hidden = el.dataset.key !== key;
      if (img) img.src = img.src.replace(/[^/]+\.svg$/, `${key}.svg`);
      onChange(key, button.dataset.state || null);
    });
}

/**
 * Calls `load` once, when the map first intersects the viewport (of the top page, not only the
 * frame's) and the reader has pointed at, touched, scrolled or typed in the frame (first-input.ts):
 * until then the build-time SVG is the whole map, and opening the page blocks nothing.
 */
function lazyMap(panel: HTMLElement, load: () => void) {
  if (!('IntersectionObserver' in window)) return afterFirstInput(load);
  const seen = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    seen.disconnect();
    afterFirstInput(load);
  });
  seen.observe(panel);
}

async function loadMap(
  main: HTMLElement,
  panel: HTMLElement,
  views: () => Promise<Views>,
  target: () => MapTarget,
  params: EmbedParams,
  sizing: Sizing,
  tooltip: ReturnType<typeof createTooltip> | null,
): Promise<MapRuntime | null> {
  const container = panel.querySelector<HTMLElement>('.map-canvas');
  if (!container) return null;
  try {
    const canvas = webglCanvas();
    if (!canvas) return null; // the SVG stays, a complete map on its own; no map code loads
    const { startMap } = await import('./map-runtime.ts');
    const runtime = await startMap({
      panel,
      container,
      canvas,
      views: views(),
      geoUrl: main.dataset.geoUrl ?? '',
      current: target,
      facade: panel.querySelector<HTMLImageElement>('.map-svg'),
    });
    if (!runtime) return null;
    const { map } = runtime;
    if (params.interactive) tooltip?.attachMap(map, runtime.countyPoint);
    else for (const handler of [map.dragPan, map.scrollZoom, map.doubleClickZoom, map.keyboard, map.touchZoomRotate]) handler.disable();
    if (params.theme === 'dark') {
      // Every style the runtime sets (each view and period) goes through the dark mapping too.
      const setStyle = map.setStyle.bind(map);
      map.setStyle = ((style, options) =>
        setStyle(style && typeof style === 'object' ? darkStyle(style) : style, options)) as typeof map.setStyle;
      map.setStyle(map.getStyle(), { diff: true });
      // The hatch of "not reported" is an image the runtime draws in the palette's light colours.
      const { HATCH_IMAGE } = await import('../render/maplibre-style.ts');
      const hatch = map.hasImage(HATCH_IMAGE) ? map.getImage(HATCH_IMAGE) : null;
      if (hatch) {
        const { width, height, data } = hatch.data;
        map.updateImage(HATCH_IMAGE, { width, height, data: darkTwoTone(data, 'notReported', 'hatch') });
      }
    }
    map.once('idle', () => sizing.report(true));
    return runtime;
  } catch (error) {
    console.warn('Embed map: keeping the static map.', error);
    panel.dataset.map = 'svg';
    return null;
  }
}
