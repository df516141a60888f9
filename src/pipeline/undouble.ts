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
  /** True when the last run's second copy was cut short at the line's end (`转 移转`): its first copy is whole. */
  cutShort: boolean;
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
  for (let j = n; j > 0;) {
    const step = back[j]!;
    if (step.run !== null) runs.push(step.run);
    else if (runs.length === 0 || runs[runs.length - 1] !== ' ') runs.push(' ');
    j = step.from;
  }
  return runs.reverse();
}

/**
 * The same split, allowing the last run's second copy to stop short at the line's end: the
 * extractor cut the line at the column edge after the first copy was whole (`劳 动 力 转 移劳 动 力 转`).
 * Tried only when no whole split exists, so a fully doubled line is never read this way.
 */
export function splitDoubledRunsCutShort(line: string): string[] | null {
  const chars = Array.from(line.replace(/\s+$/, ''));
  const n = chars.length;
  let found: { runs: string[]; cost: number } | null = null;
  for (let i = 0; i < n; i++) {
    if (isSpace(chars[i]!)) continue;
    const before = i === 0 ? [] : splitDoubledRuns(chars.slice(0, i).join(''));
    if (before === null) continue;
    for (let len = 2; i + len < n; len++) {
      if (isSpace(chars[i + len - 1]!)) continue;
      const rest = chars.slice(i + len);
      if (rest.length >= len) continue;
      let prefix = true;
      for (let k = 0; k < rest.length; k++) if (rest[k] !== chars[i + k]) prefix = false;
      if (!prefix || isSpace(rest.at(-1)!)) continue;
      const runs = [...before, chars.slice(i, i + len).join('')];
      const cost = runs.filter((r) => r !== ' ').length;
      if (!found || cost < found.cost) found = { runs, cost };
    }
  }
  return found?.runs ?? null;
}

export function undoubleLine(line: string): UndoubledLine {
  if (line.trim() === '') return { runs: [], printedOnce: false, cutShort: false };
  const runs = splitDoubledRuns(line);
  if (runs !== null) return { runs, printedOnce: false, cutShort: false };
  const cut = splitDoubledRunsCutShort(line);
  if (cut !== null) return { runs: cut, printedOnce: false, cutShort: true };
  return { runs: [line], printedOnce: true, cutShort: false };
}
