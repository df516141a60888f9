/**
 * What only the print layout draws on the map (src/render/svg.ts calls it through its
 * `PrintStyle`, where the screen draws halos, a hatch pattern and a one-row key): names placed
 * clear of everything by print-labels.ts, paper plates under names on dark fills, hatching as
 * lines and the class key that flows onto rows. The print SVG (print-svg.ts) and the WeChat
 * picture (src/embed/images.ts) use it. Browser-safe (the Export menu).
 */
import { geoContains } from 'd3';
import type { Box } from '../render/map-frame.ts';
import { escapeMarkup as esc } from '../render/escape.ts';
import type { PrintDrawing } from '../render/svg.ts';
import { textWidth } from '../render/text-wrap.ts';
import type { CompiledView } from '../views/compile.ts';
import { PALETTE } from '../views/palette.ts';
import { placeLabels, type LabelRequest } from './print-labels.ts';

const r2 = (x: number) => Math.round(x * 100) / 100;

/** Relative luminance of #rrggbb (WCAG), to find fills too dark for black labels. */
function luminance(hex: string): number {
  const c = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

/** "/" hatch lines over a box, to be clipped by the shape they hatch (print draws no patterns). */
function hatchLines([[x0, y0], [x1, y1]]: [[number, number], [number, number]], spacing: number): string {
  const d: string[] = [];
  for (let c = x0 + y0; c <= x1 + y1 + spacing; c += spacing) d.push(`M${r2(c - y0)} ${r2(y0)}L${r2(c - y1)} ${r2(y1)}`);
  return d.join('');
}

/**
 * Print: county names (then the neighbours' names) placed by print-labels.ts clear of each
 * other, the frame, the north arrow, the scale bar, symbols and site dots, inside their county.
 */
const printLabels: PrintDrawing['labels'] = (v, geo, p, projection, pt, frame, k, neighbourSize, inset) => {
  const size = p.minFontSize;
  const margin = size * 0.25;
  const area: Box = { x0: frame.x + margin, y0: frame.y + margin, x1: frame.x + frame.width - margin, y1: frame.y + frame.height - margin };
  const obstacles: Box[] = [
    ...(p.reserved?.({ ...frame, projection }) ?? []),
    ...(inset ? [inset] : []),
    ...v.symbols.map((s) => {
      const [x, y] = pt(s.lonLat);
      const r = s.radius * k + 0.5;
      return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
    }),
    ...v.sites.map((s) => {
      const [x, y] = pt(s.lonLat);
      const r = Math.max(1.5, 3.2 * k) + 0.5;
      return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
    }),
  ];
  const inCounty = (code: string) => {
    const f = geo.counties.features.find((c) => c.properties.code === code)!;
    return (b: Box) =>
      [
        [b.x0, b.y0],
        [b.x1, b.y0],
        [b.x0, b.y1],
        [b.x1, b.y1],
        [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2],
      ].every((c) => geoContains(f, projection.invert!(c as [number, number])!));
  };
  // A county whose label point is off this map (a view zoomed on one county) has no name here.
  const shown = v.labels.filter((l) => {
    const [x, y] = pt(l.lonLat);
    return x >= area.x0 && x <= area.x1 && y >= area.y0 && y <= area.y1;
  });
  const counties: LabelRequest[] = shown.map((l) => {
    const [x, y] = pt(l.lonLat);
    return {
      text: p.shortNames ? l.name.replace(/ (County|District|City)$/, '') : l.name,
      x,
      y,
      size,
      preferred: [[0, printLabelDy(v, l.code, y, k, size, pt)]],
      inside: inCounty(l.code),
    };
  });
  const neighbours: LabelRequest[] = v.neighbourLabels.map((l) => {
    const [x, y] = pt(l.lonLat);
    return { text: l.name, x, y, size: neighbourSize, optional: true };
  });
  const out: string[] = [];
  for (const l of placeLabels([...counties, ...neighbours], obstacles, area)) {
    const county = l.index < counties.length ? shown[l.index]! : null;
    // Print has no halo (see PrintStyle): on a dark fill, or across its county's outline where
    // the county is too narrow for its name, the name sits on a paper-white plate.
    if (county && (!l.inside || luminance(v.fills[county.code]?.fill ?? PALETTE.paper.hex) < 0.2)) {
      const pad = size * 0.3;
      out.push(
        `<rect x="${r2(l.box.x0 - pad)}" y="${r2(l.box.y0 - pad)}" width="${r2(l.box.x1 - l.box.x0 + 2 * pad)}" height="${r2(l.box.y1 - l.box.y0 + 2 * pad)}" rx="1" fill="${PALETTE.paper.hex}"/>`,
      );
    }
    const fontSize = county ? '' : ` font-size="${r2(neighbourSize)}"`;
    out.push(`<text x="${r2(l.x)}" y="${r2(l.y)}"${fontSize}>${esc(l.text)}</text>`);
  }
  return out;
};

/**
 * How far a county name moves down in print to clear what is drawn on its label point: the
 * symbols (scaled for print, unlike the compiled dy in screen px) and the site dots.
 */
function printLabelDy(
  v: CompiledView,
  code: string,
  y: number,
  k: number,
  fontSize: number,
  pt: (ll: [number, number]) => [number, number],
): number {
  const r = Math.max(0, ...v.symbols.filter((s) => s.region === code).map((s) => s.radius * k));
  const dots = v.sites.filter((s) => s.region === code).map((s) => pt(s.lonLat)[1] + Math.max(1.5, 3.2 * k) - y);
  const below = Math.max(r, ...dots);
  return below > 0 ? below + fontSize * 0.9 : 0;
}

/**
 * Print's class key: each class a swatch with its label below, every cell as wide as the widest
 * label needs (so "10–20%" and "20–30%" never run together), flowing onto more rows when the
 * column is narrow; the hatched not-reported swatch last. Returns the y below it.
 */
const printClassKey: PrintDrawing['classKey'] = (c, width, x0, y, fontSize, small, sw, out) => {
  const cells = [...c.bins.map((b) => ({ label: b.label, color: b.color as string | null })), { label: c.notReported, color: null }];
  const gap = small * 0.8;
  const w = Math.max(fontSize * 2.4, ...cells.map((cell) => textWidth(cell.label, small) + gap));
  const perRow = Math.max(1, Math.floor((width - 2 * x0 + gap) / w));
  const rowHeight = fontSize * 0.9 + small * 1.5;
  cells.forEach((cell, i) => {
    const x = x0 + (i % perRow) * w;
    const top = y + Math.floor(i / perRow) * rowHeight;
    const box = `x="${r2(x)}" y="${r2(top)}" width="${r2(w - gap)}" height="${r2(fontSize * 0.9)}"`;
    if (cell.color) out.push(`<rect ${box} fill="${cell.color}" stroke="${PALETTE.countyLine.hex}" stroke-width="${sw(0.5)}"/>`);
    else
      out.push(
        `<defs><clipPath id="hatch-swatch"><rect ${box}/></clipPath></defs><rect ${box} fill="${PALETTE.notReported.hex}"/>`,
        `<path clip-path="url(#hatch-swatch)" d="${hatchLines(
          [
            [x, top],
            [x + w, top + fontSize],
          ],
          4,
        )}" fill="none" stroke="${PALETTE.hatch.hex}" stroke-width="${sw(0.6)}"/>`,
        `<rect ${box} fill="none" stroke="${PALETTE.countyLine.hex}" stroke-width="${sw(0.5)}"/>`,
      );
    out.push(`<text x="${r2(x)}" y="${r2(top + fontSize * 0.9 + small * 1.05)}" font-size="${r2(small)}">${esc(cell.label)}</text>`);
  });
  return y + Math.ceil(cells.length / perRow) * rowHeight + fontSize * 0.9;
};

/** Given to renderSvg in every print-style picture's `PrintStyle`. */
export const PRINT_DRAWING: PrintDrawing = { labels: printLabels, classKey: printClassKey, hatchLines };
