/**
 * A chart of the story as the page shows it: an SVG file (/charts/{lang}/{id}.svg) in an <img>,
 * whose text alternative is the chart's title and description. A file, not inline: the story's
 * HTML then fits the first TCP window (≈ 14 KB gzip) in English too, where inline charts took
 * it over (docs/performance.md).
 */
import { escapeMarkup as esc } from '../render/escape.ts';
import { MAP_FONT } from '../render/map-font.ts';
import type { Lang } from '../i18n/lang.ts';
import { strings } from '../i18n/strings.ts';

export interface Chart {
  /** The SVG document, its words in the maps' typeface (an image does not inherit the page's). */
  svg: string;
  width: number;
  height: number;
  title: string;
  /** The chart's figures in words, for its <desc> and the image's alt text. */
  description: string;
}

/** A chart of `width` × `height` units drawn by `body` (SVG elements), with its title and description. */
export function chart(o: Omit<Chart, 'svg'>, body: string): Chart {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.width} ${o.height}" width="${o.width}" height="${o.height}" role="img" font-family="${esc(MAP_FONT)}" font-size="14">` +
    `<title>${esc(o.title)}</title><desc>${esc(o.description)}</desc>${body}</svg>`;
  return { ...o, svg };
}

/** The image's text alternative: the title, then the figures. */
export const chartAlt = (c: Chart, lang: Lang): string => `${c.title}${strings(lang).charts.noteSeparator}${c.description}`;
