/**
 * How the static map frames its view: the view's bounds fit inside the picture less this share
 * of its smaller side on every edge. The SVG renderer draws with it, and the live map reads it
 * to frame its first picture exactly like the SVG it replaces. (No imports: the map's client
 * code carries it.)
 */
export const MAP_INSET = 0.06;

/** A box in the picture's units (x0, y0 top left): a name, an inset, a scale bar. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
