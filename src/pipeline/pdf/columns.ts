/**
 * Body lines → column pieces: a piece is a stack of body lines sharing a column's x range with
 * no gap taller than a blank line and nothing else printed between them (a picture's gap, a
 * headline or a caption ends it). Its left edge tells indented (paragraph-opening) lines, its
 * right edge full lines from a paragraph's short last line.
 */
import { boxOf, overlapX, type Box, type LineBlock, type RoledLine } from './roles.ts';
import { TOLERANCES as T } from './tolerances.ts';

export interface Piece extends Box {
  lines: RoledLine[];
}

const width = (b: Box) => b.x1 - b.x0;

export function columnPieces(body: RoledLine[], others: LineBlock[]): Piece[] {
  const pieces: Piece[] = [];
  for (const l of [...body].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const fits = pieces
      .filter((p) => {
        const gap = l.top - p.bottom;
        if (gap < -0.3 * l.size || gap > T.BLOCK_GAP_LINES * l.size) return false;
        if (overlapX(p, l) < 0.5 * Math.min(width(p), width(l))) return false;
        return !others.some((o) => o.top >= p.bottom - 0.1 * l.size && o.bottom <= l.top + 0.1 * l.size && overlapX(o, l) > 0);
      })
      .sort((a, b) => overlapX(b, l) - overlapX(a, l));
    const p = fits[0];
    if (p) {
      p.lines.push(l);
      Object.assign(p, boxOf(p.lines));
    } else pieces.push({ lines: [l], ...boxOf([l]) });
  }
  return pieces;
}

/** The typical column width: the median width of pieces of three lines or more (else of all). */
export function columnWidth(pieces: Piece[]): number {
  const tall = pieces.filter((p) => p.lines.length >= 3);
  const ws = (tall.length ? tall : pieces).map(width).sort((a, b) => a - b);
  return ws[Math.floor(ws.length / 2)] ?? 0;
}
