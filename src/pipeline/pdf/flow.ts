/**
 * The page's reading order by recursive XY-cut over its printed blocks (headlines, column
 * pieces, captions…): a region is cut first into columns where a gap runs down all of it, else
 * into horizontal strips where a gap crosses all of it, and so on inside each part; the parts
 * are read left to right, top to bottom. A newspaper's flow: down one column, then the next;
 * a headline or header across columns makes bands read top to bottom. Columns first, because
 * pictures in neighbouring columns often leave a gap at the same height, which is no band.
 */
import type { Box } from './roles.ts';

function split<T extends Box>(items: T[], axis: 'y' | 'x', gap: number): T[][] {
  const start = (b: Box) => (axis === 'y' ? b.top : b.x0);
  const end = (b: Box) => (axis === 'y' ? b.bottom : b.x1);
  const groups: T[][] = [];
  let reach = -Infinity;
  for (const b of [...items].sort((a, c) => start(a) - start(c))) {
    if (!groups.length || start(b) - reach >= gap) groups.push([b]);
    else groups.at(-1)!.push(b);
    reach = Math.max(reach, end(b));
  }
  return groups;
}

/** The blocks in reading order. */
export function readingFlow<T extends Box>(items: T[], gap: { x: number; y: number }): T[] {
  if (items.length <= 1) return items;
  const columns = split(items, 'x', gap.x);
  if (columns.length > 1) return columns.flatMap((c) => readingFlow(c, gap));
  const strips = split(items, 'y', gap.y);
  if (strips.length > 1) return strips.flatMap((s) => readingFlow(s, gap));
  return [...items].sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

/** The page's outermost horizontal strips, top to bottom (where a header band or a footer lies). */
export const pageStrips = <T extends Box>(items: T[], gap: number): T[][] => split(items, 'y', gap);
