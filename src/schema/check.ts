/**
 * Checking a value read from a file against its zod schema, browser-safe (json-file.ts adds the
 * reading, in Node): any problem is an InputError naming the file.
 */
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

/** The problem said with the options' hint. */
export const inputError = (file: string, problem: string, options: JsonFileOptions = {}) =>
  new InputError(file, options.hint ? `${problem} (${options.hint})` : problem);

/** `data` (parsed from `file`) checked against its schema; the first problem is an InputError naming the file and the field. */
export function checkValue<S extends z.ZodType>(data: unknown, file: string, schema: S, options: JsonFileOptions = {}): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw inputError(
      file,
      `${options.expected ? `${options.expected}: ` : ''}${issue.path.join('.') || '(root)'}: ${issue.message}`,
      options,
    );
  }
  return parsed.data;
}
