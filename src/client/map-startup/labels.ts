/**
 * Label placement and declutter: county and neighbour names as HTML markers (no glyph server
 * exists, and the page's own CJK fonts render them), placed by rank so that names never overlap
 * each other, what covers the map or the map's edge. (HTML markers have no collision detection
 * of their own; long English names need it on a phone.)
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { CompiledView } from '../../views/compile.ts';
import type { Box } from './camera.ts';

/** A county's name without its kind, where a full one does not fit ("Lan County" → "Lan"). */
export const shortName = (name: string): string => name.replace(/ (County|City|District)$/, '');

type Edges = Pick<Box, 'left' | 'top' | 'right' | 'bottom'>;

/** A name to place: its rank (0 subject, 1 other county, 2 neighbour) and its box in both forms. */
export interface NameBoxes {
  rank: number;
  full: Edges;
  short: Edges;
  /** The short form differs from the full one. */
  hasShort: boolean;
}

/**
 * Names placed in the order given (by rank): where a name would overlap one placed before it,
 * sit under an obstacle, or be cut by `box`'s edge, it takes its short form, and if that does not
 * fit either, it steps aside — except a subject's (rank 0), which is always shown.
 */
export function placeNames(
  names: readonly NameBoxes[],
  box: Edges,
  obstacles: readonly Edges[],
): Array<{ useShort: boolean; shown: boolean }> {
  const taken = [...obstacles];
  const fits = (r: Edges) =>
    r.left >= box.left &&
    r.right <= box.right &&
    r.top >= box.top &&
    r.bottom <= box.bottom &&
    !taken.some((t) => r.left < t.right + 3 && r.right > t.left - 3 && r.top < t.bottom + 1 && r.bottom > t.top - 1);
  return names.map(({ rank, full, short, hasShort }) => {
    const useShort = !fits(full) && hasShort;
    const r = useShort ? short : full;
    const shown = fits(r) || rank === 0;
    if (shown) taken.push(r);
    return { useShort, shown };
  });
}

interface Label {
  el: HTMLElement;
  marker: Marker;
  name: string;
}

export interface MapLabels {
  /** The view's names on the map (markers made once, reused across views). */
  place(view: CompiledView): void;
  /** Each name in its form and shown or hidden, for the map as it is now (placeNames). */
  declutter(): void;
}

/** `obstacles`: boxes over the map (viewport pixels) no name may sit under. */
export function mapLabels(map: MapLibreMap, container: HTMLElement, obstacles?: () => DOMRect[]): MapLabels {
  const labels = new Map<string, Label>();
  const rank = (el: HTMLElement) => (el.classList.contains('is-subject') ? 0 : el.classList.contains('map-label--county') ? 1 : 2);
  return {
    place(view) {
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
    },
    declutter() {
      const box = container.getBoundingClientRect();
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
      const placed = placeNames(
        all.map(({ el, name }, i) => ({ rank: rank(el), full: full[i]!, short: short[i]!, hasShort: shortName(name) !== name })),
        box,
        obstacles?.() ?? [],
      );
      all.forEach(({ el, name }, i) => {
        const { useShort, shown } = placed[i]!;
        if (!useShort) el.textContent = name;
        el.classList.toggle('is-crowded', !shown);
      });
    },
  };
}
