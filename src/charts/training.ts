import { scaleLinear } from 'd3';
import type { Metric } from '../schema/metrics.ts';
import { formatMetric, pointValue, type Lang } from '../views/format.ts';
import { PALETTE } from '../views/palette.ts';
import { escapeMarkup as esc } from '../render/escape.ts';
import { strings } from '../i18n/strings.ts';

/** Bars from training to jobs, for the city (and the poor among them) and for 临县. */
export function trainingSvg(metrics: Map<string, Metric>, lang: Lang): string {
  const m = (id: string) => metrics.get(id)!;
  const say = strings(lang).charts;
  const groups = [
    { name: say.trainingCity, bars: [m('city-carers-trained'), m('city-carers-employed')] },
    { name: say.trainingCityPoor, bars: [m('city-carers-trained-poor'), m('city-carers-employed-poor')] },
    { name: say.trainingLin, bars: [m('lin-carers-trained'), m('lin-carers-employed')] },
  ];
  const W = 560, left = 10, barH = 18, gap = 6, groupGap = 34;
  const x = scaleLinear().domain([0, Math.max(...groups.flatMap((g) => g.bars.map((b) => pointValue(b))))]).range([0, W - 160]);
  const colours = [PALETTE.symbolPeople.hex, PALETTE.symbolPv.hex];
  const parts: string[] = [];
  let y = 40;
  for (const g of groups) {
    parts.push(`<text x="${left}" y="${y}" font-weight="700">${esc(g.name)}</text>`);
    y += 8;
    g.bars.forEach((b, i) => {
      parts.push(
        `<rect x="${left}" y="${y}" width="${x(pointValue(b)).toFixed(1)}" height="${barH}" fill="${colours[i]}"/>`,
        `<text x="${(left + x(pointValue(b)) + 6).toFixed(1)}" y="${y + barH - 4}" font-size="13">${esc(`${b.label[lang]} ${formatMetric(b, lang)}`)}</text>`,
      );
      y += barH + gap;
    });
    y += groupGap - gap;
  }
  const H = y - 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" class="chart" font-size="14">`,
    `<title>${esc(say.trainingTitle)}</title>`,
    `<desc>${esc(groups.map((g) => `${g.name}: ${g.bars.map((b) => formatMetric(b, lang)).join(' → ')}`).join('; '))}</desc>`,
    `<text x="${left}" y="18" font-size="13" fill="${PALETTE.inkMuted.hex}">${esc(say.trainingKey)}</text>`,
    ...parts,
    `</svg>`,
  ].join('');
}
