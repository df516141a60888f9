import { geoMercator, geoPath } from 'd3';
import type { Feature } from 'geojson';
import type { CompiledView } from '../spec/compile.ts';
import type { GeoData } from '../spec/geo-data.ts';
import { PALETTE } from '../spec/palette.ts';

export const MAP_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

export interface SvgOptions {
  width: number;
  height: number;
  /** Draw title, legend and source inside the image (exports); the page draws them in HTML. */
  frame: boolean;
  /** Extra lines after the source (credit, date) for print. */
  credit?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The view as a standalone SVG drawn with d3-geo: every county, context and symbol as vector
 * paths, inline styles, no external reference. Layer ids read as layer names in Illustrator.
 */
export function renderSvg(v: CompiledView, geo: GeoData, o: SvgOptions): string {
  const fontSize = Math.max(11, Math.round(o.width / 60));
  const line = fontSize * 1.5;
  const top = o.frame ? fontSize * 3.2 : 0;
  const legend = o.frame ? renderLegend(v, o, fontSize, line) : null;
  const bottom = legend ? legend.height + line * 1.6 : 0;
  const mapHeight = Math.max(80, o.height - top - bottom);
  // The focus box's corners as points: a polygon would depend on ring winding in d3-geo.
  const focus: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [v.bounds[0], v.bounds[1]] } };
  const pad = Math.min(o.width, mapHeight) * 0.06;
  const projection = geoMercator().fitExtent(
    [
      [pad, top + pad],
      [o.width - pad, top + mapHeight - pad],
    ],
    focus,
  );
  const path = geoPath(projection).digits(1);
  const pt = (ll: [number, number]) => projection(ll)!.map(r2) as [number, number];
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.width} ${o.height}" width="${o.width}" height="${o.height}" role="img" aria-label="${esc(v.title)}" font-family="${esc(MAP_FONT)}">`,
    `<title>${esc(v.title)}</title><desc>${esc(v.description)}</desc>`,
    `<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="${PALETTE.notReported.hex}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${PALETTE.hatch.hex}" stroke-width="1.2"/></pattern>`,
    `<clipPath id="map-area"><rect x="0" y="${r2(top)}" width="${o.width}" height="${r2(mapHeight)}"/></clipPath></defs>`,
    `<rect id="background" width="${o.width}" height="${o.height}" fill="${PALETTE.paper.hex}"/>`,
    `<g id="map" clip-path="url(#map-area)">`,
    `<rect id="water" x="0" y="${r2(top)}" width="${o.width}" height="${r2(mapHeight)}" fill="${PALETTE.water.hex}"/>`,
    `<g id="neighbours">`,
  );
  for (const f of geo.neighbours.features)
    out.push(`<path id="neighbour-${f.properties.code}" d="${path(f)}" fill="${PALETTE.neighbour.hex}" stroke="${PALETTE.neighbourLine.hex}" stroke-width="0.8"/>`);
  out.push(`</g><g id="counties">`);
  for (const f of geo.counties.features) {
    const fill = v.fills[f.properties.code]!;
    const paint = fill.status === 'not-reported' ? 'url(#hatch)' : fill.fill;
    out.push(
      `<path id="county-${f.properties.code}" data-code="${f.properties.code}" data-fill="${fill.fill}" data-status="${fill.status}" d="${path(f)}" fill="${paint}" stroke="${PALETTE.countyLine.hex}" stroke-width="0.8"/>`,
    );
  }
  out.push(`</g><path id="yellow-river" d="${path(geo.river)}" fill="none" stroke="${PALETTE.river.hex}" stroke-width="2.4" stroke-linejoin="round"/>`);
  out.push(`<g id="highlight">`);
  for (const code of v.highlight) {
    const f = geo.counties.features.find((c) => c.properties.code === code)!;
    out.push(`<path d="${path(f)}" fill="none" stroke="${PALETTE.focus.hex}" stroke-width="2"/>`);
  }
  for (const p of v.precision) {
    const f = geo.counties.features.find((c) => c.properties.code === p.region)!;
    out.push(`<path id="precision-${p.region}" d="${path(f)}" fill="none" stroke="${PALETTE.ink.hex}" stroke-width="1.6" stroke-dasharray="5 3"><title>${esc(p.text)}</title></path>`);
  }
  out.push(`</g><g id="symbols">`);
  for (const s of [...v.symbols].sort((a, b) => b.radius - a.radius)) {
    const [x, y] = pt(s.lonLat);
    out.push(`<circle data-metric="${s.metric}" cx="${x}" cy="${y}" r="${s.radius}" fill="${s.color}" fill-opacity="0.8" stroke="${PALETTE.paper.hex}" stroke-width="1"><title>${esc(s.value)}</title></circle>`);
  }
  out.push(`</g><g id="sites">`);
  for (const s of v.sites) {
    const [x, y] = pt(s.lonLat);
    out.push(`<circle cx="${x}" cy="${y}" r="3.2" fill="${s.color}" stroke="${PALETTE.paper.hex}" stroke-width="0.8"/>`);
  }
  out.push(`</g><g id="labels" font-size="${fontSize}" text-anchor="middle" fill="${PALETTE.ink.hex}">`);
  for (const l of v.neighbourLabels) {
    const [x, y] = pt(l.lonLat);
    out.push(`<text x="${x}" y="${y}" fill="${PALETTE.inkMuted.hex}" font-size="${fontSize * 0.9}">${esc(l.name)}</text>`);
  }
  for (const l of v.labels) {
    const [x, y] = pt(l.lonLat);
    out.push(`<text x="${x}" y="${r2(y + l.dy + fontSize * 0.35)}" paint-order="stroke" stroke="${PALETTE.paper.hex}" stroke-width="3" stroke-linejoin="round">${esc(l.name)}</text>`);
  }
  out.push(`</g></g>`);
  if (legend) {
    out.push(
      `<g id="title"><text x="${fontSize}" y="${r2(fontSize * 1.6)}" font-size="${fontSize * 1.4}" font-weight="700" fill="${PALETTE.ink.hex}">${esc(v.title)}${v.stateLabel ? esc(` · ${v.stateLabel}`) : ''}</text></g>`,
      `<g id="legend" transform="translate(0 ${r2(top + mapHeight + line * 0.6)})" font-size="${fontSize}" fill="${PALETTE.ink.hex}">${legend.svg}</g>`,
      `<g id="source"><text x="${fontSize}" y="${r2(o.height - fontSize * 0.6)}" font-size="${fontSize * 0.8}" fill="${PALETTE.ink.hex}">${esc(v.source)}${o.credit ? esc(` · ${o.credit}`) : ''}</text></g>`,
    );
  }
  out.push(`</svg>`);
  return out.join('\n');
}

/** Legend, callout and notes, laid out from y = 0 down; returns their height so the map can take the rest. */
function renderLegend(v: CompiledView, o: SvgOptions, fontSize: number, line: number): { svg: string; height: number } {
  const out: string[] = [];
  const x0 = fontSize;
  let y = fontSize;
  const text = (x: number, yy: number, s: string, extra = '') => out.push(`<text x="${r2(x)}" y="${r2(yy)}"${extra}>${esc(s)}</text>`);
  const c = v.legend.choropleth;
  if (c) {
    text(x0, y, c.title, ' font-weight="700"');
    y += fontSize * 0.5;
    const w = Math.min(72, (o.width - 2 * x0) / (c.bins.length + 2));
    c.bins.forEach((b, i) => {
      out.push(`<rect x="${r2(x0 + i * w)}" y="${r2(y)}" width="${r2(w - 2)}" height="${r2(fontSize * 0.9)}" fill="${b.color}" stroke="${PALETTE.countyLine.hex}" stroke-width="0.5"/>`);
      text(x0 + i * w, y + fontSize * 2, b.label, ` font-size="${r2(fontSize * 0.8)}"`);
    });
    const nx = x0 + c.bins.length * w + fontSize;
    out.push(`<rect x="${r2(nx)}" y="${r2(y)}" width="${r2(w - 2)}" height="${r2(fontSize * 0.9)}" fill="url(#hatch)" stroke="${PALETTE.countyLine.hex}" stroke-width="0.5"/>`);
    text(nx, y + fontSize * 2, c.notReported, ` font-size="${r2(fontSize * 0.8)}"`);
    y += fontSize * 2 + line;
    if (c.reference) {
      out.push(`<rect x="${x0}" y="${r2(y - fontSize * 0.8)}" width="${fontSize}" height="${r2(fontSize * 0.9)}" fill="${c.reference.color}" stroke="${PALETTE.ink.hex}" stroke-width="0.5"/>`);
      text(x0 + fontSize * 1.5, y, `${c.reference.label} ${c.reference.value}`);
      y += line;
    }
  }
  for (const s of v.legend.symbols) {
    text(x0, y, s.label, ' font-weight="700"');
    const rMax = Math.max(...s.circles.map((k) => k.radius));
    const base = y + fontSize * 0.6 + 2 * rMax;
    const cx = x0 + rMax;
    for (const k of [...s.circles].sort((a, b) => b.radius - a.radius)) {
      const top = base - 2 * k.radius;
      out.push(`<circle cx="${r2(cx)}" cy="${r2(base - k.radius)}" r="${k.radius}" fill="${s.color}" fill-opacity="0.35" stroke="${s.color}" stroke-width="1"/>`);
      out.push(`<line x1="${r2(cx)}" y1="${r2(top)}" x2="${r2(cx + rMax + 6)}" y2="${r2(top)}" stroke="${PALETTE.ink.hex}" stroke-width="0.5"/>`);
      text(cx + rMax + 9, top + fontSize * 0.35, k.value, ` font-size="${r2(fontSize * 0.85)}"`);
    }
    y = base + line;
  }
  if (v.legend.sites) {
    text(x0, y, v.legend.sites.label, ` fill="${v.legend.sites.color}"`);
    y += line;
  }
  if (v.legend.precision) {
    text(x0, y, v.legend.precision.label);
    y += line;
  }
  if (v.callout) {
    text(x0, y, v.callout.title, ' font-weight="700"');
    y += line;
    for (const l of v.callout.lines) {
      text(x0, y, `${l.label}${v.lang === 'zh' ? '：' : ': '}${l.value}`);
      y += line;
    }
  }
  for (const n of v.legend.notes) {
    text(x0, y, n, ` font-size="${r2(fontSize * 0.85)}" fill="${PALETTE.inkMuted.hex}"`);
    y += line;
  }
  return { svg: out.join('\n'), height: y - line + fontSize * 0.4 };
}
