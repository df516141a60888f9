/**
 * Where the print map's names go: a desk prints the graphic as it is, so no two names overlap,
 * no name is cut by the frame or sits on the north arrow, the scale bar, a symbol or a site dot,
 * and a county's name stays inside its county (not astride a border). Each name tries a short
 * list of positions around its label point, nearest first, and takes the first that is free;
 * a county name that finds none takes the least crowded one (the layout test then fails, which
 * is the point); a neighbouring prefecture's name, which is context only, is left out instead.
 * Widths are the estimate of text-wrap.ts, which errs wide. Browser-safe (the Export menu).
 */
import type { Box } from '../render/map-frame.ts';
import { textWidth } from '../render/text-wrap.ts';

export type { Box };

export interface LabelRequest {
  text: string;
  /** Projected label point. */
  x: number;
  y: number;
  size: number;
  /** Positions (dx, dy of the text's centre) to try first, e.g. below the county's symbol. */
  preferred?: Array<[number, number]>;
  /** Whether a box lies inside the label's own area (a county); absent: anywhere in the frame. */
  inside?: (b: Box) => boolean;
  /** Context only: dropped rather than forced when no position is free. */
  optional?: boolean;
}

export interface PlacedLabel {
  /** Index of the request it answers (optional requests may be left out). */
  index: number;
  text: string;
  /** Centre x and baseline y for `<text text-anchor="middle">`. */
  x: number;
  y: number;
  box: Box;
  /** False when no free position was found (a county name forced into its least bad place). */
  free: boolean;
  /** False when the name does not fit inside its area: it crosses the outline (drawn on a paper plate). */
  inside: boolean;
}

/** Ink box of a centred one-line text around its centre point: the estimate's width, 1 em high. */
export function textBox(text: string, size: number, cx: number, cy: number, pad = 0): Box {
  const w = textWidth(text, size) / 2 + pad;
  const h = size * 0.5 + pad;
  return { x0: cx - w, y0: cy - h, x1: cx + w, y1: cy + h };
}

/** Baseline of a text whose 1 em box is centred on cy (CJK and Latin caps sit within it). */
export const baselineFor = (cy: number, size: number) => cy + size * 0.36;

export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const area = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
export const within = (a: Box, frame: Box) => a.x0 >= frame.x0 && a.y0 >= frame.y0 && a.x1 <= frame.x1 && a.y1 <= frame.y1;

/** Offsets around the label point in em, nearest first: on it, above/below, beside, diagonals. */
function offsets(w: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const ys = [0, -0.6, 0.6, -1.1, 1.1, -1.7, 1.7, -2.3, 2.3, -2.9, 2.9, -3.5, 3.5, -4.1, 4.1];
  const xs = [0, -0.25, 0.25, -0.5, 0.5, -0.8, 0.8, -1.1, 1.1];
  for (const fy of ys) for (const fx of xs) out.push([fx * w, fy * size]);
  return out.sort((a, b) => Math.hypot(a[0] / w, a[1] / size) - Math.hypot(b[0] / w, b[1] / size));
}

/**
 * Places the labels in order (counties first, then neighbours), each avoiding the obstacles and
 * those placed before it, inside `frame` by a small margin.
 */
export function placeLabels(requests: LabelRequest[], obstacles: Box[], frame: Box): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const taken = [...obstacles];
  for (const [index, r] of requests.entries()) {
    const pad = r.size * 0.15;
    const w = textWidth(r.text, r.size);
    const candidates = [...(r.preferred ?? []), ...offsets(w, r.size)];
    let best: { cx: number; cy: number; cost: number } | null = null;
    let found: { cx: number; cy: number } | null = null;
    let fits = true;
    for (const [dx, dy] of candidates) {
      const cx = r.x + dx;
      const cy = r.y + dy;
      const box = textBox(r.text, r.size, cx, cy, pad);
      if (!within(box, frame)) continue;
      const clash = taken.reduce((s, t) => s + area(box, t), 0);
      // Inside with a margin: clear of the county's outline (up to 2 pt wide) as well.
      const inside = !r.inside || r.inside(textBox(r.text, r.size, cx, cy, pad));
      if (!clash && inside) {
        found = { cx, cy };
        break;
      }
      const cost = clash + (inside ? 0 : 1e6) + Math.hypot(dx, dy);
      if (!best || cost < best.cost) best = { cx, cy, cost };
    }
    // Inside its county or not, a free place beats a crowded one.
    if (!found && r.inside) {
      fits = false;
      for (const [dx, dy] of candidates) {
        const box = textBox(r.text, r.size, r.x + dx, r.y + dy, pad);
        if (within(box, frame) && !taken.some((t) => overlaps(box, t))) {
          found = { cx: r.x + dx, cy: r.y + dy };
          break;
        }
      }
    }
    if (!found && r.optional) continue;
    const at = found ?? best ?? { cx: r.x, cy: r.y };
    const box = textBox(r.text, r.size, at.cx, at.cy);
    placed.push({ index, text: r.text, x: at.cx, y: baselineFor(at.cy, r.size), box, free: !!found, inside: fits && !!found });
    taken.push(textBox(r.text, r.size, at.cx, at.cy, pad));
  }
  return placed;
}
