/**
 * Scale bar and north arrow for print, measured on the projection the map was actually drawn
 * with at its output size (a scale bar copied from the screen would ignore the print size).
 */
import { geoDistance, type GeoProjection } from 'd3';
import type { MapFrame } from '../render/svg.ts';
import { PALETTE } from '../views/palette.ts';
import { textWidth } from '../render/text-wrap.ts';
import { EARTH_RADIUS_KM } from '../geo/earth.ts';
import { strings } from '../i18n/strings.ts';

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Paper units (pt) per ground km along the parallel `lat` at longitude `lon`: a short east–west
 * step measured on the ground with d3.geoDistance and on paper with the projection.
 */
export function ptPerKm(projection: GeoProjection, lon: number, lat: number): number {
  const d = 0.05;
  const a: [number, number] = [lon - d, lat];
  const b: [number, number] = [lon + d, lat];
  const ground = geoDistance(a, b) * EARTH_RADIUS_KM;
  const [ax, ay] = projection(a)!;
  const [bx, by] = projection(b)!;
  return Math.hypot(bx - ax, by - ay) / ground;
}

/** The largest 1, 2 or 5 × 10ⁿ km not longer than `maxKm`. */
export function niceKm(maxKm: number): number {
  const p = 10 ** Math.floor(Math.log10(maxKm));
  return [5, 2, 1].map((m) => m * p).find((x) => x <= maxKm)!;
}

export interface ScaleBar {
  km: number;
  lengthPt: number;
  /** The latitude at which the bar is true (the map's centre; Mercator's scale grows northward). */
  lat: number;
}

export function scaleBar(projection: GeoProjection, center: [number, number], mapWidth: number): ScaleBar {
  const k = ptPerKm(projection, center[0], center[1]);
  const km = niceKm((mapWidth * 0.25) / k);
  return { km, lengthPt: km * k, lat: center[1] };
}

type Frame = Pick<MapFrame, 'projection' | 'x' | 'y' | 'width' | 'height' | 'fontSize'>;

/** The scale bar's geometry: where it sits and the paper box behind it (labels keep off it). */
function scaleBarLayout(frame: Frame, center: [number, number], lang: 'zh' | 'en', minFont: number) {
  const bar = scaleBar(frame.projection, center, frame.width);
  const size = Math.max(minFont, frame.fontSize * 0.85);
  const x = frame.x + frame.fontSize;
  const y = frame.y + frame.height - frame.fontSize * 1.1;
  const h = Math.max(2, frame.fontSize * 0.3);
  const end = `${bar.km} ${strings(lang).scaleBar.km}`;
  const pad = size * 0.35;
  const right = x + bar.lengthPt + textWidth(end, size) / 2 + pad;
  const box = { x0: x - size * 0.5 - pad, y0: y - h - 2 - size - pad, x1: right, y1: y + pad };
  return { bar, size, x, y, h, end, box };
}

/** The paper box of the scale bar, for the label placement. */
export const scaleBarBox = (frame: Frame, center: [number, number], lang: 'zh' | 'en', minFont: number) =>
  scaleBarLayout(frame, center, lang, minFont).box;

/** Two-segment bar, black on the K plate, bottom left of the map, labelled 0 · km/2 · km. */
export function scaleBarSvg(
  frame: MapFrame,
  center: [number, number],
  lang: 'zh' | 'en',
  hairline: number,
  minFont: number,
): { svg: string; bar: ScaleBar } {
  const { bar, size, x, y, h, end, box } = scaleBarLayout(frame, center, lang, minFont);
  const half = bar.lengthPt / 2;
  const ink = PALETTE.ink.hex;
  const label = (xx: number, s: string) => `<text x="${r2(xx)}" y="${r2(y - h - 2)}" text-anchor="middle">${s}</text>`;
  // Paper behind the bar, so neighbour names and boundaries never run through its labels.
  const backing = `<rect x="${r2(box.x0)}" y="${r2(box.y0)}" width="${r2(box.x1 - box.x0)}" height="${r2(box.y1 - box.y0)}" fill="${PALETTE.paper.hex}"/>`;
  const svg = [
    `<g id="scale-bar" data-km="${bar.km}" data-length-pt="${r2(bar.lengthPt)}" data-lat="${r2(bar.lat)}" font-size="${r2(size)}" fill="${ink}">`,
    backing,
    `<rect x="${r2(x)}" y="${r2(y - h)}" width="${r2(half)}" height="${r2(h)}" fill="${ink}" stroke="${ink}" stroke-width="${hairline}"/>`,
    `<rect x="${r2(x + half)}" y="${r2(y - h)}" width="${r2(half)}" height="${r2(h)}" fill="${PALETTE.paper.hex}" stroke="${ink}" stroke-width="${hairline}"/>`,
    label(x, '0'),
    // The middle figure only where it cannot run into its neighbours.
    half > textWidth(end, size) ? label(x + half, String(bar.km / 2)) : '',
    label(x + bar.lengthPt, end),
    `</g>`,
  ].join('');
  return { svg, bar };
}

function northArrowLayout(frame: Frame, minFont: number) {
  const s = Math.max(minFont, frame.fontSize);
  const x = frame.x + frame.width - s * 1.6;
  const y = frame.y + s * 1.5;
  // The letter above (baseline at −0.3 s), the arrow below down to 1.6 s, with a margin.
  return { s, x, y, box: { x0: x - s * 0.75, y0: y - s * 1.45, x1: x + s * 0.75, y1: y + s * 1.8 } };
}

/** The box the north arrow and its letter take, for the label placement. */
export const northArrowBox = (frame: Frame, minFont: number) => northArrowLayout(frame, minFont).box;

/** An arrow pointing to geographic north at the map's centre (straight up in Mercator), top right. */
export function northArrowSvg(frame: MapFrame, center: [number, number], lang: 'zh' | 'en', minFont: number): string {
  const [cx, cy] = frame.projection(center)!;
  const [nx, ny] = frame.projection([center[0], center[1] + 0.1])!;
  const angle = (Math.atan2(nx - cx, cy - ny) * 180) / Math.PI;
  const { s, x, y } = northArrowLayout(frame, minFont);
  const ink = PALETTE.ink.hex;
  return [
    `<g id="north-arrow" transform="translate(${r2(x)} ${r2(y)}) rotate(${r2(angle)})" fill="${ink}">`,
    `<path d="M0 ${r2(-s * 0.1)}L${r2(s * 0.45)} ${r2(s * 1.6)}L0 ${r2(s * 1.15)}L${r2(-s * 0.45)} ${r2(s * 1.6)}Z" fill="${ink}"/>`,
    `<text x="0" y="${r2(-s * 0.3)}" text-anchor="middle" font-size="${r2(s)}" font-weight="700">${strings(lang).scaleBar.north}</text>`,
    `</g>`,
  ].join('');
}
