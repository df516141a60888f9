import './zod-config.ts';
import { z } from 'zod';

/** GB/T 2260 division code: 140000 Shanxi, 141100 吕梁市, 1411xx its counties. */
export const RegionCode = z.string().regex(/^\d{6}$/);

/** 1-based line numbers of the seed file a piece of text was restored from. */
const SeedLines = z.tuple([z.number().int().positive(), z.number().int().positive()]);

export const Paragraph = z.object({
  /** Stable id: `${articleId}-p${n}` (or `${articleId}-deck`). */
  id: z.string().regex(/^[a-z]+-(p\d+|deck)$/),
  text: z.string().min(1),
  lines: SeedLines,
});

export const Headline = z.object({ text: z.string().min(1), lines: SeedLines });

export const Article = z.object({
  id: z.string().regex(/^[a-z]+$/),
  region: RegionCode,
  /** The county or city name as the edition writes it. */
  place: z.string().min(1),
  /** Null when the page prints no headline for the article (石楼县). */
  headline: Headline.nullable(),
  /** The headline-figures block printed above the lead article, if any. */
  deck: Paragraph.nullable(),
  paragraphs: z.array(Paragraph).min(1),
});

export const Caption = z.object({
  id: z.string().regex(/^cap-\d+$/),
  text: z.string().min(1),
  line: z.number().int().positive(),
  /** Division codes of the counties the caption itself names (empty when it names none). */
  regions: z.array(RegionCode),
});

/** A defect of the source text, kept as printed and pointed out here. */
export const SourceFlag = z.object({
  /** Paragraph or caption id. */
  at: z.string(),
  kind: z.enum(['missing-unit', 'reversed-quotes', 'unbalanced-quotes', 'halfwidth-punctuation', 'printed-once']),
  excerpt: z.string().min(1),
  note: z.string().min(1),
});

export const Edition = z.object({
  source: z.object({
    seed: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    manifest: z.string(),
  }),
  /** The page's header (a slogan line); null where the page prints none. */
  pageHeader: Headline.nullable(),
  editionMarker: Headline,
  articles: z.array(Article).min(1),
  captions: z.array(Caption),
  flags: z.array(SourceFlag),
  /** Layout entries drafted by `npm run draft` and not yet confirmed (manifest, articles.<id>, captions.<n>); absent once all are. */
  draft: z.array(z.string()).optional(),
});

export type Edition = z.infer<typeof Edition>;
export type Article = z.infer<typeof Article>;
export type Paragraph = z.infer<typeof Paragraph>;
export type Caption = z.infer<typeof Caption>;
export type SourceFlag = z.infer<typeof SourceFlag>;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A page's number in the series, read from its edition marker (专刊①, ②…); null when it prints none. */
export function seriesNumber(markerText: string): number | null {
  const c = [...markerText].find((ch) => CIRCLED.includes(ch));
  return c ? CIRCLED.indexOf(c) + 1 : null;
}

/** The circled numeral of page n (①…⑳). */
export const circled = (n: number): string => CIRCLED[n - 1] ?? String(n);
