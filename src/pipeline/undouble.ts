/**
 * Undoing the PDF extractor's doubling: every glyph run of a line was emitted twice
 * ("全 市全 市", "2121..77", "，，"). A line is split into the fewest runs that are each
 * printed twice, separated only by spaces; a line with no such split was printed once and
 * is kept exactly as printed.
 *
 * Fewest runs (not "collapse every repeat") is what keeps real reduplication: "人人持证人人持证"
 * is one run "人人持证" printed twice, not "人" + "持证"…
 */

export interface UndoubledLine {
  /** The line's runs, each once, with the separating spaces kept as a marker for the joiner. */
  runs: string[];
  /** True when the line did not split into doubled runs and is kept as printed. */
  printedOnce: boolean;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u3000';

/**
 * Splits `line` (no newline) into doubled runs. Returns null when no split exists.
 * Dynamic programming over code points: best[i] = fewest runs covering chars[0..i).
 */
export function splitDoubledRuns(line: string): string[] | null {
  const chars = Array.from(line);
  const n = chars.length;
  const INF = Number.POSITIVE_INFINITY;
  const best: number[] = new Array(n + 1).fill(INF);
  const back: Array<{ from: number; run: string | null } | null> = new Array(n + 1).fill(null);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === INF) continue;
    // Spaces between runs cost nothing and produce no run.
    if (isSpace(chars[i]!)) {
      if (best[i]! < best[i + 1]!) {
        best[i + 1] = best[i]!;
        back[i + 1] = { from: i, run: null };
      }
      continue;
    }
    // A run X (not starting or ending with a space) followed immediately by X again.
    for (let len = 1; i + 2 * len <= n; len++) {
      if (isSpace(chars[i + len - 1]!)) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        if (chars[i + k] !== chars[i + len + k]) {
          same = false;
          break;
        }
      }
      if (!same) continue;
      const j = i + 2 * len;
      const cost = best[i]! + 1;
      if (cost < best[j]!) {
        best[j] = cost;
        back[j] = { from: i, run: chars.slice(i, i + len).join('') };
      }
    }
  }
  if (best[n] === INF) return null;
  const runs: string[] = [];
  for (let j = n; j > 0; ) {
    const step = back[j]!;
    if (step.run !== null) runs.push(step.run);
    else if (runs.length === 0 || runs[runs.length - 1] !== ' ') runs.push(' ');
    j = step.from;
  }
  return runs.reverse();
}

export function undoubleLine(line: string): UndoubledLine {
  if (line.trim() === '') return { runs: [], printedOnce: false };
  const runs = splitDoubledRuns(line);
  if (runs === null) return { runs: [line], printedOnce: true };
  return { runs, printedOnce: false };
}
