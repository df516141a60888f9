import { scaleLinear } from 'd3';
import type { Metric } from '../schema/metrics.ts';
import { formatMetric, pointValue } from '../views/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { PALETTE } from '../views/palette.ts';
import { escapeMarkup as esc } from '../render/escape.ts';
import { strings } from '../i18n/strings.ts';
import { wrapText } from '../render/text-wrap.ts';
import { chart, type Chart } from './chart.ts';

/**
 * Chart width in SVG units. The charts are drawn no wider than this on the page (story.css), so
 * that 1 unit ≥ 1 CSS px on a 390 px phone column: text set at 13–14 units stays ≥ 12 px.
 */
export const CHART_WIDTH = 320;

/** Bars from training to jobs, for the city (and the poor among them) and for 临县. Each bar's words sit above it. */
export function trainingChart(metrics: Map<string, Metric>, lang: Lang): Chart {
  const m = (id: string) => metrics.get(id)!;
  const say = strings(lang).charts;
  const groups = [
    { name: say.trainingCity, bars: [m('city-carers-trained'), m('city-carers-employed')] },
    { name: say.trainingCityPoor, bars: [m('city-carers-trained-poor'), m('city-carers-employed-poor')] },
    { name: say.trainingLin, bars: [m('lin-carers-trained'), m('lin-carers-employed')] },
  ];
  const W = CHART_WIDTH,
    left = 4,
    barH = 14,
    labelSize = 13,
    line = 17;
  const x = scaleLinear()
    .domain([0, Math.max(...groups.flatMap((g) => g.bars.map((b) => pointValue(b))))])
    .range([0, W - 2 * left]);
  const colours = [PALETTE.symbolPeople.hex, PALETTE.symbolPv.hex];
  const parts: string[] = [];
  let y = 18;
  parts.push(`<text x="${left}" y="${y}" font-size="${labelSize}" fill="${PALETTE.inkMuted.hex}">${esc(say.trainingKey)}</text>`);
  y += 30;
  for (const g of groups) {
    parts.push(`<text x="${left}" y="${y}" font-weight="700">${esc(g.name)}</text>`);
    y += 8;
    g.bars.forEach((b, i) => {
      for (const text of wrapText(`${b.label[lang]} ${formatMetric(b, lang)}`, W - 2 * left, labelSize)) {
        y += line;
        parts.push(`<text x="${left}" y="${y - 4}" font-size="${labelSize}">${esc(text)}</text>`);
      }
      parts.push(`<rect x="${left}" y="${y}" width="${x(pointValue(b)).toFixed(1)}" height="${barH}" fill="${colours[i]}"/>`);
      y += barH + 4;
    });
    y += 26;
  }
  const H = y - 18;
  return chart(
    {
      width: W,
      height: H,
      title: say.trainingTitle,
      description: groups.map((g) => `${g.name}: ${g.bars.map((b) => formatMetric(b, lang)).join(' → ')}`).join('; '),
    },
    parts.join(''),
  );
}
