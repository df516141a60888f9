/**
 * County tooltips: the figures a view holds for one county (`compiled.tooltips[code]`).
 * Three ways in, one box: hovering or tapping the MapLibre map, and focusing or activating the
 * `.map-counties` buttons — the keyboard path, which also works over the static SVG.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CompiledView } from '../views/compile.ts';

type Views = Record<string, CompiledView>;
type Point = { x: number; y: number };
/** Where the box sits: at the pointer, on the county's label, or docked in the panel's corner. */
type Anchor = { code: string; mode: 'pointer'; at: Point } | { code: string; mode: 'county' | 'docked' };

export interface Tooltip {
  show(code: string, anchor?: { at: Point } | 'county'): Promise<void>;
  hide(): void;
  /** Re-render for the view now on the panel (the figures change with the view). */
  refresh(): void;
  /** Hover and tap on the interactive map; `countyPoint` places keyboard tooltips on the county. */
  attachMap(map: MapLibreMap, countyPoint: (code: string) => Point | null): void;
}

export interface TooltipOptions {
  panel: HTMLElement;
  box: HTMLElement;
  views: () => Promise<Views>;
  currentKey: () => string;
}

export function createTooltip({ panel, box, views, currentKey }: TooltipOptions): Tooltip {
  const zh = (panel.closest<HTMLElement>('[data-lang]')?.dataset.lang ?? document.documentElement.lang).startsWith('zh');
  let anchor: Anchor | null = null;
  let pointFor: (code: string) => Point | null = () => null;
  let token = 0;
  /** `${viewKey} ${code}` now in the box: hovering within one county must not re-announce it. */
  let rendered = '';

  function render(view: CompiledView | undefined, code: string): boolean {
    const tip = view?.tooltips[code];
    if (!tip) return false;
    const name = document.createElement('p');
    name.className = 'map-tooltip-name';
    name.textContent = tip.name;
    const parts: HTMLElement[] = [name];
    if (tip.lines.length) {
      const list = document.createElement('dl');
      for (const line of tip.lines) {
        const row = document.createElement('div');
        const dt = document.createElement('dt');
        dt.textContent = `${line.label}${zh ? '：' : ': '}`;
        const dd = document.createElement('dd');
        dd.textContent = line.value;
        row.append(dt, dd);
        list.append(row);
      }
      parts.push(list);
    }
    if (tip.note) {
      const note = document.createElement('p');
      note.className = 'map-tooltip-note';
      note.textContent = tip.note;
      parts.push(note);
    }
    box.replaceChildren(...parts);
    return true;
  }

  function place() {
    if (!anchor) return;
    const at = anchor.mode === 'pointer' ? anchor.at : anchor.mode === 'county' ? pointFor(anchor.code) : null;
    box.classList.toggle('is-docked', !at);
    if (!at) {
      box.style.removeProperty('left');
      box.style.removeProperty('top');
      return;
    }
    // Beside the point, flipped and clamped so that it never leaves the viewport.
    const { width, height } = box.getBoundingClientRect();
    const margin = 12;
    let left = at.x + margin;
    let top = at.y + margin;
    if (left + width > innerWidth - 8) left = at.x - width - margin;
    if (top + height > innerHeight - 8) top = at.y - height - margin;
    box.style.left = `${Math.max(8, left)}px`;
    box.style.top = `${Math.max(8, top)}px`;
  }

  async function show(code: string, where?: { at: Point } | 'county') {
    const mine = ++token;
    const all = await views().catch(() => null);
    if (mine !== token || !all) return;
    const key = `${currentKey()} ${code}`;
    if (key !== rendered || box.hidden) {
      if (!render(all[currentKey()], code)) return hide();
      rendered = key;
    }
    anchor =
      where === undefined
        ? { code, mode: 'docked' }
        : where === 'county'
          ? { code, mode: 'county' }
          : { code, mode: 'pointer', at: where.at };
    box.hidden = false;
    panel.dataset.tooltip = code;
    place();
  }

  function hide() {
    token++;
    anchor = null;
    rendered = '';
    box.hidden = true;
    delete panel.dataset.tooltip;
  }

  // Keyboard and tap access that needs no WebGL: one button per county.
  for (const button of panel.querySelectorAll<HTMLButtonElement>('.map-counties button[data-code]')) {
    const code = button.dataset.code!;
    button.addEventListener('focus', () => void show(code, 'county'));
    button.addEventListener('click', () => void show(code, 'county'));
    button.addEventListener('blur', () => {
      if (anchor?.code === code && anchor.mode !== 'pointer') hide();
    });
  }
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !box.hidden) hide();
  });

  return {
    show,
    hide,
    refresh() {
      if (anchor) void show(anchor.code, anchor.mode === 'pointer' ? { at: anchor.at } : anchor.mode === 'county' ? 'county' : undefined);
    },
    attachMap(map, countyPoint) {
      pointFor = countyPoint;
      const canvas = map.getCanvas();
      // The page's own listeners on the map's box, not MapLibre's map events: on a touch screen
      // the map has no handlers of its own (map-runtime.ts), so that none holds up a scroll or a
      // tap while the map draws.
      const surface = map.getCanvasContainer();
      // A circle is its county's, also where it reaches over a neighbour.
      const countyAt = (e: MouseEvent) => {
        const box = surface.getBoundingClientRect();
        const point: [number, number] = [e.clientX - box.left, e.clientY - box.top];
        const circle = map.getLayer('symbols') ? map.queryRenderedFeatures(point, { layers: ['symbols'] })[0] : undefined;
        if (typeof circle?.properties.region === 'string') return circle.properties.region;
        const hit = map.getLayer('counties-fill') ? map.queryRenderedFeatures(point, { layers: ['counties-fill'] })[0] : undefined;
        return typeof hit?.properties.code === 'string' ? hit.properties.code : null;
      };
      const at = (e: MouseEvent) => ({ x: e.clientX, y: e.clientY });
      surface.addEventListener('mousemove', (e) => {
        if (e.buttons) return; // dragging the map (desktop), not hovering
        const code = countyAt(e);
        canvas.style.cursor = code ? 'pointer' : '';
        if (code) void show(code, { at: at(e) });
        else if (anchor?.mode === 'pointer') hide();
      });
      surface.addEventListener('mouseleave', () => {
        if (anchor?.mode === 'pointer') hide();
      });
      // A tap is a click without hover: show the county under the finger, or close. A press
      // that dragged the map (desktop) is no click.
      let pressed: Point | null = null;
      surface.addEventListener('mousedown', (e) => (pressed = at(e)));
      surface.addEventListener('click', (e) => {
        if (pressed && Math.hypot(e.clientX - pressed.x, e.clientY - pressed.y) > 3) return;
        const code = countyAt(e);
        if (code) void show(code, { at: at(e) });
        else hide();
      });
      map.on('move', () => {
        if (anchor?.mode === 'pointer') hide();
        else place();
      });
    },
  };
}
