import { z } from 'zod';
import { RegionCode } from './edition.ts';

export const Unit = z.enum(['percent', 'pp', 'people', 'households', 'mu', 'yuan', 'MW', 'count']);
export type Unit = z.infer<typeof Unit>;

/** 余/多 → more-than, 以上 → at-least (lower bounds); 近 → nearly (just under). */
export const Qualifier = z.enum(['more-than', 'at-least', 'nearly']);

export const Metric = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  region: RegionCode,
  label: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  /** Normalised to base units (7.97万户 → 79700). For a range, its low end; see `range`. */
  value: z.number().finite(),
  unit: Unit,
  /** Exactly as printed in the restored text. */
  raw: z.string().min(1),
  /** What the printed word (余/多/近/以上) makes of the figure. */
  qualifier: Qualifier.nullable(),
  /** Present when the figure is a range (10%—20%). */
  range: z.object({ low: z.number(), high: z.number() }).nullable(),
  /** Present when the figure is printed as a fraction (1/7, 三分之一); value is then its percent. */
  fraction: z.object({ numerator: z.number().int(), denominator: z.number().int().positive() }).nullable(),
  /** The time the text attaches to the figure, in the text's own words. */
  period: z.string().nullable(),
  /** Links a before/after pair: both members carry the same pair id. */
  change: z.object({ pair: z.string(), role: z.enum(['from', 'to']) }).nullable(),
  /** The clause of edition.json the figure was read from, verbatim. */
  quote: z.string().min(1),
  /** Paragraph or caption id in edition.json. */
  paragraph: z.string(),
  topic: z.string().min(1),
  /** Other places the same figure is printed again (the lead's figures block, a caption). */
  mentions: z.array(z.object({ paragraph: z.string(), quote: z.string().min(1) })),
  /** Drafted by `npm run draft` and not yet confirmed: shown with a draft mark; a release build refuses it. */
  draft: z.literal(true).optional(),
  /** The page of the series the figure is printed on (set when the site loads; absent in a page's own metrics.json). */
  page: z.string().optional(),
});

/** A printed number that cannot be read as a figure: kept out of the data, with why. */
export const Unreadable = z.object({ paragraph: z.string(), raw: z.string(), quote: z.string(), why: z.string() });

export const Metrics = z.object({
  source: z.object({ edition: z.string(), figures: z.string() }),
  metrics: z.array(Metric),
  unreadable: z.array(Unreadable),
});

export type Metric = z.infer<typeof Metric>;
export type Metrics = z.infer<typeof Metrics>;
