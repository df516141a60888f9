import { scaleLinear } from 'd3';
import type { Metric } from '../schema/metrics.ts';
import { formatMetric, type Lang } from '../views/format.ts';
import { PALETTE } from '../views/palette.ts';
import { wrapText } from '../render/text-wrap.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Chart width in SVG units. The charts are drawn no wider than this on the page (story.css), so
 * that 1 unit ≥ 1 CSS px on a 390 px phone column: text set at 13–14 units stays ≥ 12 px.
 */
export const CHART_WIDTH = 320;

/** Bars from training to jobs, for the city (and the poor among them) and for 临县. Each bar's words sit above it. */
export function trainingSvg(metrics: Map<string, Metric>, lang: Lang): string {
  const m = (id: string) => metrics.get(id)!;
  const zh = lang === 'zh';
  const groups = [
    { name: zh ? '全市（目前）' : 'Whole city (to date)', bars: [m('city-carers-trained'), m('city-carers-employed')] },
    { name: zh ? '全市·其中贫困人口' : 'Whole city, of whom poor', bars: [m('city-carers-trained-poor'), m('city-carers-employed-poor')] },
    { name: zh ? '临县（2016年以来）' : 'Lin County (since 2016)', bars: [m('lin-carers-trained'), m('lin-carers-employed')] },
  ];
  const W = CHART_WIDTH, left = 4, barH = 14, labelSize = 13, line = 17;
  const x = scaleLinear().domain([0, Math.max(...groups.flatMap((g) => g.bars.map((b) => b.value)))]).range([0, W - 2 * left]);
  const colours = [PALETTE.symbolPeople.hex, PALETTE.symbolPv.hex];
  const parts: string[] = [];
  const key = zh ? '蓝：培训人数　橙：就业人数' : 'Blue: trained · Orange: placed in jobs';
  let y = 18;
  parts.push(`<text x="${left}" y="${y}" font-size="${labelSize}" fill="${PALETTE.inkMuted.hex}">${esc(key)}</text>`);
  y += 30;
  for (const g of groups) {
    parts.push(`<text x="${left}" y="${y}" font-weight="700">${esc(g.name)}</text>`);
    y += 8;
    g.bars.forEach((b, i) => {
      for (const text of wrapText(`${b.label[lang]} ${formatMetric(b, lang)}`, W - 2 * left, labelSize)) {
        y += line;
        parts.push(`<text x="${left}" y="${y - 4}" font-size="${labelSize}">${esc(text)}</text>`);
      }
      parts.push(`<rect x="${left}" y="${y}" width="${x(b.value).toFixed(1)}" height="${barH}" fill="${colours[i]}"/>`);
      y += barH + 4;
    });
    y += 26;
  }
  const H = y - 18;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" class="chart" font-size="14">`,
    `<title>${esc(zh ? '吕梁山护工：培训与就业' : 'Lüliang Mountain carers: trained and placed in jobs')}</title>`,
    `<desc>${esc(groups.map((g) => `${g.name}: ${g.bars.map((b) => formatMetric(b, lang)).join(' → ')}`).join('; '))}</desc>`,
    ...parts,
    `</svg>`,
  ].join('');
}
