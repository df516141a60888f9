/**
 * The print layout a desk prints as it is, at every preset × language × view: every text's box
 * is computed from the print SVG's own geometry (positions, anchors, group translations) with
 * widths measured on the packaged font's glyphs (print-font-metrics.ts), and checked: no two
 * map names overlap, none is cut by the map's frame or sits on the north arrow, the scale bar, a
 * symbol or a site dot,
 * no legend text touches another (the class labels), nothing runs past the page's edge, type and
 * rules keep the preset's minimums and the map keeps at least half of the height.
 */
import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import { resolvePrintSize } from '../../src/print/print-layout.ts';
import { renderPrintSvg } from '../../src/print/print-svg.ts';
import { XMLValidator } from 'fast-xml-parser';
import { compileView } from '../../src/views/compile.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';
import { PRINT_PRESETS } from '../../src/config/settings.ts';
import { measure } from './print-font-metrics.ts';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TextBox extends Box {
  text: string;
  group: string;
  size: number;
}

const presets = PRINT_PRESETS;
const data = loadSiteData();

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/**
 * Every <text> of the SVG as a box: x from the anchor and the measured advance, y from the
 * baseline (ascent 0.8 em, descent 0.2 em: CJK ink and Latin descenders fit), inside the
 * translations of its groups; `group` is the id of the outermost named group it is in.
 */
export function textBoxes(svg: string): TextBox[] {
  const out: TextBox[] = [];
  const stack: Array<{ dx: number; dy: number; size?: number; anchor?: string; weight?: string; id?: string; closes: boolean }> = [];
  const inherited = <K extends 'size' | 'anchor' | 'weight' | 'id'>(k: K) => [...stack].reverse().find((s) => s[k] !== undefined)?.[k];
  const outerId = () => stack.find((s) => s.id && s.id !== 'map')?.id ?? 'top';
  const TAG = /<(\/?)(\w+)([^>]*?)(\/?)>([^<]*)/g;
  for (const m of svg.matchAll(TAG)) {
    const [, close, name, attrs, selfClose, after] = m as unknown as [string, string, string, string, string, string];
    if (close) {
      if (name === 'g') stack.pop();
      continue;
    }
    if (name === 'g') {
      const t = /translate\(([-\d.]+)[ ,]([-\d.]+)\)/.exec(attr(attrs, 'transform') ?? '');
      const rotate = /rotate\(([-\d.]+)\)/.exec(attr(attrs, 'transform') ?? '');
      if (rotate) expect(Math.abs(Number(rotate[1]))).toBeLessThan(1); // boxes are axis-aligned
      const fs = attr(attrs, 'font-size');
      stack.push({
        dx: (stack.at(-1)?.dx ?? 0) + (t ? Number(t[1]) : 0),
        dy: (stack.at(-1)?.dy ?? 0) + (t ? Number(t[2]) : 0),
        size: fs ? Number(fs) : undefined,
        anchor: attr(attrs, 'text-anchor'),
        weight: attr(attrs, 'font-weight'),
        id: attr(attrs, 'id'),
        closes: !selfClose,
      });
      if (selfClose) stack.pop();
      continue;
    }
    if (name !== 'text') continue;
    const text = unescape(after);
    const size = Number(attr(attrs, 'font-size') ?? inherited('size'));
    const anchor = attr(attrs, 'text-anchor') ?? inherited('anchor') ?? 'start';
    const bold = (attr(attrs, 'font-weight') ?? inherited('weight')) === '700';
    const w = measure(text, size, bold);
    const base = stack.at(-1) ?? { dx: 0, dy: 0 };
    const x = Number(attr(attrs, 'x')) + base.dx;
    const y = Number(attr(attrs, 'y')) + base.dy;
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    out.push({ text, group: outerId(), size, x0, x1: x0 + w, y0: y - size * 0.8, y1: y + size * 0.2 });
  }
  return out;
}

const overlap = (a: Box, b: Box, slack = 0.05) => a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1;
const inside = (a: Box, b: Box, slack = 0.05) =>
  a.x0 >= b.x0 - slack && a.y0 >= b.y0 - slack && a.x1 <= b.x1 + slack && a.y1 <= b.y1 + slack;
const rectBox = (tag: string): Box => {
  const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(attr(tag, k) ?? 0)) as [number, number, number, number];
  return { x0: x, y0: y, x1: x + w, y1: y + h };
};
const show = (b: TextBox) => `"${b.text}" [${b.x0.toFixed(1)}, ${b.y0.toFixed(1)} – ${b.x1.toFixed(1)}, ${b.y1.toFixed(1)}]`;

/** Everything a desk would have to fix by hand in one print SVG; empty when it prints as it is. */
export function layoutProblems(svg: string, minPt: number, hairline: number): string[] {
  const problems: string[] = [];
  const boxes = textBoxes(svg);
  const [width, height] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
  const mapArea = rectBox(/<clipPath id="map-area"><rect([^>]*)\/>/.exec(svg)![1]!);
  const northArrow = (() => {
    const g = /<g id="north-arrow" transform="translate\(([-\d.]+) ([-\d.]+)\)[^"]*"[^>]*>(.*?)<\/g>/s.exec(svg)!;
    const [tx, ty] = [Number(g[1]), Number(g[2])];
    const nums = [...g[3]!.matchAll(/<path d="([^"]+)"/g)].flatMap((p) =>
      [...p[1]!.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((q) => [Number(q[1]), Number(q[2])]),
    );
    const letter = boxes.find((b) => b.group === 'north-arrow')!;
    return {
      x0: Math.min(letter.x0, ...nums.map((n) => n[0]! + tx)),
      x1: Math.max(letter.x1, ...nums.map((n) => n[0]! + tx)),
      y0: Math.min(letter.y0, ...nums.map((n) => n[1]! + ty)),
      y1: Math.max(letter.y1, ...nums.map((n) => n[1]! + ty)),
    };
  })();
  const scaleBar = rectBox(/<g id="scale-bar"[^>]*><rect([^>]*)\/>/.exec(svg)![1]!);
  const dots = [...svg.matchAll(/<g id="(?:symbols|sites)">(.*?)<\/g>/gs)].flatMap((g) =>
    [...g[1]!.matchAll(/<circle\b[^>]*>/g)].map((c) => {
      const [x, y, r] = ['cx', 'cy', 'r'].map((k) => Number(attr(c[0], k))) as [number, number, number];
      return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
    }),
  );
  const labels = boxes.filter((b) => b.group === 'labels');
  // The locator inset, where the map has one: names keep clear of it, and it stays inside the map.
  const inset =
    /<g id="locator" data-locator="" transform="translate\(([-\d.]+) ([-\d.]+)\)"><rect width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const locator = inset && (([x, y, w, h]) => ({ x0: x!, y0: y!, x1: x! + w!, y1: y! + h! }))(inset.slice(1).map(Number));
  if (locator && !inside(locator, mapArea))
    problems.push(
      `locator inset cut by the map's frame: [${locator.x0.toFixed(1)}, ${locator.y0.toFixed(1)} – ${locator.x1.toFixed(1)}, ${locator.y1.toFixed(1)}]`,
    );
  labels.forEach((a, i) => {
    if (locator && overlap(a, locator)) problems.push(`name under the locator inset: ${show(a)}`);
    if (dots.some((d) => overlap(a, d))) problems.push(`name on a symbol or site dot: ${show(a)}`);
    for (const b of labels.slice(i + 1)) if (overlap(a, b)) problems.push(`names overlap: ${show(a)} and ${show(b)}`);
    if (!inside(a, mapArea)) problems.push(`name cut by the map's frame: ${show(a)}`);
    if (overlap(a, northArrow)) problems.push(`name on the north arrow: ${show(a)}`);
    if (overlap(a, scaleBar)) problems.push(`name on the scale bar: ${show(a)}`);
  });
  for (const g of ['north-arrow', 'scale-bar'])
    for (const b of boxes.filter((x) => x.group === g)) if (!inside(b, mapArea)) problems.push(`${g} text cut by the frame: ${show(b)}`);
  const legend = boxes.filter((b) => b.group === 'legend');
  legend.forEach((a, i) => {
    for (const b of legend.slice(i + 1)) if (overlap(a, b, -0.5)) problems.push(`legend texts touch: ${show(a)} and ${show(b)}`);
  });
  for (const b of boxes) if (!inside(b, { x0: 0, y0: 0, x1: width, y1: height })) problems.push(`text past the page edge: ${show(b)}`);
  const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  if (Math.min(...sizes) < minPt) problems.push(`type below ${minPt} pt: ${Math.min(...sizes)}`);
  const strokes = [...svg.matchAll(/stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
  if (Math.min(...strokes) < hairline) problems.push(`rule below ${hairline} pt: ${Math.min(...strokes)}`);
  return problems;
}

const PRESETS = Object.keys(presets.presets).filter((p) => presets.presets[p]!.width !== 'custom');
const render = (key: string, preset: string, lang: 'zh' | 'en') => {
  const k = allViewKeys().find((x) => x.key === key)!;
  const size = resolvePrintSize(presets, { preset });
  const view = compileView(k.view, data.compileInput, lang, k.state);
  return renderPrintSvg(view, data.geo, size, { typography: presets.typography, credit: presets.credit[lang], date: '2026-11-29' });
};

describe('print layout at every preset × language × view', () => {
  for (const preset of PRESETS)
    for (const lang of ['zh', 'en'] as const)
      it(`${preset}, ${lang}: no overlapping or cut names, nothing on the north arrow or scale bar, legend texts apart, minimums kept, the map ≥ half the height`, () => {
        const problems: string[] = [];
        for (const k of allViewKeys()) {
          const { svg, mapShare } = render(k.key, preset, lang);
          if (mapShare < 0.5) problems.push(`${k.key}: the map has ${Math.round(mapShare * 100)} % of the height`);
          for (const p of layoutProblems(svg, presets.typography.minPt, presets.typography.hairlinePt)) problems.push(`${k.key}: ${p}`);
          // A file Illustrator, Inkscape and the browser's <img> (the Export menu's PNG) can open: well-formed XML.
          const xml = XMLValidator.validate(svg);
          if (xml !== true) problems.push(`${k.key}: not well-formed XML: ${xml.err.msg} (line ${xml.err.line})`);
        }
        expect(problems).toEqual([]);
      });
});

describe('the layout check can fail', () => {
  it('finds the overlaps, cuts and crowding a desk would fix by hand', () => {
    const { svg } = render('pv', '2col', 'en');
    const labels = /<g id="labels"[^>]*>/.exec(svg)!;
    const first = /<text x="([\d.]+)" y="([\d.]+)">([^<]+)<\/text>/.exec(svg.slice(labels.index))!;
    // A copy of the first name on top of it, one past the right edge, one on the north arrow.
    const arrow = /<g id="north-arrow" transform="translate\(([\d.]+) ([\d.]+)\)/.exec(svg)!;
    const broken = svg.replace(
      labels[0],
      `${labels[0]}<text x="${Number(first[1]) + 3}" y="${first[2]}">${first[3]}</text><text x="${/viewBox="0 0 ([\d.]+)/.exec(svg)![1]}" y="${first[2]}">Taiyuan</text><text x="${arrow[1]}" y="${arrow[2]}">Xinzhou</text>`,
    );
    const problems = layoutProblems(broken, 8, 0.25).join('\n');
    expect(problems).toMatch(/names overlap: "[^"]+" .* and "[^"]+"/);
    expect(problems).toMatch(/name cut by the map's frame: "Taiyuan"/);
    expect(problems).toMatch(/name on the north arrow: "Xinzhou"/);
    // The legend's class labels run together when set side by side at the swatch pitch.
    const legend = `<svg viewBox="0 0 200 100"><defs><clipPath id="map-area"><rect x="0" y="0" width="200" height="50"/></clipPath></defs><g id="map"><g id="scale-bar"><rect x="0" y="40" width="10" height="10"/></g><g id="north-arrow" transform="translate(190 10)"><path d="M0 0L1 1Z"/><text x="0" y="0" font-size="8">N</text></g></g><g id="legend" transform="translate(0 60)" font-size="8"><text x="10" y="10">10–20%</text><text x="36" y="10">20–30%</text></g></svg>`;
    expect(layoutProblems(legend, 8, 0.25).join('\n')).toMatch(/legend texts touch: "10–20%" .* and "20–30%"/);
    expect(layoutProblems(svg.replace(/font-size="8"/, 'font-size="7"'), 8, 0.25).join('\n')).toMatch(/type below 8 pt: 7/);
  });
});
