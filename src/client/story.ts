/**
 * Client entry of the story page. Everything here runs before the map is wanted, so it stays
 * small: step tracking and the panel's HTML (scroll-steps.ts). What can wait for the page to have
 * loaded and painted does: the other views' panel blocks with the Export/Embed tools
 * (map-panels.ts) and the county tooltips (tooltip.ts) come when the browser is idle after
 * `load`, or at once when a step needs them. MapLibre (map-runtime.ts, ~1 MB) is imported only
 * when the map panel nears the viewport and the reader has begun to scroll, point or type
 * (first-input.ts) — deferring it is what keeps the page's blocking time near zero
 * (PlaceCal#3265).
 */
import type { CompiledView } from '../views/compile.ts';
import type { MapRuntime } from './map-runtime.ts';
import { fetchJson } from './fetch-json.ts';
import { afterFirstInput, markFirstInput } from './first-input.ts';
import { loadMapPanels } from './map-panels.ts';
import { nextTask } from './next-task.ts';
import './print-maps.ts';
import { startStorySteps } from './scroll-steps.ts';
import { storyMapPadding } from './story-frame.ts';
import { webglCanvas } from './webgl.ts';
import type { Tooltip } from './tooltip.ts';
import type { GeoData } from '../views/geo-data.ts';

type Views = Record<string, CompiledView>;

// Read before the load event, after which this script rewrites it to the chapter being read.
const openedHash = location.hash;

// Layout that needs JavaScript (sticky map, scroll-over cards) is keyed on this class.
document.documentElement.classList.add('js');

const main = document.querySelector<HTMLElement>('main.story');
const panel = document.getElementById('story-map');
if (main && panel) start(main, panel);

function start(main: HTMLElement, panel: HTMLElement) {
  panel.dataset.map = 'svg';
  const container = panel.querySelector<HTMLElement>('.map-canvas');
  const tooltipBox = panel.querySelector<HTMLElement>('.map-tooltip');

  // Every view of the page in one JSON, fetched once (a failed fetch may be retried later).
  let viewsRequest: Promise<Views> | null = null;
  const views = () =>
    (viewsRequest ??= fetchJson<Views>(panel.dataset.viewsUrl ?? '').catch((error: unknown) => {
      viewsRequest = null;
      throw error;
    }));

  // When the browser has a moment to spare (at most 0.6 s later).
  const soon = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 600 }) : setTimeout(fn, 50));
  // The other views' blocks and the tools: once, then the tools are wired (their modules load
  // with them), a block per slice. Fetched at idle, they are parsed and wired at idle too, so
  // that they never hold up the map's start-up or a tap; once a step needs one, a task each.
  let panelsRequest: Promise<void> | null = null;
  let nextSlice = () => new Promise<void>((resolve) => soon(() => resolve()));
  const panels = (needed: boolean) => {
    if (needed) nextSlice = nextTask;
    return (panelsRequest ??= loadMapPanels(panel, () => nextSlice())
      .then(async (added) => {
        steps.refresh();
        const [{ wireEmbedDialogs }, { showExportMenus }] = await Promise.all([
          import('./embed-dialog.ts'),
          import('./export-menu-toggle.ts'),
        ]);
        for (const block of added) {
          await nextSlice();
          wireEmbedDialogs(block);
          showExportMenus(block);
        }
      })
      .catch((error: unknown) => {
        panelsRequest = null;
        panel.dataset.chrome = 'error';
        console.warn('Story map: the other views’ legends could not be loaded.', error);
      }));
  };

  const steps = startStorySteps(main, panel, { missingChrome: () => void panels(true) });
  let tooltip: Tooltip | null = null;
  let runtime: MapRuntime | null = null;
  let tooltipRequest: Promise<void> | null = null;
  const tooltips = () =>
    (tooltipRequest ??= tooltipBox
      ? import('./tooltip.ts')
          .then(({ createTooltip }) => {
            tooltip = createTooltip({ panel, box: tooltipBox, views, currentKey: () => steps.current().key });
            if (runtime) tooltip.attachMap(runtime.map, runtime.countyPoint);
            // The focus that asked for the module came before its listeners: answer it now.
            const focused = document.activeElement?.closest?.<HTMLButtonElement>('.map-counties button[data-code]');
            if (focused && panel.contains(focused)) void tooltip.show(focused.dataset.code!, 'county');
          })
          .catch((error: unknown) => {
            tooltipRequest = null;
            console.warn('Story map: tooltips could not be loaded.', error);
          })
      : Promise.resolve());

  // Without WebGL 2 the SVG stays for good, and no map code is ever loaded. Asked once the page
  // has loaded (or when the map is wanted), not in this first script: the probe creates a WebGL
  // context, a round trip to the GPU process that the first screen does not need.
  // The probe's canvas and context are the map's own (startMap's `canvas`).
  let canvas: HTMLCanvasElement | null | undefined;
  const canDraw = (): boolean => {
    if (canvas === undefined) {
      canvas = container ? webglCanvas() : null;
      if (!canvas) panel.dataset.mapFallback = 'no-webgl'; // data-map stays "svg"
    }
    return !!canvas;
  };

  // The map's code and geography, fetched (and the code evaluated) at idle once the page has
  // loaded: the reader's first input then starts the map without waiting for the network.
  let mapModule: Promise<typeof import('./map-runtime.ts')> | null = null;
  const mapCode = () => (mapModule ??= import('./map-runtime.ts'));
  // The geography converted to GeoJSON then too (a task of its own, not one more before the map).
  let geoRequest: Promise<GeoData> | null = null;
  const geo = () =>
    (geoRequest ??= Promise.all([fetchJson(panel.dataset.geoUrl ?? ''), import('../views/geo-data.ts')])
      .then(([topology, { geoFromTopology }]) => geoFromTopology(topology))
      .catch((error: unknown) => {
        geoRequest = null;
        throw error;
      }));
  const prefetchMap = () => {
    if (!canDraw()) return;
    void geo().catch(() => undefined);
    void views().catch(() => undefined);
    mapCode().then(
      (m) => m.prepareMap(),
      () => (mapModule = null),
    );
  };

  let mapRequested = false;
  const loadMap = () => {
    if (mapRequested || !container || !canDraw()) return;
    mapRequested = true;
    panel.dataset.map = 'loading';
    mapCode()
      .then((m) =>
        m.startMap({
          panel,
          container,
          canvas: canvas ?? undefined,
          views: views(),
          geoUrl: panel.dataset.geoUrl ?? '',
          geo: geo(),
          current: steps.current,
          padding: storyMapPadding(panel, main, () => steps.current().step),
          facade: panel.querySelector<HTMLImageElement>('.map-svg'),
          obstacles: () =>
            [...panel.querySelectorAll<HTMLElement>('.map-chrome:not([hidden]), .map-steps')]
              .map((el) => el.getBoundingClientRect())
              .filter((r) => r.width > 0),
        }),
      )
      .then((r) => {
        if (!r) return;
        runtime = r;
        tooltip?.attachMap(r.map, r.countyPoint);
        void tooltips();
      })
      .catch((error: unknown) => {
        // A chunk that failed to load leaves the SVG map, which is complete on its own.
        console.warn('Story map: keeping the static map.', error);
        panel.dataset.map = 'svg';
        panel.dataset.mapFallback = 'error';
      });
  };

  // Phones: the legend box folds to its title, and the map frames the room it gives back.
  const legendToggle = panel.querySelector<HTMLButtonElement>('[data-legend-toggle]');
  legendToggle?.addEventListener('click', () => {
    const open = legendToggle.getAttribute('aria-expanded') !== 'true';
    legendToggle.setAttribute('aria-expanded', String(open));
    if (open) delete panel.dataset.legend;
    else panel.dataset.legend = 'folded';
    runtime?.reframe();
  });

  steps.onChange((target, cause) => {
    runtime?.show(target);
    tooltip?.refresh();
    if (cause === 'step') markFirstInput();
  });
  // Opened mid-story (a reload, a #chapter link): the browser scrolled there before this script
  // listened, and the reader is already reading.
  const midStory = () => {
    if (scrollY > 0) markFirstInput();
  };
  if (document.readyState === 'complete') midStory();
  else addEventListener('load', midStory, { once: true });

  // "Nears the viewport" (half a screen ahead) and the reader's first input (first-input.ts:
  // until then the SVG is the map).
  const whenNear = (fn: () => void) => {
    if (!('IntersectionObserver' in window)) return fn();
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        near.disconnect();
        fn();
      },
      { rootMargin: '50% 0px' },
    );
    near.observe(panel);
  };
  // The code is fetched and evaluated at idle before then (prefetchMap), and start-up yields to
  // input at every step: it starts at once, not at the next idle moment (a reader tapping away
  // leaves few).
  whenNear(() => afterFirstInput(loadMap));
  const langSwitch = () =>
    import('./lang-switch.ts')
      .then((m) => m.keepPlaceOnSwitch(openedHash))
      .catch((error: unknown) => console.warn('Story: the language switch keeps no place.', error));
  // After the first screen has loaded and painted: the rest of the panel, the tooltips and the
  // language switch's place-keeping (until then the switch is a plain link to the other page).
  // Imported, they would be files the first script waits for (shared with the data page and
  // the embeds), one round trip more before the first map on a slow network.
  const afterLoad = () =>
    soon(() => {
      void Promise.all([panels(false), tooltips(), langSwitch()]);
      soon(prefetchMap);
    });
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
  // A keyboard or pointer on the county list before then gets its tooltips at once.
  panel.querySelector('.map-counties')?.addEventListener('focusin', () => void tooltips(), { once: true });
}
