/**
 * The site's URLs: where each page and an embed's files live, and its absolute origin for the few places that need one
 * (canonical, og:image, oEmbed). Browser code derives the origin from `location` instead.
 */
import type { Lang } from '../i18n/lang.ts';

/** `npm start` serves here; production builds must set SITE_URL (or astro.config's `site`). */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:4321';

/**
 * The site's origin for absolute URLs in static files (canonical, og:*, oEmbed, QR codes): SITE_URL,
 * else Astro's `site`. Without either, a build would silently publish the local preview's
 * address; that is allowed only when PREVIEW=1 says the build is for this machine (`npm start`,
 * `npm run dev`, the tests), and fails the build otherwise.
 */
export function siteOrigin(astroSite?: URL | string, env: NodeJS.ProcessEnv = process.env): string {
  const given = env.SITE_URL || (astroSite ? String(astroSite) : '');
  if (!given && env.PREVIEW !== '1')
    throw new Error(
      'SITE_URL is not set: canonical, og:image, oEmbed and QR URLs need the public origin. ' +
        'Build with SITE_URL=https://maps.example.org npm run build, or PREVIEW=1 for a local preview (http://127.0.0.1:4321).',
    );
  const raw = given || DEFAULT_SITE_URL;
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must be an http(s) URL, got "${raw}"`);
  return url.origin;
}

export const langPrefix = (lang: Lang) => (lang === 'zh' ? '' : '/en');

export const embedPath = (lang: Lang, key: string) => `${langPrefix(lang)}/embed/${key}/`;
export const oembedPath = (lang: Lang, key: string) => `${embedPath(lang, key)}oembed.json`;
export const embedViewsPath = (lang: Lang, key: string) => `${embedPath(lang, key)}views.json`;
export const embedImagePath = (lang: Lang, key: string) => `/embed/img/${lang}/${key}.png`;
export const wechatImagePath = (lang: Lang, key: string) => `/embed/img/${lang}/wechat/${key}.png`;
export const shareCardPath = (lang: Lang) => `/embed/img/${lang}/share-card.png`;
/** The QR code of the story (chapter null) or a chapter, for posters, print and WeChat; of a later page's story with `page`. */
export const qrPath = (lang: Lang, chapter: string | null, ext: 'svg' | 'png', page?: string) =>
  `/embed/qr/${lang}/${page ? `pages/${page}/` : ''}${chapter ?? 'story'}.${ext}`;
export const mapSvgPath = (lang: Lang, key: string) => `/maps/${lang}/${key}.svg`;
/** A chart of the story as the page's image (src/charts/chart.ts). */
export const chartSvgPath = (lang: Lang, chart: string) => `/charts/${lang}/${chart}.svg`;
/** The locator inset of the map `key` as the page's image (src/render/locator.ts `locatorSvg`). */
export const locatorSvgPath = (lang: Lang, key: string) => `/maps/${lang}/locator/${key}.svg`;
/** The same map in the dark base colours, for embeds on theme=dark (src/embed/dark-map.ts). */
export const darkMapSvgPath = (lang: Lang, key: string) => `/embed/dark/${lang}/${key}.svg`;
export const resizeScriptPath = '/embed/resize.js';
/** The story of page ① (or of a later page, by its name), at a chapter or its top. */
export const storyPath = (lang: Lang, chapter: string | null, page?: string) =>
  `${langPrefix(lang)}/${page ? `pages/${page}/` : ''}${chapter ? `#${chapter}` : ''}`;

/**
 * A URL cut after each slash (`["http://", "127.0.0.1:4321/", "en/", …]`), for showing it in a
 * narrow box: it wraps between the parts, never inside a word (src/components/EmbedGallery.astro).
 */
export const urlLineParts = (url: string): string[] => url.match(/[^/]*(?:\/+|$)/g)!.filter(Boolean);
