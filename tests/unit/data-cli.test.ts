import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAll, generateData } from '../../src/pipeline/generate.ts';
import { InputError } from '../../src/schema/json-file.ts';
import { toJson } from '../../src/pipeline/write-atomic.ts';

const ROOT = process.cwd();
const SEED = 'seeds/000_0be6d20330056c62.txt';
const MANIFEST = 'seeds/000_0be6d20330056c62.manifest.json';
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const CLI = resolve(ROOT, 'src/pipeline/cli.ts');

/** A scratch copy of the project's seeds and data, where `npm run data` can be run and broken. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lvliang-data-'));
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}
const runData = (cwd: string) => spawnSync(TSX, [CLI, 'data'], { cwd, encoding: 'utf8' });
/** What `fn` threw (undefined if it returned). */
const thrownBy = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};
const snapshot = (dir: string) => ['data/edition.json', 'data/metrics.json'].map((f) => readFileSync(join(dir, f), 'utf8'));

describe('npm run data', () => {
  it('regenerates exactly the committed data files', () => {
    const { edition, metrics } = buildAll(ROOT);
    expect(toJson(edition)).toBe(readFileSync('data/edition.json', 'utf8'));
    expect(toJson(metrics)).toBe(readFileSync('data/metrics.json', 'utf8'));
  });

  it('runs from the command line and rewrites identical files', () => {
    const dir = scratch();
    const before = snapshot(dir);
    const r = runData(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('wrote data/metrics.json');
    expect(snapshot(dir)).toEqual(before);
  });

  const broken: Array<[string, (dir: string) => void, RegExp]> = [
    ['a missing seed', (d) => rmSync(join(d, SEED)), /seeds\/000_0be6d20330056c62\.txt: the seed file is missing/],
    ['an empty seed', (d) => writeFileSync(join(d, SEED), ''), /000_0be6d20330056c62\.txt: the file is empty/],
    [
      'a seed that is not UTF-8',
      (d) => writeFileSync(join(d, SEED), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a, 0xff])),
      /\.txt: the file is not valid UTF-8/,
    ],
    [
      'a truncated seed',
      (d) => writeFileSync(join(d, SEED), readFileSync(join(ROOT, SEED), 'utf8').split('\n').slice(0, 300).join('\n')),
      /\.txt: the manifest's .* names lines .* but the seed has only 300 lines \(truncated\?\)/,
    ],
    [
      'a manifest naming a block that is not there',
      (d) => {
        const m = JSON.parse(readFileSync(join(ROOT, MANIFEST), 'utf8'));
        m.captions.push({ lines: [486, 487] });
        writeFileSync(join(d, MANIFEST), JSON.stringify(m));
      },
      /manifest\.json: captions\.2 names lines 486–487, which hold no text/,
    ],
    ['a manifest that is not JSON', (d) => writeFileSync(join(d, MANIFEST), '{"seed": '), /manifest\.json: not valid JSON/],
  ];

  // The command line's way of failing (exit 1, the message on stderr) once; each input problem
  // through generateData, the function `npm run data` runs (a tsx process costs ~4 s of CPU).
  it('stops from the command line with exit code 1 and the message on stderr, leaving the data files untouched', () => {
    const dir = scratch();
    const before = snapshot(dir);
    rmSync(join(dir, SEED));
    const r = runData(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: seeds\/000_0be6d20330056c62\.txt: the seed file is missing/m);
    expect(snapshot(dir)).toEqual(before);
  });

  for (const [what, breakIt, message] of broken) {
    it(`stops on ${what}, says why, and leaves the data files untouched`, () => {
      const dir = scratch();
      const before = snapshot(dir);
      breakIt(dir);
      const error = thrownBy(() => generateData(dir));
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(message);
      expect(snapshot(dir)).toEqual(before);
    });
  }
});

describe('npm run restore -- FILE', () => {
  it('prints the restored page in reading order', () => {
    const r = spawnSync(TSX, [CLI, 'restore', SEED], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out.indexOf('# 吕梁脱贫这几年')).toBeLessThan(out.indexOf('# 临县：“精准”书写脱贫攻坚答卷'));
    expect(out).toContain('# 石楼县（原版无标题）');
  });

  it('restores a page without a manifest line by line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lvliang-page-'));
    writeFileSync(join(dir, 'p.txt'), '岚县坚持岚县坚持，，家家户户家家户户\n\n 牢记嘱托 决战\n');
    const r = spawnSync(TSX, [CLI, 'restore', join(dir, 'p.txt')], { encoding: 'utf8' });
    expect(r.stdout).toBe('岚县坚持，家家户户\n牢记嘱托 决战\n');
  });
});
