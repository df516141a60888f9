/**
 * The map's review number (审图号) and the authority that reviewed it, from `mapReview` in
 * config/print-presets.json: a county map published in China carries it (地图管理条例 第十五、十六条;
 * 地图审核管理规定). It is added to the map's source line here, once, so the site's map panels,
 * the embeds, the page SVGs and every print export show the same credit. Empty: nothing is added.
 */
import { MAP_REVIEW } from '../config/settings.ts';
import type { MapReview } from '../schema/print-presets.ts';
import type { Lang } from '../i18n/lang.ts';
import { fill, strings } from '../i18n/strings.ts';

/** "审图号：吕S（2026）001号（吕梁市规划和自然资源局）", or null while the map has no number. */
export function mapReviewLine(lang: Lang, review: MapReview = MAP_REVIEW): string | null {
  const number = review.number.trim();
  if (!number) return null;
  const by = review.authority[lang].trim();
  const say = strings(lang).map;
  return fill(by ? say.mapReviewBy : say.mapReview, { number, by });
}

/** The source line with the review number after it, when there is one. */
export function withMapReview(source: string, lang: Lang, review: MapReview = MAP_REVIEW): string {
  const line = mapReviewLine(lang, review);
  return line ? `${source}${strings(lang).map.creditSeparator}${line}` : source;
}
