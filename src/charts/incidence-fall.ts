import { scaleLinear } from 'd3';
import type { Metric } from '../schema/metrics.ts';
import { formatMetric, pointValue, type Lang } from '../views/format.ts';
import { PALETTE, RAMPS } from '../views/palette.ts';
import { escapeMarkup as esc } from '../render/escape.ts';
import { strings } from '../i18n/strings.ts';
import { placeName } from '../views/places.ts';

/**
 * Slope chart of the poverty incidence, before → after, for every place the edition gives both
 * ends of: the city (2014 → 2019) and 临县 (over the campaign). Built at render time with d3 scales.
 */
export function incidenceFallSvg(metrics: Map<string, Metric>, lang: Lang): string {
  const m = (id: string) => metrics.get(id)!;
  const say = strings(lang).charts;
  const rows = [
    [m('lin-poverty-incidence-before'), m('lin-poverty-incidence-after')],
    [m('city-poverty-incidence-2014'), m('city-poverty-incidence-2019')],
  ].map(([from, to]) => ({ name: placeName(from!.region, lang), from: from!, to: to! }));
  const W = 560, H = 300, left = 150, right = W - 150, top = 50, bottom = H - 40;
  const y = scaleLinear().domain([0, 40]).range([bottom, top]);
  const parts: string[] = [];
  const when = (x: Metric) => x.period ?? '';
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" class="chart" font-size="14">`,
    `<title>${esc(say.incidenceTitle)}</title>`,
    `<desc>${esc(rows.map((r) => `${r.name}: ${formatMetric(r.from, lang)} → ${formatMetric(r.to, lang)}`).join('; '))}</desc>`,
    `<text x="${left}" y="24" text-anchor="middle" font-weight="700">${esc(say.before)}</text>`,
    `<text x="${right}" y="24" text-anchor="middle" font-weight="700">${esc(say.after)}</text>`,
    `<line x1="${left}" x2="${left}" y1="${top - 10}" y2="${bottom}" stroke="${PALETTE.countyLine.hex}"/>`,
    `<line x1="${right}" x2="${right}" y1="${top - 10}" y2="${bottom}" stroke="${PALETTE.countyLine.hex}"/>`,
  );
  rows.forEach((r, i) => {
    const colour = i === 0 ? RAMPS.incidence[5].hex : PALETTE.ink.hex;
    const y0 = y(pointValue(r.from)), y1 = y(pointValue(r.to));
    // Both "after" values sit near zero: the labels, not the points, are moved apart.
    const labelY = y1 - i * 16;
    parts.push(
      `<line x1="${left}" y1="${y0}" x2="${right}" y2="${y1}" stroke="${colour}" stroke-width="2.5"/>`,
      `<circle cx="${left}" cy="${y0}" r="4.5" fill="${colour}"/><circle cx="${right}" cy="${y1}" r="4.5" fill="${colour}"/>`,
      `<text x="${left - 10}" y="${y0 + 5}" text-anchor="end" fill="${colour}">${esc(`${r.name} ${formatMetric(r.from, lang)}`)}</text>`,
      `<text x="${right + 10}" y="${labelY + 5}" fill="${colour}">${esc(`${r.name} ${formatMetric(r.to, lang)}`)}</text>`,
    );
  });
  // The periods are the edition's own words; the English note says the same in English.
  const note =
    lang === 'zh'
      ? rows.map((r) => `${r.name}：${when(r.from)}${r.from.period === r.to.period ? '' : ` → ${when(r.to)}`}`).join('；')
      : 'Lin County: since the campaign began; Lüliang: end of 2014 → end of 2019';
  parts.push(`<text x="8" y="${H - 8}" font-size="12" fill="${PALETTE.inkMuted.hex}">${esc(note)}</text>`, `</svg>`);
  return parts.join('');
}
