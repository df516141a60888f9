import { scaleLinear } from 'd3';
import type { Metric } from '../schema/metrics.ts';
import { formatMetric, pointValue } from '../views/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { PALETTE, RAMPS } from '../views/palette.ts';
import { escapeMarkup as esc } from '../render/escape.ts';
import { strings } from '../i18n/strings.ts';
import { placeName } from '../views/places.ts';
import { wrapText } from '../render/text-wrap.ts';
import { CHART_WIDTH } from './training.ts';
import { periodText } from '../i18n/periods.ts';
import { chart, type Chart } from './chart.ts';

/**
 * Slope chart of the poverty incidence, before → after, for every place the edition gives both
 * ends of: the city (2014 → 2019) and 临县 (over the campaign). Built at render time with d3 scales.
 */
export function incidenceFallChart(metrics: Map<string, Metric>, lang: Lang): Chart {
  const m = (id: string) => metrics.get(id)!;
  const say = strings(lang).charts;
  const rows = [
    [m('lin-poverty-incidence-before'), m('lin-poverty-incidence-after')],
    [m('city-poverty-incidence-2014'), m('city-poverty-incidence-2019')],
  ].map(([from, to]) => ({ name: placeName(from!.region, lang), from: from!, to: to! }));
  // Values at both ends; the place's name beside its "after" value, in its line's colour.
  const W = CHART_WIDTH,
    left = 58,
    right = W - 130,
    top = 50,
    bottom = 230;
  const y = scaleLinear().domain([0, 40]).range([bottom, top]);
  const parts: string[] = [];
  parts.push(
    `<text x="${left}" y="24" text-anchor="middle" font-weight="700">${esc(say.before)}</text>`,
    `<text x="${right}" y="24" text-anchor="middle" font-weight="700">${esc(say.after)}</text>`,
    `<line x1="${left}" x2="${left}" y1="${top - 10}" y2="${bottom}" stroke="${PALETTE.countyLine.hex}"/>`,
    `<line x1="${right}" x2="${right}" y1="${top - 10}" y2="${bottom}" stroke="${PALETTE.countyLine.hex}"/>`,
  );
  rows.forEach((r, i) => {
    const colour = i === 0 ? RAMPS.incidence[5].hex : PALETTE.ink.hex;
    const y0 = y(pointValue(r.from)),
      y1 = y(pointValue(r.to));
    // Both "after" values sit near zero: the labels, not the points, are moved apart.
    const labelY = y1 - (rows.length - 1 - i) * 17;
    parts.push(
      `<line x1="${left}" y1="${y0}" x2="${right}" y2="${y1}" stroke="${colour}" stroke-width="2.5"/>`,
      `<circle cx="${left}" cy="${y0}" r="4.5" fill="${colour}"/><circle cx="${right}" cy="${y1}" r="4.5" fill="${colour}"/>`,
      `<text x="${left - 8}" y="${y0 + 5}" text-anchor="end" fill="${colour}">${esc(formatMetric(r.from, lang))}</text>`,
      `<text x="${right + 8}" y="${labelY + 5}" fill="${colour}">${esc(`${r.name} ${formatMetric(r.to, lang)}`)}</text>`,
    );
  });
  // The periods the text gives each end (periodEn in English), never more: a value without one gets none.
  const notes = rows.map((r) => {
    const periods = [r.from, r.to].map((x) => periodText(x, lang)?.text).filter((p): p is string => Boolean(p));
    return `${r.name}${say.noteSeparator}${[...new Set(periods)].join(' → ')}`;
  });
  const lines = notes.flatMap((n) => wrapText(n, W - 8, 13));
  const H = bottom + 20 + lines.length * 17;
  lines.forEach((l, i) =>
    parts.push(`<text x="4" y="${bottom + 30 + i * 17}" font-size="13" fill="${PALETTE.inkMuted.hex}">${esc(l)}</text>`),
  );
  return chart(
    {
      width: W,
      height: H,
      title: say.incidenceTitle,
      description: rows.map((r) => `${r.name}: ${formatMetric(r.from, lang)} → ${formatMetric(r.to, lang)}`).join('; '),
    },
    parts.join(''),
  );
}
