/**
 * Reading a JSON file against its zod schema, for every reader (the pipeline's inputs, the site's
 * data files, the print presets): any problem is an InputError naming the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { checkValue, inputError, InputError, type JsonFileOptions } from './check.ts';

export { InputError, type JsonFileOptions };

/** Parses a JSON text and checks it against its schema; any problem is an InputError naming the file. */
export function parseJsonFile<S extends z.ZodType>(text: string, file: string, schema: S, options: JsonFileOptions = {}): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // Node names the position as "line L column C".
    throw inputError(file, `not valid JSON (${(e as Error).message})`, options);
  }
  return checkValue(data, file, schema, options);
}

/** Reads `file` (relative to `root`) as UTF-8 JSON and checks it against its schema; errors name the file. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, options: JsonFileOptions & { root?: string } = {}): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(join(options.root ?? process.cwd(), file), 'utf8');
  } catch (e) {
    throw inputError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, options);
  }
  return parseJsonFile(text, file, schema, options);
}
