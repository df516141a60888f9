/**
 * Which step of the story is active, and what that means for the map panel's HTML.
 *
 * The active step is DERIVED FROM POSITIONS every time (the last step whose top is above a
 * trigger line), never accumulated from enter/exit events: a fast fling, a slow crawl, a
 * resize, a font swap or a reload mid-page all land on the same answer (scrollama#26/#56/#126).
 */
import type { MapTarget } from './map-runtime.ts';

/**
 * Fraction of the viewport height where a step becomes active: `--story-trigger` on the story
 * (story.css sets it per layout — on phones, the line where a resting card starts to cover the
 * map), 0.55 by default.
 */
const TRIGGER_LINE = 0.55;
/** The trigger line in px from the viewport's top (lang-switch.ts reads the same property). */
function triggerLine(main: Element | null): number {
  const css = main ? parseFloat(getComputedStyle(main).getPropertyValue('--story-trigger')) : NaN;
  return (css > 0 && css < 1 ? css : TRIGGER_LINE) * window.innerHeight;
}

/** What the map shows (map-runtime.ts), and the story step that asked for it. */
export interface StoryTarget extends MapTarget {
  /** The active step element, or null above the first step. */
  step: HTMLElement | null;
}

export interface StorySteps {
  /** The target now on the panel. */
  current(): StoryTarget;
  /** Called after every change of target (step change or state button), with what caused it. */
  onChange(listener: (target: StoryTarget, cause: 'step' | 'state') => void): void;
  /** Re-derive the active step from positions now (also runs on scroll, resize, load, fonts). */
  update(): void;
  /** Show the current target's block again: call after blocks were added to the panel. */
  refresh(): void;
}

export interface StoryStepsOptions {
  /**
   * The panel shows a view whose block (`.map-chrome[data-key]`) is not in the page yet: the
   * story's HTML carries only the first one (map-panels.ts fetches the rest). Call refresh() once
   * it is there.
   */
  missingChrome?: () => void;
}

interface Step {
  el: HTMLElement;
  view: string;
  state: string | null;
  region: string;
  chapter: HTMLElement | null;
}

const keyOf = (view: string, state: string | null) => (state ? `${view}-${state}` : view);

/** `data-view-states` on the panel: the states each view has (`{"incidence":["before","after"]}`). */
function statesFromPanel(panel: HTMLElement): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(panel.dataset.viewStates ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

export function startStorySteps(main: HTMLElement, panel: HTMLElement, options: StoryStepsOptions = {}): StorySteps {
  const steps: Step[] = [...main.querySelectorAll<HTMLElement>('.step[data-view]')].map((el) => ({
    el,
    view: el.dataset.view!,
    state: el.dataset.state || null,
    region: el.dataset.region || panel.dataset.region || '',
    chapter: el.closest<HTMLElement>('.chapter'),
  }));
  // Above the first step the panel shows what the page was built with.
  const initial: Omit<Step, 'el' | 'chapter'> = {
    view: panel.dataset.view ?? '',
    state: panel.dataset.state || null,
    region: panel.dataset.region ?? '',
  };
  // Blocks arrive after the page (map-panels.ts): looked up each time, never kept.
  const chromes = () => [...panel.querySelectorAll<HTMLElement>('.map-chrome[data-key]')];
  const states = statesFromPanel(panel);
  const svg = panel.querySelector<HTMLImageElement>('.map-svg');
  const svgBase = svg?.getAttribute('src')?.replace(/[^/]+\.svg$/, '') ?? null;
  const announcer = main.querySelector<HTMLElement>('.sr-announcer');
  // State buttons sit in each view's block (each view names its own states).
  const stateButtons = () => [...panel.querySelectorAll<HTMLButtonElement>('.map-states button[data-state]')];
  const prev = panel.querySelector<HTMLButtonElement>('[data-go="prev"]');
  const next = panel.querySelector<HTMLButtonElement>('[data-go="next"]');
  const listeners: Array<(t: StoryTarget, cause: 'step' | 'state') => void> = [];

  let index = -2; // nothing applied yet
  let chapter: HTMLElement | null | undefined; // undefined: not yet known
  let stateOverride: string | null = null;
  let target: StoryTarget = { ...initial, key: keyOf(initial.view, initial.state), step: null };
  // The browser scrolls to a #chapter only once the document has loaded; writing the URL before
  // that would fight it. Until then the hash is left alone.
  let loaded = document.readyState === 'complete';

  const statesOf = (view: string) => states[view] ?? [];

  function activeIndex(): number {
    const line = triggerLine(main);
    let found = -1;
    for (let i = 0; i < steps.length; i++) {
      // Steps are in document order, so tops increase: stop at the first one below the line.
      if (steps[i]!.el.getBoundingClientRect().top <= line) found = i;
      else break;
    }
    return found;
  }

  function applyTarget(cause: 'step' | 'state') {
    const step = index >= 0 ? steps[index]! : null;
    const base = step ?? { ...initial, el: null };
    const available = statesOf(base.view);
    const state = stateOverride && available.includes(stateOverride) ? stateOverride : (base.state ?? available[0] ?? null);
    const key = available.length && state ? keyOf(base.view, state) : base.view;
    target = { view: base.view, state: key === base.view ? null : state, region: base.region, key, step: step?.el ?? null };

    panel.dataset.view = target.view;
    panel.dataset.state = target.state ?? '';
    panel.dataset.region = target.region;
    if (svg && svgBase !== null) {
      const src = `${svgBase}${key}.svg`;
      if (svg.getAttribute('src') !== src) svg.setAttribute('src', src);
    }
    showChrome();
    for (const [i, s] of steps.entries()) s.el.classList.toggle('is-active', i === index);
    prev?.setAttribute('aria-disabled', String(index <= 0));
    next?.setAttribute('aria-disabled', String(index >= steps.length - 1));
    for (const l of listeners) l(target, cause);
  }

  /** The target's block alone shown (none while it is still on its way), and the SVG's text alternative from it. */
  function showChrome() {
    let found: HTMLElement | null = null;
    for (const c of chromes()) {
      c.hidden = c.dataset.key !== target.key;
      if (!c.hidden) found = c;
    }
    panel.dataset.chrome = found ? 'ready' : 'loading';
    if (!found) options.missingChrome?.();
    const description = found?.querySelector('.map-description')?.textContent?.trim();
    if (svg && description) svg.alt = description;
    for (const b of stateButtons()) b.setAttribute('aria-pressed', String(b.dataset.state === target.state));
  }

  function syncChapter() {
    const now = index >= 0 ? steps[index]!.chapter : null;
    if (now === chapter) return;
    const first = chapter === undefined;
    chapter = now;
    if (!first && now?.dataset.title && announcer) announcer.textContent = now.dataset.title;
    syncUrl();
  }

  function syncUrl() {
    if (!loaded || chapter === undefined) return;
    const id = chapter?.id ?? '';
    if (decodeURIComponent(location.hash.slice(1)) === id) return;
    // replaceState, never pushState: scrolling must not fill the Back button's history.
    const url = `${location.pathname}${location.search}${id ? `#${encodeURIComponent(id)}` : ''}`;
    history.replaceState(history.state, '', url);
  }

  function update() {
    const i = activeIndex();
    if (i === index) return;
    index = i;
    stateOverride = null;
    applyTarget('step');
    syncChapter();
  }

  // rAF-throttled: at most one layout read per frame however fast the wheel spins.
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule);
  addEventListener('pageshow', schedule);
  addEventListener('load', () => {
    loaded = true;
    update();
    syncUrl();
  });
  document.fonts?.ready.then(schedule, () => undefined);
  document.fonts?.addEventListener?.('loadingdone', schedule);
  // Text reflows (fonts, images, a narrower column) move the steps without a scroll event.
  const text = main.querySelector('.story-text');
  if (text && 'ResizeObserver' in window) new ResizeObserver(schedule).observe(text);

  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const go = (delta: number) => {
    const to = steps[Math.max(0, Math.min(steps.length - 1, index + delta))];
    if (!to || (delta < 0 && index <= 0) || (delta > 0 && index >= steps.length - 1)) return;
    // The step's CSS scroll-margin-top puts its top where the layout wants a resting card.
    to.el.scrollIntoView({ behavior: reducedMotion.matches ? 'auto' : 'smooth', block: 'start' });
  };
  prev?.addEventListener('click', () => go(-1));
  next?.addEventListener('click', () => go(1));

  // One listener for every block's buttons, those fetched later included.
  panel.addEventListener('click', (event) => {
    const b = (event.target as Element | null)?.closest?.<HTMLButtonElement>('.map-states button[data-state]');
    if (!b) return;
    stateOverride = b.dataset.state!;
    applyTarget('state');
    // The pressed button sits in a block that just hid: keep focus on its twin.
    if (b.closest('[hidden]')) {
      const twin = stateButtons().find((x) => x.dataset.state === b.dataset.state && !x.closest('[hidden]'));
      twin?.focus({ preventScroll: true });
    }
  });

  update();
  return {
    current: () => target,
    onChange: (l) => void listeners.push(l),
    update,
    refresh: showChrome,
  };
}
