/**
 * Runs → lines. First the fake bold's second drawings go (by position, as pdfplumber's
 * dedupe_chars: the same string at the same size a fraction of a point from a run already
 * kept), then runs sharing a baseline join into a line until a gap as wide as a column gap
 * separates two columns' lines.
 */
import { TOLERANCES as T } from './tolerances.ts';
import type { Run } from './text-layer.ts';

export interface Line {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, and the line's top (baseline − size). */
  y: number;
  top: number;
  /** The baseline again, so a line is a box (x0, x1, top, bottom). */
  bottom: number;
  size: number;
  font: string;
  bold: boolean;
  /** Its runs were each drawn twice (the fake bold). */
  fakeBold: boolean;
}

/** Drops every run that repeats a kept run a fraction of an em away; returns the kept runs and how many went. */
export function dropFakeBoldCopies(runs: Run[]): { kept: Array<Run & { doubled: boolean }>; dropped: number; offsets: number[] } {
  const kept: Array<Run & { doubled: boolean }> = [];
  const byText = new Map<string, Array<Run & { doubled: boolean }>>();
  const offsets: number[] = [];
  for (const r of runs) {
    const tol = T.FAKE_BOLD_OFFSET_EM * r.size;
    const twin = byText
      .get(r.text)
      ?.find((k) => Math.abs(k.size - r.size) < 0.01 * r.size && Math.abs(k.y - r.y) <= tol && Math.abs(k.x0 - r.x0) <= tol);
    if (twin) {
      twin.doubled = true;
      offsets.push(Math.hypot(twin.x0 - r.x0, twin.y - r.y));
      continue;
    }
    const k = { ...r, doubled: false };
    kept.push(k);
    byText.set(r.text, [...(byText.get(r.text) ?? []), k]);
  }
  return { kept, dropped: runs.length - kept.length, offsets };
}

/**
 * The text of runs on one line, left to right, with a space where a space run was drawn or a gap
 * wider than a word space parts two runs; which spaces are text is the caller's call
 * (dropLayoutSpaces for everything but the page header).
 */
function joinRuns(runs: Run[]): string {
  let out = '';
  let prev: Run | null = null;
  let space = false;
  for (const r of runs) {
    if (!r.text.trim()) {
      // pdf.js also reports a gap as a wide space run: that is layout, not a space.
      space = r.x1 - r.x0 <= T.COLUMN_GAP_EM * r.size;
      continue;
    }
    if (prev && (space || r.x0 - prev.x1 > T.WORD_SPACE_EM * r.size)) out += ' ';
    out += r.text.replace(/\s+/g, ' ');
    prev = r;
    space = false;
  }
  return out.trim();
}

/** The value most characters carry (the body's size, a line's font). */
export function weightedMode<K>(items: Array<{ key: K; weight: number }>): K {
  const totals = new Map<K, number>();
  for (const { key, weight } of items) totals.set(key, (totals.get(key) ?? 0) + weight);
  return [...totals].sort((a, b) => b[1] - a[1])[0]![0];
}

const sizeKey = (s: number) => Math.round(s * 10) / 10;

/** Groups runs into lines: one baseline, no column-wide gap inside. */
export function runsToLines(runs: Array<Run & { doubled: boolean }>): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const rows: Array<Array<Run & { doubled: boolean }>> = [];
  for (const r of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - r.y) <= T.BASELINE_EM * Math.min(row[0]!.size, r.size)) row.push(r);
    else rows.push([r]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    let seg: Array<Run & { doubled: boolean }> = [];
    const flush = () => {
      seg = seg.filter((r, i) => r.text.trim() || (i > 0 && i < seg.length - 1));
      if (!seg.some((r) => r.text.trim())) {
        seg = [];
        return;
      }
      const text = joinRuns(seg);
      {
        const visible = seg.filter((r) => r.text.trim());
        const weights = visible.map((r) => ({ r, weight: Array.from(r.text).length }));
        const size = weightedMode(weights.map((w) => ({ key: sizeKey(w.r.size), weight: w.weight })));
        const font = weightedMode(weights.map((w) => ({ key: w.r.font, weight: w.weight })));
        const y = Math.max(...visible.map((r) => r.y));
        lines.push({
          text,
          x0: visible[0]!.x0,
          x1: Math.max(...visible.map((r) => r.x1)),
          y,
          top: y - size,
          bottom: y,
          size,
          font,
          bold: weightedMode(weights.map((w) => ({ key: w.r.bold, weight: w.weight }))),
          fakeBold: weightedMode(weights.map((w) => ({ key: w.r.doubled, weight: w.weight }))),
        });
      }
      seg = [];
    };
    for (const r of row) {
      const visible = seg.filter((s) => s.text.trim());
      const last = visible.at(-1);
      const apart = (a: Run, b: Run) =>
        b.x0 - Math.max(...visible.map((s) => s.x1)) > T.COLUMN_GAP_EM * Math.min(a.size, b.size) ||
        Math.max(a.size, b.size) / Math.min(a.size, b.size) > T.HEADLINE_BOLD_RATIO;
      if (last && r.text.trim() && apart(last, r)) flush();
      seg.push(r);
    }
    flush();
  }
  return lines;
}
