/**
 * Builds of the site for the bench: the site as it is (into a private folder, never the shared
 * dist/), and the same project in a temp copy whose content is scaled N× by scale.ts. Each build
 * is timed from a cold start of `astro build` (a fresh copy has no content cache).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The work tree's files (tracked and new, not ignored) copied to a temp folder, node_modules linked. */
export function copyProject(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(ROOT, file), join(dir, file));
    } catch {
      // A tracked file deleted in the work tree: the build does not need it.
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export interface Build {
  outDir: string;
  seconds: number;
}

/** `astro build` in `projectDir` into `outDir`, timed; throws with the output's tail on failure. */
export function build(projectDir: string, outDir: string): Build {
  const started = process.hrtime.bigint();
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
    cwd: projectDir,
    encoding: 'utf8',
    env: { PREVIEW: '1', ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`astro build in ${projectDir} failed:\n${`${r.stdout}\n${r.stderr}`.split('\n').slice(-30).join('\n')}`);
  return { outDir, seconds };
}

/** Bytes of every file under `dir` whose name matches. */
export function bytesUnder(dir: string, match: RegExp = /./): number {
  let sum = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) sum += bytesUnder(path, match);
    else if (match.test(name)) sum += info.size;
  }
  return sum;
}
