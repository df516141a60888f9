/**
 * The locator inset drawn from its compiled form (src/views/locator.ts): one drawing for the
 * page's HTML (an inline SVG in the view's legend) and for the SVG renderer (print, embed images).
 */
import type { CompiledLocator } from '../views/locator.ts';
import { PALETTE } from '../views/palette.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Prefectures (吕梁 dark), the capital's dot and name, in the inset's own units. */
export function locatorShapes(l: CompiledLocator, fontSize = 12): string {
  const paths = l.prefectures
    .map((p) => `<path d="${p.d}" fill="${p.code === l.highlight ? PALETTE.ink.hex : PALETTE.neighbour.hex}" stroke="${PALETTE.paper.hex}" stroke-width="0.6" data-code="${p.code}"><title>${esc(p.name)}</title></path>`)
    .join('');
  // The name east of the dot, over the lighter cities there (吕梁, dark, lies to the west).
  const tx = l.capital.x + 4.5;
  return `${paths}<circle cx="${l.capital.x}" cy="${l.capital.y}" r="2.6" fill="${PALETTE.paper.hex}" stroke="${PALETTE.ink.hex}" stroke-width="1.2"/><text x="${tx}" y="${l.capital.y + fontSize * 0.35}" font-size="${fontSize}" fill="${PALETTE.ink.hex}" paint-order="stroke" stroke="${PALETTE.paper.hex}" stroke-width="2.5" stroke-linejoin="round">${esc(l.capital.name)}</text>`;
}

/** The inset as HTML: an SVG drawn 1 unit = 1 CSS px, the line placing Shanxi as text under it. */
export function locatorHtml(l: CompiledLocator): string {
  return `<figure class="map-locator" data-locator><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${l.width} ${l.height}" width="${l.width}" height="${l.height}" role="img" aria-label="${esc(l.label)}" overflow="visible">${locatorShapes(l)}</svg><figcaption>${esc(l.caption)}</figcaption></figure>`;
}

/**
 * The inset as an SVG group for renderSvg, `width` units wide with its top-left corner at
 * (left, top): a paper box, the shapes, the caption under them.
 */
export function locatorGroup(l: CompiledLocator, left: number, top: number, width: number, fontSize: number): { svg: string; height: number } {
  const k = width / l.width;
  const pad = fontSize * 0.4;
  const captionLines = [l.caption];
  const height = l.height * k + pad * 3 + fontSize * 1.2 * captionLines.length;
  const x = left;
  const svg =
    `<g id="locator" data-locator transform="translate(${x.toFixed(1)} ${top.toFixed(1)})">` +
    `<rect width="${(width + pad * 2).toFixed(1)}" height="${height.toFixed(1)}" fill="${PALETTE.paper.hex}" stroke="${PALETTE.countyLine.hex}" stroke-width="0.5"/>` +
    `<g transform="translate(${pad.toFixed(1)} ${pad.toFixed(1)}) scale(${k.toFixed(4)})">${locatorShapes(l, fontSize / k)}</g>` +
    `<text x="${(width / 2 + pad).toFixed(1)}" y="${(l.height * k + pad * 2 + fontSize).toFixed(1)}" text-anchor="middle" font-size="${fontSize}" fill="${PALETTE.ink.hex}">${esc(l.caption)}</text>` +
    `</g>`;
  return { svg, height };
}
