/**
 * The story's landscape share card (og:image of the story, data and edition pages; 1200 × 630,
 * the size feeds show uncropped): the overview map from the SVG renderer on the right; on the
 * left the story's title and its headline figure — in Chinese exactly as printed (`raw`).
 */
import { compiledViews, loadSiteData } from '../data/load.ts';
import { MAP_FONT } from '../render/map-font.ts';
import { renderSvg } from '../render/svg.ts';
import { textWidth as measure, wrapText } from '../render/text-wrap.ts';
import { strings } from '../i18n/strings.ts';
import { formatMetric } from '../views/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { PALETTE, RAMPS } from '../views/palette.ts';
import { SHARE_CARD_SIZE } from './snippet.ts';
import { escapeMarkup as esc } from '../render/escape.ts';

/** The figure the card leads with: the city's people lifted out of poverty (lead-deck, lead-p6). */
export const HEADLINE_METRIC = 'city-people-lifted';
const MAP_VIEW = 'overview';

export function shareCardSvg(lang: Lang): string {
  const { width: W, height: H } = SHARE_CARD_SIZE;
  const { geo, metricsById, edition } = loadSiteData();
  const metric = metricsById.get(HEADLINE_METRIC);
  if (!metric) throw new Error(`share-card.ts: metric "${HEADLINE_METRIC}" is not in data/metrics.json`);
  const view = compiledViews(lang).find((c) => c.key === MAP_VIEW)?.view;
  if (!view) throw new Error(`share-card.ts: view "${MAP_VIEW}" is not in src/views/views.ts`);
  const ui = strings(lang).ui;
  const mapWidth = 540;
  const map = renderSvg(view, geo, { width: mapWidth, height: H, frame: false, labelSize: 18 }).replace(
    /^<svg /,
    `<svg x="${W - mapWidth}" y="0" `,
  );
  const x = 64;
  const textWidth = W - mapWidth - 2 * x;
  const [title, subtitle] = ui.siteTitle.split(' · ');
  const titleSize = lang === 'zh' ? 60 : 52;
  const titleLines = wrapText(title!, textWidth, titleSize);
  const figure = lang === 'zh' ? metric.raw : formatMetric(metric, lang);
  const label = lang === 'zh' ? `${metric.label.zh}（${metric.period ?? ''}）`.replace('（）', '') : metric.label.en;
  const labelLines = wrapText(label, textWidth, 30);
  const marker = lang === 'zh' ? edition.editionMarker.text : (subtitle ?? '');
  // As large as fits the column, at most 120 px.
  const figureSize = Math.min(120, Math.floor(textWidth / measure(figure, 1)));
  let y = 120;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(ui.siteTitle)}" font-family="${esc(MAP_FONT)}">`,
    `<rect width="${W}" height="${H}" fill="${PALETTE.paper.hex}"/>`,
    `<rect x="0" y="0" width="12" height="${H}" fill="${RAMPS.incidence[5]!.hex}"/>`,
    `<text x="${x}" y="${y - 44}" font-size="24" fill="${PALETTE.inkMuted.hex}">${esc(marker)}</text>`,
  ];
  for (const line of titleLines) {
    y += titleSize * 0.2;
    out.push(
      `<text x="${x}" y="${y + titleSize * 0.8}" font-size="${titleSize}" font-weight="700" fill="${PALETTE.ink.hex}">${esc(line)}</text>`,
    );
    y += titleSize * 1.05;
  }
  y += 70;
  out.push(
    `<text x="${x}" y="${y + figureSize * 0.8}" font-size="${figureSize}" font-weight="700" fill="${RAMPS.incidence[5]!.hex}">${esc(figure)}</text>`,
  );
  y += figureSize * 0.8 + 54;
  for (const line of labelLines) {
    out.push(`<text x="${x}" y="${y}" font-size="30" fill="${PALETTE.ink.hex}">${esc(line)}</text>`);
    y += 40;
  }
  out.push(map, `</svg>`);
  return out.join('');
}
