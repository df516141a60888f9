/**
 * Reading a JSON file against its zod schema, for every reader (the pipeline's inputs, the site's
 * data files, the print presets): any problem is an InputError naming the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';

/** An input problem (a seed, a manifest, a notes file, a geography source, a data file): names the file and what is wrong. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'InputError';
  }
}

export interface JsonFileOptions {
  /** What the file should be, said before the schema's complaint (e.g. "not a polygon FeatureCollection"). */
  expected?: string;
  /** What to do about a bad file, said after the problem (e.g. "run npm run data"). */
  hint?: string;
}

/** Parses a JSON text and checks it against its schema; any problem is an InputError naming the file. */
export function parseJsonFile<S extends z.ZodType>(text: string, file: string, schema: S, options: JsonFileOptions = {}): z.infer<S> {
  const fail = (problem: string) => new InputError(file, options.hint ? `${problem} (${options.hint})` : problem);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // Node names the position as "line L column C".
    throw fail(`not valid JSON (${(e as Error).message})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fail(`${options.expected ? `${options.expected}: ` : ''}${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Reads `file` (relative to `root`) as UTF-8 JSON and checks it against its schema; errors name the file. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, options: JsonFileOptions & { root?: string } = {}): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(join(options.root ?? process.cwd(), file), 'utf8');
  } catch (e) {
    throw new InputError(
      file,
      `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})${options.hint ? ` (${options.hint})` : ''}`,
    );
  }
  return parseJsonFile(text, file, schema, options);
}
