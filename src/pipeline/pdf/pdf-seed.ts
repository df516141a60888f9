/**
 * How a PDF seed is stored: `seeds/<name>.pdf` (the page as the layout system wrote it) and,
 * beside it, `seeds/<name>.lines.json`, written by `npm run draft` from the PDF: the page's
 * text in reading order, one entry per printed line with its position, size, font and role.
 * The manifest's line numbers count the entries of that file, as they count a text seed's
 * lines; restore takes each entry's text as it is (the reader has already dropped the fake
 * bold's copies and the layout spaces), so `npm run data` treats both seeds alike. The file
 * records the PDF's SHA-256: a PDF changed after it was read is refused until drafted again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError, parseJsonFile } from '../../schema/json-file.ts';
import type { RestoredLine } from '../restore-line.ts';

export const PDF_SEED = /\.pdf$/;
export const linesFileOf = (pdfFile: string) => pdfFile.replace(PDF_SEED, '.lines.json');

const num = z.number().finite();
export const LinesFile = z.object({
  pdf: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  page: z.number().int().positive(),
  pageSize: z.object({ width: num, height: num }),
  note: z.string(),
  lines: z
    .array(
      z.object({
        text: z.string().min(1),
        role: z.enum(['header', 'marker', 'headline', 'deck', 'body', 'caption']),
        box: z.tuple([num, num, num, num]),
        size: num,
        font: z.string(),
        full: z.boolean(),
      }),
    )
    .min(1),
});
export type LinesFile = z.infer<typeof LinesFile>;

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A line of the lines file as restore's output: its text as read, justified when it is full. */
export const restoredLines = (file: LinesFile): RestoredLine[] =>
  file.lines.map((l, i) => ({ line: i + 1, text: l.text, printedOnce: false, pieces: [l.text], justified: l.full, cutShort: false }));

/** Reads a PDF seed's lines file, refusing one that is missing or was read from another version of the PDF. */
export function loadPdfSeed(root: string, pdfFile: string): { seedText: string; restored: RestoredLine[]; sha256: string } {
  const linesFile = linesFileOf(pdfFile);
  if (!existsSync(join(root, linesFile)))
    throw new InputError(linesFile, `the page's lines read from ${pdfFile} are missing: run npm run draft -- ${pdfFile}`);
  const lines = parseJsonFile(readFileSync(join(root, linesFile), 'utf8'), linesFile, LinesFile);
  const sha256 = sha256Of(readFileSync(join(root, pdfFile)));
  if (lines.sha256 !== sha256)
    throw new InputError(
      linesFile,
      `was read from another version of ${pdfFile} (SHA-256 ${lines.sha256.slice(0, 12)}…, the file now ${sha256.slice(0, 12)}…): draft the page again (move its manifest away first)`,
    );
  return { seedText: `${lines.lines.map((l) => l.text).join('\n')}\n`, restored: restoredLines(lines), sha256 };
}
