import './zod-config.ts';
import { z } from 'zod';
import { RegionCode } from './edition.ts';

export const Unit = z.enum(['percent', 'pp', 'people', 'households', 'mu', 'yuan', 'MW', 'count']);
export type Unit = z.infer<typeof Unit>;

/** 余/多 → more-than, 以上 → at-least (lower bounds); 近 → nearly (just under). */
export const Qualifier = z.enum(['more-than', 'at-least', 'nearly']);

export const Basis = z.object({
  per: z.enum(['person', 'household', 'village']).nullable(),
  every: z.enum(['month', 'year']).nullable(),
});
export type Basis = z.infer<typeof Basis>;

export const Metric = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  region: RegionCode,
  label: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  /** Normalised to base units (7.97万户 → 79700). Null for a range (10%—20%): read `range`, never one end. */
  value: z.number().finite().nullable(),
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
  /** The period in English (截至2019年底 → as of the end of 2019); null where there is no period or no rule knows it. */
  periodEn: z.string().nullable(),
  /** ISO date (2019-12-31), year-month (2020-06) or year (2016) the period names as a point in time; null where the text gives none (目前, 以来). */
  asOf: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  /** What a count counts (its measure word or noun): 座 → stations, 期 → training courses. Null for %, 元, 亩, MW. */
  counted: z.object({ zh: z.string().min(1), en: z.string().min(1).nullable() }).nullable(),
  /** Money only: per person / household / village, per month / year; both null = a total. Null for other units. */
  basis: Basis.nullable(),
  /** The id of the figure this one prints again (4万名 restates 40004人): one quantity, never summed twice. */
  restates: z.string().nullable(),
  /** True when a restatement is rounded (4万 for 40004). */
  rounded: z.boolean(),
  /** The id of a figure this one is a part of (17 townships of the 19 love supermarkets). */
  partOf: z.string().nullable(),
  /** Remarks on the source: inconsistencies kept as printed, ambiguities the clause leaves open. */
  notes: z.array(z.string()),
  /** Fields an editor's note set (seeds/*.figures.json); every other field is derived from the text. */
  overridden: z.array(z.string()),
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
