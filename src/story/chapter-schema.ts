import { z } from 'zod';

const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const MapState = {
  view: z.string().optional(),
  state: z.string().optional(),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
};

/**
 * One item of a chapter, in reading order. Items that set view/state/region change the map;
 * the others keep the map as the item before left it.
 */
export const ChapterItem = z.union([
  z.strictObject({ headline: z.literal(true), ...MapState }),
  z.strictObject({ deck: z.literal(true), ...MapState }),
  z.strictObject({ paragraph: z.string(), ...MapState }),
  z.strictObject({ lead: Text, ...MapState }),
  z.strictObject({ chart: z.enum(['incidence-fall', 'training']), ...MapState }),
  z.strictObject({ caption: z.string().regex(/^cap-\d+$/), ...MapState }),
  /** Every caption no chapter placed (those that name no county). */
  z.strictObject({ captions: z.literal('rest'), ...MapState }),
]);

export const ChapterFrontmatter = z.object({
  id: z.string().regex(/^[a-z]+$/),
  order: z.number().int(),
  article: z.string(),
  /** Written by `npm run draft`: shown with a draft mark; a release build refuses it. */
  draft: z.boolean().optional(),
  title: Text,
  kicker: Text,
  items: z.array(ChapterItem).min(1),
});
export type ChapterFrontmatter = z.infer<typeof ChapterFrontmatter>;
export type ChapterItem = z.infer<typeof ChapterItem>;
