/**
 * The locator inset drawn from its compiled form (src/views/locator.ts): one drawing for the
 * page's HTML (an image in the view's legend, /maps/{lang}/locator/{key}.svg) and for the SVG
 * renderer (print, embed images).
 */
import type { CompiledLocator } from '../views/locator.ts';
import { PALETTE } from '../views/palette.ts';
import { escapeMarkup as esc } from './escape.ts';
import { MAP_FONT } from './map-font.ts';
import { textWidth, wrapText } from './text-wrap.ts';

/**
 * Prefectures (吕梁 dark) and the capital's dot, in the inset's own units. `named`: each shape
 * carries its city's code and name (a tooltip where the SVG is opened itself); the page's image
 * leaves them out, as nothing in an <img> can show them (its alt text says what it shows).
 */
function locatorAreas(l: CompiledLocator, named = true): string {
  const paths = l.prefectures
    .map((p) => {
      const fill = p.code === l.highlight ? PALETTE.ink.hex : PALETTE.neighbour.hex;
      const shape = `d="${p.d}" fill="${fill}" stroke="${PALETTE.paper.hex}" stroke-width="0.6"`;
      return named ? `<path ${shape} data-code="${p.code}"><title>${esc(p.name)}</title></path>` : `<path ${shape}/>`;
    })
    .join('');
  return `${paths}<circle cx="${l.capital.x}" cy="${l.capital.y}" r="2.6" fill="${PALETTE.paper.hex}" stroke="${PALETTE.ink.hex}" stroke-width="1.2"/>`;
}

/** The capital's name east of its dot (over the lighter cities there; 吕梁, dark, lies to the west), at (x, y) in the drawing's units. */
function capitalName(l: CompiledLocator, x: number, y: number, fontSize: number): string {
  return `<text x="${x.toFixed(1)}" y="${(y + fontSize * 0.35).toFixed(1)}" font-size="${fontSize}" fill="${PALETTE.ink.hex}" paint-order="stroke" stroke="${PALETTE.paper.hex}" stroke-width="2.5" stroke-linejoin="round">${esc(l.capital.name)}</text>`;
}

/** The capital's name, east of its dot, in the page's inset (1 unit = 1 CSS px). */
const PAGE_NAME = { dx: 4.5, fontSize: 12, halo: 1.25 } as const;

/** The page's inset as an image: the drawing, widened where the capital's name runs past it ("Taiyuan"). */
export function locatorImageSize(l: CompiledLocator): { width: number; height: number } {
  const nameEnd = l.capital.x + PAGE_NAME.dx + textWidth(l.capital.name, PAGE_NAME.fontSize) + PAGE_NAME.halo;
  return { width: Math.ceil(Math.max(l.width, nameEnd)), height: l.height };
}

/**
 * The page's inset as an SVG file, drawn 1 unit = 1 CSS px. A file, not inline: its ~14 KB of
 * path data sat in the first screen's HTML ahead of the story's text (Lighthouse's LCP went from
 * 1.22× the text-only copy to 1.05× once it was an image; docs/performance.md).
 */
export function locatorSvg(l: CompiledLocator): string {
  const { width, height } = locatorImageSize(l);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${esc(MAP_FONT)}">${locatorAreas(l, false)}${capitalName(l, l.capital.x + PAGE_NAME.dx, l.capital.y, PAGE_NAME.fontSize)}</svg>`;
}

/**
 * The inset as HTML: the image of `locatorSvg` at `src`, its description as the image's text, the
 * line placing Shanxi beside it. Fetched at low priority: on the first screen it shares the
 * phone's link with the map image, which is the page's largest element (its LCP).
 */
export function locatorHtml(l: CompiledLocator, src: string): string {
  const { width, height } = locatorImageSize(l);
  return `<figure class="map-locator" data-locator><img src="${esc(src)}" width="${width}" height="${height}" alt="${esc(l.label)}" decoding="async" fetchpriority="low"><figcaption>${esc(l.caption)}</figcaption></figure>`;
}

/**
 * The inset as an SVG group for renderSvg, at least `width` units wide (wider when the capital's
 * name needs it) with its top-left corner at (left, top): a paper box, the shapes, the caption
 * wrapped under them. Text is set in the page's units, never scaled, so print minimums hold.
 */
export function locatorGroup(
  l: CompiledLocator,
  left: number,
  top: number,
  width: number,
  fontSize: number,
): { svg: string; width: number; height: number } {
  const k = width / l.width;
  const pad = fontSize * 0.4;
  const nameX = l.capital.x * k + 4.5 * k;
  const inner = Math.max(width, nameX + textWidth(l.capital.name, fontSize), textWidth(l.caption, fontSize));
  const captionLines = wrapText(l.caption, inner, fontSize);
  const line = fontSize * 1.2;
  const height = l.height * k + pad * 3 + line * captionLines.length;
  const caption = captionLines
    .map(
      (t, i) =>
        `<text x="${pad.toFixed(1)}" y="${(l.height * k + pad * 2 + fontSize + i * line).toFixed(1)}" font-size="${fontSize}" fill="${PALETTE.ink.hex}">${esc(t)}</text>`,
    )
    .join('');
  const svg =
    `<g id="locator" data-locator="" transform="translate(${left.toFixed(1)} ${top.toFixed(1)})">` +
    `<rect width="${(inner + pad * 2).toFixed(1)}" height="${height.toFixed(1)}" fill="${PALETTE.paper.hex}" stroke="${PALETTE.countyLine.hex}" stroke-width="0.5"/>` +
    `<g transform="translate(${pad.toFixed(1)} ${pad.toFixed(1)}) scale(${k.toFixed(4)})">${locatorAreas(l)}</g>` +
    capitalName(l, pad + nameX, pad + l.capital.y * k, fontSize) +
    caption +
    `</g>`;
  return { svg, width: inner + pad * 2, height };
}
