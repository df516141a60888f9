/**
 * What each line is, from its size and weight: the body text (the size most characters carry),
 * display lines (headlines, the figures block, the page header) larger or bolder, small lines
 * (captions), and the edition marker. Each decision keeps its evidence.
 */
import { InputError } from '../../schema/json-file.ts';
import { weightedMode, type Line } from './lines.ts';
import { TOLERANCES as T } from './tolerances.ts';

export type Role = 'marker' | 'display' | 'small' | 'body';

export interface RoledLine extends Line {
  role: Role;
}

export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** Lines grouped as one printed block (a headline of two lines, a caption, a figures block). */
export interface LineBlock extends Box {
  lines: RoledLine[];
}

export const MARKER = /专刊|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]/;
const CIRCLED = /[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]/;

export const pt = (n: number) => Math.round(n).toString();
export const quote = (s: string, max = 24) => `«${s.length > max ? `${s.slice(0, max)}…` : s}»`;
export const boxOf = (ls: Array<{ x0: number; x1: number; top: number; y: number }>): Box => ({
  x0: Math.min(...ls.map((l) => l.x0)),
  x1: Math.max(...ls.map((l) => l.x1)),
  top: Math.min(...ls.map((l) => l.top)),
  bottom: Math.max(...ls.map((l) => l.y)),
});
export const region = (b: Box) => `x ${pt(b.x0)}–${pt(b.x1)}, y ${pt(b.top)}–${pt(b.bottom)} pt`;
export const overlapX = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));

export interface Roles {
  bodySize: number;
  bodyFont: string;
  lines: RoledLine[];
  marker: RoledLine;
  found: string[];
}

/** Groups lines of one kind into blocks: one size, a line's height apart at most, overlapping. */
export function blocksOf(lines: RoledLine[]): LineBlock[] {
  const blocks: LineBlock[] = [];
  for (const l of [...lines].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const b = blocks.find((k) => {
      const last = k.lines.at(-1)!;
      return (
        Math.abs(last.size - l.size) <= 0.05 * l.size &&
        l.top - k.bottom <= T.BLOCK_GAP_LINES * l.size * 1.5 &&
        l.top >= k.bottom - 0.2 * l.size &&
        overlapX(k, l) > 0
      );
    });
    if (b) {
      b.lines.push(l);
      Object.assign(b, boxOf(b.lines));
    } else blocks.push({ lines: [l], ...boxOf([l]) });
  }
  return blocks;
}

export function assignRoles(lines: Line[], file: string): Roles {
  const found: string[] = [];
  const chars = (l: Line) => Array.from(l.text).length;
  const bodySize = weightedMode(lines.map((l) => ({ key: l.size, weight: chars(l) })));
  const bodyFont = weightedMode(lines.filter((l) => l.size === bodySize).map((l) => ({ key: l.font, weight: chars(l) })));
  const total = lines.reduce((s, l) => s + chars(l), 0);
  const atBody = lines.filter((l) => l.size === bodySize).reduce((s, l) => s + chars(l), 0);
  found.push(`body text: ${bodySize} pt ${bodyFont}, ${Math.round((100 * atBody) / total)} % of the page's characters`);

  const roled: RoledLine[] = lines.map((l) => {
    const ratio = l.size / bodySize;
    const role: Role =
      ratio >= T.HEADLINE_RATIO || (l.bold && ratio >= T.HEADLINE_BOLD_RATIO) ? 'display' : ratio <= T.CAPTION_RATIO ? 'small' : 'body';
    return { ...l, role };
  });

  const markers = roled
    .filter((l) => MARKER.test(l.text) && chars(l) <= T.MARKER_MAX_CHARS)
    .sort((a, b) => Number(CIRCLED.test(b.text)) - Number(CIRCLED.test(a.text)) || a.y - b.y);
  if (markers.length === 0) {
    const short = roled.filter((l) => chars(l) <= T.MARKER_MAX_CHARS && l.role !== 'body').sort((a, b) => a.y - b.y);
    const looked = short.length
      ? `the short lines of display and small type were ${short
          .slice(0, 6)
          .map((l) => `${quote(l.text)} at ${region(boxOf([l]))}`)
          .join('; ')}${short.length > 6 ? '…' : ''}`
      : 'the page prints no short line of display or small type';
    throw new InputError(
      file,
      `no edition marker: no line of at most ${T.MARKER_MAX_CHARS} characters names 专刊 or ①… (${looked}); the page cannot be placed in the series`,
    );
  }
  const marker = markers[0]!;
  marker.role = 'marker';
  found.push(
    `edition marker: ${quote(marker.text)} at ${region(boxOf([marker]))} (a short line naming ${CIRCLED.test(marker.text) ? 'its page number' : '专刊'})`,
  );

  return { bodySize, bodyFont, lines: roled, marker, found };
}
