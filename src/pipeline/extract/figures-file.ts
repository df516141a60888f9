import { z } from 'zod';
import { RegionCode } from '../../schema/edition.ts';
import { Unit } from '../../schema/metrics.ts';
import { parseJsonFile } from '../../schema/json-file.ts';

/**
 * The editor's reading of each printed figure (seeds/*.figures.json): its id, labels, topic and
 * period. It never holds the number: `raw` must be found in the restored paragraph, and the
 * value, unit and qualifier are read from it.
 */
export const FigureNote = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  paragraph: z.string(),
  raw: z.string().min(1),
  nth: z.number().int().positive().optional(),
  label: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  topic: z.string().min(1),
  period: z.string().optional(),
  unit: Unit.optional(),
  region: RegionCode.optional(),
  change: z.object({ pair: z.string(), role: z.enum(['from', 'to']) }).optional(),
  mentions: z.array(z.string()).optional(),
});

export const FiguresFile = z.object({
  seed: z.string(),
  note: z.string().optional(),
  notFigures: z.array(z.object({ paragraph: z.string(), raw: z.string(), why: z.string() })),
  figures: z.array(FigureNote),
});
export type FigureNote = z.infer<typeof FigureNote>;
export type FiguresFile = z.infer<typeof FiguresFile>;

export function parseFiguresFile(json: string, file: string): FiguresFile {
  return parseJsonFile(json, file, FiguresFile);
}
