/**
 * The pictures the site hands out, all drawn by the SVG renderer and rasterised in Chromium by
 * scripts/embed-images.ts into public/embed/img/ (committed, so a build needs no browser), which
 * records in images.json the hash of each SVG and of the PNG drawn from it (ImageRecord);
 * tests/unit/embed.test.ts compares them with what this file renders now and with the files.
 * - `{lang}/{key}`: 800 × 1000, og:image of an embed page, oEmbed thumbnail, AMP placeholder;
 * - `{lang}/wechat/{key}`: 1080 px wide for WeChat articles and phones, type sized so that it reads
 *   at about 13 CSS px when the image is shown 375 px wide;
 * - `{lang}/share-card`: 1200 × 630, the landscape card of the story, data and edition pages.
 */
import { createHash } from 'node:crypto';
import { compiledViews, loadSiteData } from '../data/load.ts';
import { PRINT_DRAWING } from '../print/print-style.ts';
import { MAP_FONT } from '../render/map-font.ts';
import { renderSvg, type PrintStyle } from '../render/svg.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { shareCardSvg } from './share-card.ts';
import { IMAGE_SIZE, SHARE_CARD_SIZE, WECHAT_IMAGE } from './snippet.ts';

/** An entry of images.json: what a committed PNG was drawn from (sha-256 of the SVG) and is (of the PNG). */
export interface ImageRecord {
  svg: string;
  png: string;
}

export interface EmbedImage {
  lang: Lang;
  /** `zh/pv`, `zh/wechat/pv`, `zh/share-card`: the name in images.json and the PNG's path under public/embed/img/. */
  id: string;
  /** Pixel size of the PNG; the SVG is drawn at width/scale × height/scale. */
  width: number;
  height: number;
  scale: number;
  svg: string;
  sha256: string;
}

const image = (lang: Lang, id: string, size: { width: number; height: number; scale?: number }, svg: string): EmbedImage => ({
  lang,
  id: `${lang}/${id}`,
  width: size.width,
  height: size.height,
  scale: size.scale ?? 1,
  svg,
  sha256: createHash('sha256').update(svg).digest('hex'),
});

const WECHAT_LAYOUT = { width: WECHAT_IMAGE.width / WECHAT_IMAGE.scale, height: WECHAT_IMAGE.height / WECHAT_IMAGE.scale };
/**
 * The renderer's wrapping layout (the print one: text wrapped to the width, black type, no halos),
 * so that nothing is cut at phone width; sized in px of the 432 px-wide drawing.
 */
const WECHAT_STYLE: PrintStyle = {
  ...PRINT_DRAWING,
  widthAttr: String(WECHAT_LAYOUT.width),
  heightAttr: String(WECHAT_LAYOUT.height),
  fontFamily: MAP_FONT,
  fontSize: WECHAT_IMAGE.labelSize,
  minFontSize: 11,
  hairline: 0.5,
  symbolScale: 1,
  footer: [],
  shortNames: true,
};

export function embedImages(): EmbedImage[] {
  const { geo } = loadSiteData();
  return LANGS.flatMap((lang) => [
    ...compiledViews(lang).flatMap(({ key, view }) => [
      image(lang, key, IMAGE_SIZE, renderSvg(view, geo, { ...IMAGE_SIZE, frame: true })),
      image(lang, `wechat/${key}`, WECHAT_IMAGE, renderSvg(view, geo, { ...WECHAT_LAYOUT, frame: true, print: WECHAT_STYLE })),
    ]),
    image(lang, 'share-card', SHARE_CARD_SIZE, shareCardSvg(lang)),
  ]);
}
