/**
 * The picture of each view used as og:image, oEmbed thumbnail and in the link + image form:
 * the view's SVG drawn with its title, legend and source inside (the page shows those in HTML;
 * an image travels alone). scripts/embed-images.ts rasterises these in Chromium into
 * public/embed/img/{lang}/{key}.png and records each SVG's hash in images.json, which
 * tests/unit/embed-images.test.ts compares to what this file renders now.
 */
import { createHash } from 'node:crypto';
import { compiledViews, loadSiteData } from '../data/load.ts';
import { renderSvg } from '../render/svg.ts';
import type { Lang } from '../views/format.ts';
import { IMAGE_SIZE } from './snippet.ts';

export interface EmbedImage {
  lang: Lang;
  key: string;
  /** `zh/pv`: the name in images.json and the PNG's path under public/embed/img/. */
  id: string;
  svg: string;
  sha256: string;
}

export function embedImages(): EmbedImage[] {
  const { geo } = loadSiteData();
  return (['zh', 'en'] as const).flatMap((lang) =>
    compiledViews(lang).map(({ key, view }) => {
      const svg = renderSvg(view, geo, { ...IMAGE_SIZE, frame: true });
      return { lang, key, id: `${lang}/${key}`, svg, sha256: createHash('sha256').update(svg).digest('hex') };
    }),
  );
}
