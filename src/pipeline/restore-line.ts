import { undoubleLine } from './undouble.ts';

export interface RestoredLine {
  /** 1-based line number in the seed. */
  line: number;
  text: string;
  printedOnce: boolean;
  /** Texts separated in the seed by a gap between runs (used to split caption rows). */
  pieces: string[];
  /** True when a run carried spaces between its glyphs: a justified, hence full, line. */
  justified: boolean;
  /** True when the last run's second copy was cut short at the line's end (its first copy is whole). */
  cutShort: boolean;
}

const asciiAlnum = /[A-Za-z0-9]/;

/**
 * Drops layout spaces: a space survives only between two ASCII letters or digits, where it
 * separates words or numbers. Between CJK glyphs a space is justification, never text.
 */
export function dropLayoutSpaces(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== ' ' && c !== '\t' && c !== '\u3000') {
      out += c;
      continue;
    }
    const prev = out.at(-1) ?? '';
    let j = i + 1;
    while (j < chars.length && /\s/.test(chars[j]!)) j++;
    const next = chars[j] ?? '';
    if (asciiAlnum.test(prev) && asciiAlnum.test(next)) out += ' ';
    i = j - 1;
  }
  return out;
}

export function restoreLine(raw: string, line: number): RestoredLine {
  const { runs, printedOnce, cutShort } = undoubleLine(raw);
  if (printedOnce) {
    const text = raw.trim();
    return { line, text, printedOnce, pieces: [text], justified: false, cutShort };
  }
  const pieces: string[] = [];
  let current = '';
  for (const run of runs) {
    if (run === ' ') {
      if (current) pieces.push(current);
      current = '';
    } else current += run;
  }
  if (current) pieces.push(current);
  return {
    line,
    text: dropLayoutSpaces(runs.join('')),
    printedOnce,
    pieces: pieces.map(dropLayoutSpaces),
    justified: runs.some((r) => r !== ' ' && /\S\s+\S/.test(r)),
    cutShort,
  };
}

/** Joins restored lines of one block: CJK words cut across lines join with nothing. */
export function joinLines(texts: string[]): string {
  return texts.reduce((acc, t) => {
    if (!acc) return t;
    const needsSpace = /[A-Za-z]$/.test(acc) && /^[A-Za-z]/.test(t);
    return acc + (needsSpace ? ' ' : '') + t;
  }, '');
}
