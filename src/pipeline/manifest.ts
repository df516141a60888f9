import { z } from 'zod';
import { RegionCode } from '../schema/edition.ts';
import { parseJsonFile } from '../schema/json-file.ts';

/** A range of 1-based seed lines, inclusive. */
const LineRange = z.tuple([z.number().int().positive(), z.number().int().positive()]);

/**
 * Which seed lines make which part of the page. Positions only, no text: the text always
 * comes from the seed.
 */
export const Manifest = z.object({
  seed: z.string(),
  note: z.string().optional(),
  /** Written by `npm run draft`: this file, or an entry of it, is not yet confirmed by an editor. */
  draft: z.boolean().optional(),
  /** The page's header line (a slogan); null where the page prints none. */
  pageHeader: z.object({ lines: LineRange }).nullable(),
  editionMarker: z.object({ lines: LineRange }),
  articles: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z]+$/),
        region: RegionCode,
        place: z.string().min(1),
        headline: LineRange.nullable(),
        deck: LineRange.optional(),
        body: LineRange,
        /** Lines after which a paragraph ends although the line is full (layout can't tell). */
        paragraphBreaksAfter: z.array(z.number().int().positive()).default([]),
        draft: z.boolean().optional(),
      }),
    )
    .min(1),
  captions: z.array(
    z.object({
      lines: LineRange,
      /** Extra caption starts where two captions touch with no gap: offset in the restored line. */
      breaks: z.array(z.object({ line: z.number().int().positive(), at: z.number().int().positive() })).default([]),
      draft: z.boolean().optional(),
    }),
  ),
});
export type Manifest = z.infer<typeof Manifest>;
export type LineRange = z.infer<typeof LineRange>;

export function parseManifest(json: string, file: string): Manifest {
  return parseJsonFile(json, file, Manifest);
}

/** Every block the manifest names, with a name for error messages. */
export function namedRanges(m: Manifest): Array<{ name: string; range: LineRange }> {
  const out: Array<{ name: string; range: LineRange }> = [
    ...(m.pageHeader ? [{ name: 'pageHeader', range: m.pageHeader.lines }] : []),
    { name: 'editionMarker', range: m.editionMarker.lines },
  ];
  for (const a of m.articles) {
    if (a.headline) out.push({ name: `articles.${a.id}.headline`, range: a.headline });
    if (a.deck) out.push({ name: `articles.${a.id}.deck`, range: a.deck });
    out.push({ name: `articles.${a.id}.body`, range: a.body });
  }
  m.captions.forEach((c, i) => out.push({ name: `captions.${i}`, range: c.lines }));
  return out;
}
