/**
 * The story's two charts (src/charts/), read back from their SVG: what they draw must say what
 * the figures say — one zero-based scale for every point or bar, each figure labelled as the
 * edition prints it, nothing outside the picture, no two labels on one line.
 */
import { describe, expect, it } from 'vitest';
import { incidenceFallChart } from '../../src/charts/incidence-fall.ts';
import { trainingChart } from '../../src/charts/training.ts';
import { chartAlt } from '../../src/charts/chart.ts';
import { CHARTS } from '../../src/charts/charts.ts';
import { MAP_FONT } from '../../src/render/map-font.ts';
import { loadSiteData } from '../../src/data/load.ts';
import { formatMetric, pointValue } from '../../src/views/format.ts';

const { metricsById } = loadSiteData();
const LANGS = ['zh', 'en'] as const;

/** Every element `<tag …>` with its numeric and string attributes (and its text, for <text>). */
function elements(svg: string, tag: string): Array<Record<string, string> & { text: string }> {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>(?:([^<]*)</${tag}>)?`, 'g'))].map((m) => ({
    ...Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
    text: m[2] ?? '',
  }));
}
const num = (x: string | undefined) => Number(x);
const viewBox = (svg: string) => /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number];

describe('the fall in poverty incidence (slope chart)', () => {
  const places = [
    { from: 'lin-poverty-incidence-before', to: 'lin-poverty-incidence-after' },
    { from: 'city-poverty-incidence-2014', to: 'city-poverty-incidence-2019' },
  ].map((p) => ({ from: metricsById.get(p.from)!, to: metricsById.get(p.to)! }));

  for (const lang of LANGS) {
    const svg = incidenceFallChart(metricsById, lang).svg;

    it(`${lang}: draws every point on one zero-based scale, inside the axes`, () => {
      const [axis] = elements(svg, 'line').filter((l) => l.x1 === l.x2);
      const [top, bottom] = [num(axis!.y1), num(axis!.y2)];
      const circles = elements(svg, 'circle');
      expect(circles).toHaveLength(2 * places.length);
      const values = places.flatMap((p) => [pointValue(p.from), pointValue(p.to)]);
      // cy = bottom − value × (px per point), the same factor for every point.
      const perPoint = values.map((v, i) => (bottom - num(circles[i]!.cy)) / v);
      for (const k of perPoint) expect(k).toBeCloseTo(perPoint[0]!, 6);
      for (const c of circles) {
        expect(num(c.cy)).toBeGreaterThanOrEqual(top);
        expect(num(c.cy)).toBeLessThanOrEqual(bottom);
      }
      // Each slope joins its own two points.
      const slopes = elements(svg, 'line').filter((l) => l.x1 !== l.x2);
      expect(slopes.map((l) => [num(l.y1), num(l.y2)])).toEqual(
        places.map((_, i) => [num(circles[2 * i]!.cy), num(circles[2 * i + 1]!.cy)]),
      );
    });

    it(`${lang}: labels every figure as printed, in its line's colour, one line apart at each end`, () => {
      const texts = elements(svg, 'text');
      const slopes = elements(svg, 'line').filter((l) => l.x1 !== l.x2);
      places.forEach((p, i) => {
        for (const m of [p.from, p.to]) {
          const label = texts.find((t) => t.text.includes(formatMetric(m, lang)));
          expect(label, `${m.id} is labelled`).toBeDefined();
          expect(label!.fill, m.id).toBe(slopes[i]!.stroke);
        }
      });
      for (const side of ['from', 'to'] as const) {
        const ys = places.map((p) => num(texts.find((t) => t.text.includes(formatMetric(p[side], lang)))!.y)).sort((a, b) => a - b);
        for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!, `${side} labels overlap`).toBeGreaterThanOrEqual(14);
      }
      const [w, h] = viewBox(svg);
      for (const t of texts) {
        expect(num(t.y)).toBeLessThanOrEqual(h);
        expect(num(t.x)).toBeLessThanOrEqual(w);
      }
      expect(svg).not.toMatch(/undefined|NaN|\{\{/);
    });

    it(`${lang}: has a title and a description giving every figure`, () => {
      expect(/<title>[^<]+<\/title>/.test(svg)).toBe(true);
      const desc = /<desc>([^<]+)<\/desc>/.exec(svg)?.[1] ?? '';
      for (const p of places) for (const m of [p.from, p.to]) expect(desc).toContain(formatMetric(m, lang));
    });
  }
});

describe('carers trained and placed in jobs (bars)', () => {
  const bars = [
    'city-carers-trained',
    'city-carers-employed',
    'city-carers-trained-poor',
    'city-carers-employed-poor',
    'lin-carers-trained',
    'lin-carers-employed',
  ].map((id) => metricsById.get(id)!);

  for (const lang of LANGS) {
    const svg = trainingChart(metricsById, lang).svg;

    it(`${lang}: bar lengths are proportional to the figures, from one baseline, inside the picture`, () => {
      const rects = elements(svg, 'rect');
      expect(rects).toHaveLength(bars.length);
      const perUnit = rects.map((r, i) => num(r.width) / pointValue(bars[i]!));
      // Widths are written to 0.1 px.
      for (const [i, k] of perUnit.entries()) expect(Math.abs(k - perUnit[0]!) * pointValue(bars[i]!)).toBeLessThanOrEqual(0.06);
      expect(new Set(rects.map((r) => r.x)).size).toBe(1);
      const [w, h] = viewBox(svg);
      for (const r of rects) {
        expect(num(r.x) + num(r.width)).toBeLessThanOrEqual(w);
        expect(num(r.y) + num(r.height)).toBeLessThanOrEqual(h);
      }
    });

    it(`${lang}: labels each bar with its figure as printed, in the lines just above it, and describes them all`, () => {
      const rects = elements(svg, 'rect');
      const texts = elements(svg, 'text');
      const squash = (s: string) => s.replace(/\s+/g, '');
      bars.forEach((m, i) => {
        // The lines between the bar before (or the top) and this bar, within three lines of it: its label, wrapped where long.
        const above = texts.filter(
          (t) =>
            num(t.y) <= num(rects[i]!.y) &&
            num(t.y) > num(rects[i]!.y) - 3 * 17 &&
            (i === 0 || num(t.y) > num(rects[i - 1]!.y) + num(rects[i - 1]!.height)),
        );
        expect(squash(above.map((t) => t.text).join('')), `${m.id} is labelled above its bar`).toContain(squash(formatMetric(m, lang)));
      });
      const desc = /<desc>([^<]+)<\/desc>/.exec(svg)?.[1] ?? '';
      for (const m of bars) expect(desc).toContain(formatMetric(m, lang));
      expect(svg).not.toMatch(/undefined|NaN|\{\{/);
    });
  }
});

describe('each chart as the page’s image', () => {
  for (const lang of LANGS)
    for (const [id, draw] of Object.entries(CHARTS))
      it(`${id} (${lang}): its size, its typeface, and its title and description (every figure, above) as its text alternative`, () => {
        const c = draw(metricsById, lang);
        expect(viewBox(c.svg)).toEqual([c.width, c.height]);
        expect(c.svg).toContain(`width="${c.width}" height="${c.height}"`);
        // An image does not inherit the page's font: the file names the maps' own.
        expect(c.svg).toContain(`font-family="${MAP_FONT.replaceAll('"', '&quot;')}"`);
        expect(chartAlt(c, lang)).toBe(`${c.title}${lang === 'zh' ? '：' : ': '}${c.description}`);
      });
});
