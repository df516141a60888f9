/**
 * Line breaking for SVG text, which has none of its own: print columns are narrow, so titles,
 * legend lines and the source line are broken to the width before they are drawn. Widths are
 * estimated from the character class (the Export menu has no font metrics at hand), and erring
 * wide: a CJK character is 1 em, Latin letters and digits at most 0.65 em (capitals 0.77).
 */

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2460-\u24ff\u25a0-\u25ff\u2014\u2018-\u201d\u00b7\u2264\u2265]/;
/** Punctuation that must not begin a line (Chinese line-breaking rules, 避头点). */
const NO_LINE_START = /^[，。、；：？！）》」』】〕,.;:?!)\]%％]/;
/** Punctuation that must not end a line (避尾点). */
const NO_LINE_END = /[（《「『【〔([“‘]$/;

/**
 * Estimated advance width of one character, in em, at least Noto Sans SC Bold's (measured from
 * the packaged font by tests/unit/print-font-metrics.ts: n 0.64, H 0.76, m 0.96, % 0.96, and
 * its middle dot, ≤ and ≥ are full width).
 */
function charEm(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (ch === ' ') return 0.28;
  if (/[il.,:;'|!ıj]/.test(ch)) return 0.33;
  if (/[mwMW@%]/.test(ch)) return 0.97;
  if (/[A-Z]/.test(ch)) return 0.77;
  return 0.65;
}

/** Estimated width of a string at a font size, in the same units as the size. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/** Breakable pieces: one per CJK character, one per Latin word with its trailing space. */
function pieces(text: string): string[] {
  return (
    text.match(
      /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffe6\u3000-\u303f\u2460-\u24ff\u25a0-\u25ff\u2014\u2018-\u201d]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffe6\u3000-\u303f\u2460-\u24ff\u25a0-\u25ff\u2014\u2018-\u201d]+\s*|\s+/g,
    ) ?? []
  );
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (by the estimate above). A word longer than
 * the line is left whole rather than broken mid-word; closing punctuation stays on its line.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  if (textWidth(text, fontSize) <= maxWidth) return [text];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces(text)) {
    const candidate = line + piece;
    if (line && textWidth(candidate.trimEnd(), fontSize) > maxWidth && !NO_LINE_START.test(piece) && !NO_LINE_END.test(line)) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
