import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/**
 * Writes every file or none: all contents go to temp files beside their targets first, and
 * only when all are written are they renamed over the old ones (rename is atomic per file).
 */
export function writeFilesAtomically(files: Array<{ path: string; content: string }>): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      writeFileSync(tmp, f.content);
      temps.push(tmp);
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
  files.forEach((f, i) => renameSync(temps[i]!, f.path));
}

/** Stable JSON: two-space indent and a final newline, so regeneration diffs are readable. */
export const toJson = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`;
