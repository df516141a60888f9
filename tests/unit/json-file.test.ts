import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError, readJsonFile } from '../../src/schema/json-file.ts';

const Point = z.object({ x: z.number(), y: z.number() });
const root = mkdtempSync(join(tmpdir(), 'json-file-'));
const write = (file: string, text: string) => writeFileSync(join(root, file), text);

describe('readJsonFile: one reader, errors that name the file', () => {
  it('reads and checks a good file', () => {
    write('good.json', '{ "x": 1, "y": 2 }');
    expect(readJsonFile('good.json', Point, { root })).toEqual({ x: 1, y: 2 });
  });

  it('names a missing file, with the hint', () => {
    expect(() => readJsonFile('absent.json', Point, { root, hint: 'run npm run data' })).toThrow(
      /^absent\.json: cannot be read \(ENOENT\) \(run npm run data\)$/,
    );
  });

  it('names the file and the line of bad JSON', () => {
    write('bad.json', '{\n  "x": 1\n  "y": 2\n}');
    expect(() => readJsonFile('bad.json', Point, { root })).toThrow(InputError);
    expect(() => readJsonFile('bad.json', Point, { root })).toThrow(/^bad\.json: not valid JSON \(.*line 3 column 3/);
  });

  it('names the file and the path of a value that breaks the schema', () => {
    write('wrong.json', '{ "x": 1, "y": "two" }');
    expect(() => readJsonFile('wrong.json', Point, { root, expected: 'not a point' })).toThrow(/^wrong\.json: not a point: y: /);
  });
});
