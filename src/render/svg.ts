import { geoContains, geoMercator, geoPath, type GeoProjection } from 'd3';
import type { Feature } from 'geojson';
import type { CompiledView } from '../views/compile.ts';
import type { GeoData } from '../views/geo-data.ts';
import { PALETTE } from '../views/palette.ts';
import { wrapText } from './text-wrap.ts';
import { escapeMarkup as esc } from './escape.ts';
import { strings } from '../i18n/strings.ts';
import { MAP_INSET, type Box } from './map-frame.ts';
import { locatorGroup } from './locator.ts';
import { MAP_FONT } from './map-font.ts';

/** Where the map sits in the image and how it is projected, for layers drawn over it. */
export interface MapFrame {
  projection: GeoProjection;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The height title and legend leave for the map; below `height` when they overflow. */
  room: number;
  fontSize: number;
}

type Point = [number, number];

/**
 * What only the print layout draws, kept in src/print/print-style.ts (`PRINT_DRAWING`): this
 * renderer calls it where the screen draws halos, a hatch pattern and a one-row key instead.
 */
export interface PrintDrawing {
  /** County names, then the neighbours', placed clear of each other and of what the map draws. */
  labels(
    v: CompiledView,
    geo: GeoData,
    p: PrintStyle,
    projection: GeoProjection,
    pt: (ll: Point) => Point,
    frame: Omit<MapFrame, 'projection' | 'room'>,
    k: number,
    neighbourSize: number,
    inset?: Box,
  ): string[];
  /** The class key into `out`; returns the y below it. */
  classKey(
    c: NonNullable<CompiledView['legend']['choropleth']>,
    width: number,
    x0: number,
    y: number,
    fontSize: number,
    small: number,
    sw: (x: number) => number,
    out: string[],
  ): number;
  /** "/" hatch lines over a box, to be clipped by the shape they hatch (a PDF rasterises patterns). */
  hatchLines(box: [Point, Point], spacing: number): string;
}

/**
 * Print typography and vectors (src/print/print-svg.ts fills it in; the WeChat picture uses it
 * too). User units are points: the viewBox is width × height pt and the width/height attributes
 * carry the size in mm.
 */
export interface PrintStyle extends PrintDrawing {
  widthAttr: string;
  heightAttr: string;
  fontFamily: string;
  /** Base type size and the floor no text goes below. */
  fontSize: number;
  minFontSize: number;
  /** Thinnest stroke drawn. */
  hairline: number;
  /** Symbol and site radii as a multiple of the compiled (screen) radii. */
  symbolScale: number;
  /** Lines after the source: credit, date. */
  footer: string[];
  /** OpenType features for the whole map, e.g. 'palt' so a CJK font sets English quotes proportionally. */
  fontFeatures?: string;
  /** Narrow maps: English county names without "County" / "District" / "City" (the legend keeps them). */
  shortNames: boolean;
  /** Drawn over the map, inside its clip: scale bar, north arrow. */
  overlay?: (frame: MapFrame) => string;
  /** Boxes the overlay will take (scale bar, north arrow): names keep off them. */
  reserved?: (frame: Omit<MapFrame, 'room'>) => Box[];
}

export interface SvgOptions {
  width: number;
  height: number;
  /** Draw title, legend and source inside the image (exports); the page draws them in HTML. */
  frame: boolean;
  /** Label size in px of the image; the page's fallback sets it so names stay legible when the image is shrunk onto a phone. */
  labelSize?: number;
  /** Extra lines after the source (credit, date) for print. */
  credit?: string;
  /**
   * Print: text wrapped to the width, all text 100 % black and never below minFontSize, no text
   * halos (a stroked glyph becomes a Type 3 outline in a PDF), hatching drawn as lines (a
   * pattern is rasterised in a PDF), opaque symbols, rules on black only.
   */
  print?: PrintStyle;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
/** Print: how far a knocked-out black outline still overprints the fill at each edge (0.3 pt ≈ 0.1 mm, a newspaper trap). */
const PRINT_TRAP_PT = 0.3;

/**
 * The view as a standalone SVG drawn with d3-geo: every county, context and symbol as vector
 * paths, inline styles, no external reference. Layer ids read as layer names in Illustrator.
 */
export function renderSvg(v: CompiledView, geo: GeoData, o: SvgOptions): string {
  const p = o.print;
  const fontSize = p ? p.fontSize : (o.labelSize ?? Math.max(11, Math.round(o.width / 60)));
  /** A type size, held at the print floor. */
  const fs = (x: number) => (p ? r2(Math.max(p.minFontSize, x)) : x);
  /** A stroke width, held at the print hairline. */
  const sw = (x: number) => (p ? Math.max(p.hairline, x) : x);
  const line = fontSize * (p ? 1.3 : 1.5);
  const titleSize = fontSize * 1.4;
  const titleLines = o.frame
    ? wrapLines(`${v.title}${v.stateLabel ? ` · ${v.stateLabel}` : ''}`, o.width - 2 * fontSize, titleSize, !!p)
    : [];
  const top = !o.frame ? 0 : p ? titleSize * 1.25 * titleLines.length + fontSize * 1.1 : fontSize * 3.2;
  const sourceSize = fs(fontSize * 0.8);
  const sourceLines = !o.frame
    ? []
    : p
      ? wrapLines([v.source, ...p.footer].join(' · '), o.width - 2 * fontSize, sourceSize, true)
      : [`${v.source}${o.credit ? ` · ${o.credit}` : ''}`];
  const below = (l: { height: number } | null) =>
    !l ? 0 : p ? l.height + line * 0.8 + sourceLines.length * sourceSize * 1.3 : l.height + line * 1.6;
  let legend = o.frame ? renderLegend(v, o, fontSize, line, fs, sw, true) : null;
  // Print: the callout's figures stay in the graphic while the map keeps half of the height;
  // beyond that they go to caption.txt (print-caption.ts) with the long notes.
  if (p && legend && o.height - top - below(legend) < o.height / 2) legend = renderLegend(v, o, fontSize, line, fs, sw, false);
  const bottom = below(legend);
  const mapHeight = Math.max(80, o.height - top - bottom);
  // The focus box's corners as points: a polygon would depend on ring winding in d3-geo.
  const focus: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [v.bounds[0], v.bounds[1]] } };
  const pad = Math.min(o.width, mapHeight) * MAP_INSET;
  const projection = geoMercator().fitExtent(
    [
      [pad, top + pad],
      [o.width - pad, top + mapHeight - pad],
    ],
    focus,
  );
  const path = geoPath(projection).digits(1);
  const pt = (ll: [number, number]) => projection(ll)!.map(r2) as [number, number];
  // Where the city lies in Shanxi (exports, embed images, print): placed before the names, which keep clear of it.
  const locator =
    o.frame && v.locator
      ? placeLocator(v.locator, geo, projection, { x: 0, y: top, width: o.width, height: mapHeight }, fontSize, fs(fontSize * 0.8), !!p)
      : null;
  const ink = PALETTE.ink.hex;
  const out: string[] = [];
  const size = p ? `width="${p.widthAttr}" height="${p.heightAttr}"` : `width="${o.width}" height="${o.height}"`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.width} ${o.height}" ${size} role="img" aria-label="${esc(v.title)}" font-family="${esc(p ? p.fontFamily : MAP_FONT)}"${p?.fontFeatures ? ` style="font-feature-settings:${esc(p.fontFeatures)}"` : ''}>`,
    `<title>${esc(v.title)}</title><desc>${esc(v.description)}</desc>`,
    p
      ? '<defs>'
      : `<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="${PALETTE.notReported.hex}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${PALETTE.hatch.hex}" stroke-width="1.2"/></pattern>`,
    `<clipPath id="map-area"><rect x="0" y="${r2(top)}" width="${o.width}" height="${r2(mapHeight)}"/></clipPath></defs>`,
    `<rect id="background" width="${o.width}" height="${o.height}" fill="${PALETTE.paper.hex}"/>`,
    `<g id="map" clip-path="url(#map-area)">`,
    `<rect id="land" x="0" y="${r2(top)}" width="${o.width}" height="${r2(mapHeight)}" fill="${PALETTE.land.hex}"/>`,
    `<g id="neighbours">`,
  );
  // Print keeps rules on the black plate: the neighbours' beige outline would need three inks.
  const neighbourStroke = p
    ? `stroke="${PALETTE.countyLine.hex}" stroke-width="${sw(0.5)}"`
    : `stroke="${PALETTE.neighbourLine.hex}" stroke-width="0.8"`;
  for (const f of geo.neighbours.features)
    out.push(`<path id="neighbour-${f.properties.code}" d="${path(f)}" fill="${PALETTE.neighbour.hex}" ${neighbourStroke}/>`);
  out.push(`</g><g id="counties">`);
  const hatched: string[] = [];
  for (const f of geo.counties.features) {
    const fill = v.fills[f.properties.code]!;
    const paint = fill.status === 'not-reported' ? (p ? PALETTE.notReported.hex : 'url(#hatch)') : fill.fill;
    const d = path(f);
    if (fill.status === 'not-reported' && d) hatched.push(d);
    out.push(
      `<path id="county-${f.properties.code}" data-code="${f.properties.code}" data-fill="${fill.fill}" data-status="${fill.status}" d="${d}" fill="${paint}" stroke="${PALETTE.countyLine.hex}" stroke-width="${sw(0.8)}"/>`,
    );
  }
  let hatching = '';
  if (p && hatched.length) {
    const b = path.bounds({
      type: 'FeatureCollection',
      features: geo.counties.features.filter((f) => v.fills[f.properties.code]!.status === 'not-reported'),
    });
    hatching =
      `<g id="hatching"><defs><clipPath id="hatch-area">${hatched.map((d) => `<path d="${d}"/>`).join('')}</clipPath></defs>` +
      `<path clip-path="url(#hatch-area)" d="${p.hatchLines(b, 4)}" fill="none" stroke="${PALETTE.hatch.hex}" stroke-width="${sw(0.6)}"/></g>`;
  }
  out.push(
    `</g>${hatching}<path id="yellow-river" d="${path(geo.river)}" fill="none" stroke="${PALETTE.river.hex}" stroke-width="2.4" stroke-linejoin="round"/>`,
  );
  out.push(`<g id="highlight">`);
  // Print: a paper-white line under each black outline knocks it out of the fill, all but a
  // trap at each edge where the black overprints. Overprinting in full, the outline over the
  // darkest red (0/100/95/20 + K 100 = 295 %) averaged 245 % over a millimetre, over the press's 220 %.
  const knockOut = (d: string, width: number, dash = '') =>
    p ? `<path d="${d}" fill="none" stroke="${PALETTE.paper.hex}" stroke-width="${r2(width - 2 * PRINT_TRAP_PT)}"${dash}/>` : '';
  for (const code of v.highlight) {
    const d = path(geo.counties.features.find((c) => c.properties.code === code)!) ?? '';
    out.push(`${knockOut(d, 2)}<path d="${d}" fill="none" stroke="${PALETTE.focus.hex}" stroke-width="2"/>`);
  }
  for (const pr of v.precision) {
    const d = path(geo.counties.features.find((c) => c.properties.code === pr.region)!) ?? '';
    const dash = ' stroke-dasharray="5 3"';
    out.push(
      `${knockOut(d, 1.6, dash)}<path id="precision-${pr.region}" d="${d}" fill="none" stroke="${ink}" stroke-width="1.6"${dash}><title>${esc(pr.text)}</title></path>`,
    );
  }
  const k = p ? p.symbolScale : 1;
  out.push(`</g><g id="symbols">`);
  for (const s of [...v.symbols].sort((a, b) => b.radius - a.radius)) {
    const [x, y] = pt(s.lonLat);
    // Print: opaque, so the plates carry palette colours only (no blend of two inks).
    out.push(
      `<circle data-metric="${s.metric}" cx="${x}" cy="${y}" r="${p ? r2(s.radius * k) : s.radius}" fill="${s.color}" fill-opacity="${p ? 1 : 0.8}" stroke="${PALETTE.paper.hex}" stroke-width="${sw(1)}"><title>${esc(s.title)}</title></circle>`,
    );
  }
  out.push(`</g><g id="sites">`);
  for (const s of v.sites) {
    const [x, y] = pt(s.lonLat);
    out.push(
      `<circle cx="${x}" cy="${y}" r="${p ? r2(Math.max(1.5, 3.2 * k)) : 3.2}" fill="${s.color}" stroke="${PALETTE.paper.hex}" stroke-width="${sw(0.8)}"/>`,
    );
  }
  out.push(`</g><g id="labels" font-size="${p ? p.minFontSize : fontSize}" text-anchor="middle" fill="${ink}">`);
  if (p)
    out.push(
      ...p.labels(
        v,
        geo,
        p,
        projection,
        pt,
        { x: 0, y: top, width: o.width, height: mapHeight, fontSize },
        k,
        fs(fontSize * 0.9),
        locator?.box,
      ),
    );
  else
    for (const l of v.neighbourLabels) {
      const [x, y] = pt(l.lonLat);
      out.push(`<text x="${x}" y="${y}" fill="${p ? ink : PALETTE.inkMuted.hex}" font-size="${fs(fontSize * 0.9)}">${esc(l.name)}</text>`);
    }
  if (!p)
    for (const l of v.labels) {
      const [x, y] = pt(l.lonLat);
      out.push(
        `<text x="${x}" y="${r2(y + l.dy + fontSize * 0.35)}" paint-order="stroke" stroke="${PALETTE.paper.hex}" stroke-width="3" stroke-linejoin="round">${esc(l.name)}</text>`,
      );
    }
  if (p?.overlay)
    out.push(
      `</g>`,
      p.overlay({ projection, x: 0, y: top, width: o.width, height: mapHeight, room: o.height - top - bottom, fontSize }),
      `</g>`,
    );
  else out.push(`</g></g>`);
  if (legend) {
    const title = titleLines.map(
      (t, i) =>
        `<text x="${fontSize}" y="${r2(fontSize * 1.6 + i * titleSize * 1.25)}" font-size="${p ? r2(titleSize) : fontSize * 1.4}" font-weight="700" fill="${ink}">${esc(t)}</text>`,
    );
    const source = p
      ? sourceLines.map(
          (t, i) =>
            `<text x="${fontSize}" y="${r2(o.height - fontSize * 0.6 - (sourceLines.length - 1 - i) * sourceSize * 1.3)}" font-size="${sourceSize}" fill="${ink}">${esc(t)}</text>`,
        )
      : [
          `<text x="${fontSize}" y="${r2(o.height - fontSize * 0.6)}" font-size="${fontSize * 0.8}" fill="${ink}">${esc(sourceLines[0]!)}</text>`,
        ];
    out.push(
      `<g id="title">${title.join('')}</g>`,
      `<g id="legend" transform="translate(0 ${r2(top + mapHeight + line * 0.6)})" font-size="${fontSize}" fill="${ink}">${legend.svg}</g>`,
      `<g id="source">${source.join('')}</g>`,
    );
    if (locator) out.push(locator.svg);
  }
  out.push(`</svg>`);
  return out.join('\n');
}

/** Print wraps to the width; the screen export keeps one line as it always has. */
const wrapLines = (text: string, width: number, size: number, wrap: boolean) => (wrap ? wrapText(text, width, size) : [text]);

/** Legend, callout and notes, laid out from y = 0 down; returns their height so the map can take the rest. */
function renderLegend(
  v: CompiledView,
  o: SvgOptions,
  fontSize: number,
  line: number,
  fs: (x: number) => number,
  sw: (x: number) => number,
  withCallout: boolean,
): { svg: string; height: number } {
  const p = o.print;
  const out: string[] = [];
  const x0 = fontSize;
  let y = fontSize;
  const ink = PALETTE.ink.hex;
  /** Draws a (print: wrapped) text from (x, yy); returns how many lines it took. */
  const text = (x: number, yy: number, s: string, extra = '', size = fontSize) => {
    const lines = wrapLines(s, o.width - x - x0, size, !!p);
    lines.forEach((t, i) => out.push(`<text x="${r2(x)}" y="${r2(yy + i * line)}"${extra}>${esc(t)}</text>`));
    return lines.length;
  };
  const c = v.legend.choropleth;
  if (c) {
    y += (text(x0, y, c.title, ' font-weight="700"') - 1) * line;
    y += fontSize * 0.5;
    const small = fs(fontSize * 0.8);
    if (p) y = p.classKey(c, o.width, x0, y, fontSize, small, sw, out);
    else {
      const w = Math.min(72, (o.width - 2 * x0) / (c.bins.length + 2));
      c.bins.forEach((b, i) => {
        out.push(
          `<rect x="${r2(x0 + i * w)}" y="${r2(y)}" width="${r2(w - 2)}" height="${r2(fontSize * 0.9)}" fill="${b.color}" stroke="${PALETTE.countyLine.hex}" stroke-width="${sw(0.5)}"/>`,
        );
        out.push(`<text x="${r2(x0 + i * w)}" y="${r2(y + fontSize * 2)}" font-size="${r2(small)}">${esc(b.label)}</text>`);
      });
      const nx = x0 + c.bins.length * w + fontSize;
      const box = `x="${r2(nx)}" y="${r2(y)}" width="${r2(w - 2)}" height="${r2(fontSize * 0.9)}"`;
      out.push(`<rect ${box} fill="url(#hatch)" stroke="${PALETTE.countyLine.hex}" stroke-width="0.5"/>`);
      out.push(`<text x="${r2(nx)}" y="${r2(y + fontSize * 2)}" font-size="${r2(small)}">${esc(c.notReported)}</text>`);
      y += fontSize * 2 + line;
    }
    if (c.reference) {
      out.push(
        `<rect x="${x0}" y="${r2(y - fontSize * 0.8)}" width="${fontSize}" height="${r2(fontSize * 0.9)}" fill="${c.reference.color}" stroke="${ink}" stroke-width="0.5"/>`,
      );
      y += text(x0 + fontSize * 1.5, y, `${c.reference.label} ${c.reference.value}`) * line;
    }
  }
  const k = p ? p.symbolScale : 1;
  for (const s of v.legend.symbols) {
    y += (text(x0, y, s.label, ' font-weight="700"') - 1) * line;
    const radius = (r: number) => (p ? r2(r * k) : r);
    const rMax = Math.max(...s.circles.map((c) => radius(c.radius)));
    const cx = x0 + rMax;
    const valueSize = fs(fontSize * 0.85);
    const sorted = [...s.circles].sort((a, b) => b.radius - a.radius);
    // Print: each value label (wrapped where long) takes its own lines below the one before, so
    // stacked circles' labels never touch; the block is as tall as its labels need.
    const labelLines = sorted.map((c) => (p ? wrapLines(c.value, o.width - (cx + rMax + 9) - x0, valueSize, true).length : 1));
    const offsets = labelLines.map((_, i) => labelLines.slice(0, i).reduce((a, n) => a + n * line, 0));
    const labelsHeight = p ? offsets.at(-1)! + labelLines.at(-1)! * line : 0;
    // Print: the first value label hangs below the block's title, not into its descenders.
    const blockHeight = Math.max(2 * rMax, labelsHeight);
    const base = y + fontSize * (p ? 1.1 : 0.6) + blockHeight;
    sorted.forEach((c, i) => {
      const r = radius(c.radius);
      // Print spreads the leader lines so labels of near-equal circles do not overlap.
      const top = p ? Math.max(base - blockHeight + offsets[i]!, Math.min(base - 2 * r, base - labelsHeight + offsets[i]!)) : base - 2 * r;
      // Print: outlines only, no fill at all: a translucent or zero-opacity fill becomes a /ca
      // transparency state in the PDF, which PDF/X-3 forbids (Ghostscript would rasterise the page).
      const fill = p ? `fill="none"` : `fill="${s.color}" fill-opacity="0.35"`;
      out.push(`<circle cx="${r2(cx)}" cy="${r2(base - r)}" r="${r}" ${fill} stroke="${s.color}" stroke-width="${sw(1)}"/>`);
      out.push(
        `<line x1="${r2(cx)}" y1="${r2(base - 2 * r)}" x2="${r2(cx + rMax + 6)}" y2="${r2(top)}" stroke="${ink}" stroke-width="${sw(0.5)}"/>`,
      );
      text(cx + rMax + 9, top + fontSize * 0.35, c.value, ` font-size="${r2(valueSize)}"`, valueSize);
    });
    y = base + line;
  }
  if (v.legend.sites) {
    if (p) {
      // Text stays black: the dot carries the colour.
      out.push(
        `<circle cx="${r2(x0 + fontSize * 0.4)}" cy="${r2(y - fontSize * 0.35)}" r="${r2(Math.max(1.5, 3.2 * k))}" fill="${v.legend.sites.color}"/>`,
      );
      y += text(x0 + fontSize * 1.2, y, v.legend.sites.label.replace(/^●\s*/, '')) * line;
    } else {
      text(x0, y, v.legend.sites.label, ` fill="${v.legend.sites.color}"`);
      y += line;
    }
  }
  if (v.legend.precision) y += text(x0, y, v.legend.precision.label) * line;
  // Print: any note longer than two lines (and the callout, when the map would get less than
  // half of the height) goes to caption.txt (print-caption.ts), set by the desk in its own
  // caption type; short notes (keys such as "black outline: …") stay with the legend.
  if (v.callout && withCallout) {
    y += text(x0, y, v.callout.title, ' font-weight="700"') * line;
    for (const l of v.callout.lines) y += text(x0, y, `${l.label}${strings(v.lang).map.labelSeparator}${l.value}`) * line;
  }
  const noteSize = fs(fontSize * 0.85);
  const notes = p ? v.legend.notes.filter((n) => wrapLines(n, o.width - 2 * x0, noteSize, true).length <= 2) : v.legend.notes;
  for (const n of notes) {
    const size = noteSize;
    y += text(x0, y, n, ` font-size="${r2(size)}" fill="${p ? ink : PALETTE.inkMuted.hex}"`, size) * line;
  }
  return { svg: out.join('\n'), height: y - line + fontSize * 0.4 };
}

/**
 * The locator inset in the first corner of the map area where it covers none of the city's
 * counties (top left over Shaanxi, then bottom right, bottom left, top right; print keeps the
 * scale bar's and north arrow's corners), tested on a grid of points; narrower before it gives
 * up. Null when the city fills every corner: then the map goes without it rather than hide a county.
 */
function placeLocator(
  l: NonNullable<CompiledView['locator']>,
  geo: GeoData,
  projection: GeoProjection,
  area: { x: number; y: number; width: number; height: number },
  fontSize: number,
  textSize: number,
  print: boolean,
): { svg: string; box: Box } | null {
  const m = fontSize * 0.5;
  const coversCity = (b: Box) => {
    for (let i = 0; i <= 6; i++)
      for (let j = 0; j <= 6; j++) {
        const ll = projection.invert!([b.x0 + ((b.x1 - b.x0) * i) / 6, b.y0 + ((b.y1 - b.y0) * j) / 6]);
        if (ll && geo.counties.features.some((f) => geoContains(f, ll))) return true;
      }
    return false;
  };
  for (const share of [0.16, 0.12]) {
    const probe = locatorGroup(l, 0, 0, Math.min(area.width, area.height) * share, textSize);
    const { width: w, height: h } = probe;
    const corners: Array<[number, number]> = [
      [area.x + m, area.y + m],
      [area.x + area.width - w - m, area.y + area.height - h - m],
      [area.x + m, area.y + area.height - h - m - (print ? fontSize * 3 : 0)],
      [area.x + area.width - w - m, area.y + m + (print ? fontSize * 3.5 : 0)],
    ];
    for (const [x, y] of corners) {
      const box = { x0: x, y0: y, x1: x + w, y1: y + h };
      if (y < area.y || x < area.x || coversCity(box)) continue;
      return { svg: locatorGroup(l, x, y, Math.min(area.width, area.height) * share, textSize).svg, box };
    }
  }
  return null;
}
