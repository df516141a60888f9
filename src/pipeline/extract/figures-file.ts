import { z } from 'zod';
import { RegionCode } from '../../schema/edition.ts';
import { Basis, Unit } from '../../schema/metrics.ts';
import { parseJsonFile } from '../../schema/json-file.ts';

/**
 * The editor's notes on a page's figures (seeds/*.figures.json): overrides only. The text gives
 * each number its value, unit, counted thing, qualifier, basis, period, region, topic and a
 * drafted zh label (derive.ts); a note names the figure (its editorial `id`), gives what the text
 * cannot (the English label, links between figures) and corrects a derivation where it is wrong.
 * A note never holds the number: `raw` must be found in the restored paragraph.
 */
export const FigureNote = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  paragraph: z.string(),
  raw: z.string().min(1),
  nth: z.number().int().positive().optional(),
  /** zh only where the drafted label is not the one to print. */
  label: z.object({ zh: z.string().min(1).optional(), en: z.string().min(1) }),
  topic: z.string().min(1).optional(),
  /** null: the text gives this figure no time (the derived phrase scopes wrongly). */
  period: z.string().nullable().optional(),
  periodEn: z.string().nullable().optional(),
  asOf: z.string().nullable().optional(),
  unit: Unit.optional(),
  counted: z
    .object({ zh: z.string().min(1), en: z.string().min(1) })
    .nullable()
    .optional(),
  basis: Basis.nullable().optional(),
  region: RegionCode.optional(),
  change: z.object({ pair: z.string(), role: z.enum(['from', 'to']) }).optional(),
  restates: z.string().optional(),
  rounded: z.boolean().optional(),
  partOf: z.string().optional(),
  notes: z.array(z.string()).optional(),
  /** Reprints of the figure the text alone does not tie to it (the deck and captions are tied by their raw). */
  mentions: z.array(z.string()).optional(),
  /** Written by `npm run draft`: not yet confirmed by an editor (a release build refuses it). */
  draft: z.boolean().optional(),
  /** What the draft could not read (unit, region): such a figure stays out of the data until named. */
  undecided: z.array(z.string()).optional(),
});

export const FiguresFile = z.object({
  seed: z.string(),
  note: z.string().optional(),
  draft: z.boolean().optional(),
  /** Numbers that are not quantities; names (“22324”模式) and dates are detected, this is for the rest. */
  notFigures: z.array(z.object({ paragraph: z.string(), raw: z.string(), why: z.string(), draft: z.boolean().optional() })).optional(),
  figures: z.array(FigureNote),
});
export type FigureNote = z.infer<typeof FigureNote>;
export type FiguresFile = z.infer<typeof FiguresFile>;

export function parseFiguresFile(json: string, file: string): FiguresFile {
  return parseJsonFile(json, file, FiguresFile);
}
