/** The commit a file was made from: named in the print manifest, its date printed on the map and carried by the Export menu. */
import { spawnSync } from 'node:child_process';

export interface CommitInfo {
  commit: string;
  /** YYYY-MM-DD of the commit: the map's date, so one commit always prints the same date. */
  date: string;
  /** Uncommitted changes in the work tree (the files may differ from the commit's). */
  dirty: boolean;
}

function git(args: string[]): string | null {
  const r = spawnSync('git', args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

let cached: CommitInfo | null = null;

/** Read once per process (the site build asks for every menu on every page). */
export function commitInfo(): CommitInfo {
  if (cached) return cached;
  const commit = git(['rev-parse', 'HEAD']);
  const date = git(['log', '-1', '--format=%cs']);
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const fallback = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  cached = {
    commit: commit ?? 'unknown',
    date: date ?? fallback.toISOString().slice(0, 10),
    dirty: status === null ? true : status !== '',
  };
  return cached;
}
