/**
 * The HTML editors paste: pure functions of absolute URLs, used by the Embed dialog (in the
 * browser, with the page's own origin) and the oEmbed files (at build time, with SITE_URL).
 */
import type { Lang } from '../i18n/lang.ts';
import { embedSearch, type EmbedParams } from './params.ts';
import { escapeMarkup } from '../render/escape.ts';
import type { Dictionary } from '../i18n/dictionary.ts';
import { embedImagePath, embedPath, resizeScriptPath, wechatImagePath } from '../site/urls.ts';

export interface SnippetInput {
  /** Origin the embed is served from (scheme, host and port, as location.origin gives it). */
  origin: string;
  lang: Lang;
  key: string;
  /** Accessible name of the frame and text of the link form. */
  title: string;
  /** Alt text of the image form. */
  description: string;
  /** Height the frame has before (or without) the resize script. */
  height: number;
  /** Absolute URL of the full story. */
  storyUrl: string;
  /** The view key whose pictures stand for this embed (its first state on a page with a switch). */
  imageKey: string;
  /** What the embed shows (title, source, theme, interactivity): written into the frame's URL. */
  params?: EmbedParams;
  /** Frame width in px; null: the column's full width. */
  width?: number | null;
  /** The source line, as text under the picture of the script-free form. */
  source?: string;
  /** The snippet's own texts in its language (passed in: the browser's dialog loads no dictionary). */
  say: Dictionary['snippet'];
}

/** Width the oEmbed answer and the AMP ratio assume; the iframe itself is 100 % wide. */
export const EMBED_WIDTH = 640;
/** Size of the PNG (og:image, oEmbed thumbnail, link + image form). */
export const IMAGE_SIZE = { width: 800, height: 1000 } as const;
/**
 * The WeChat picture: 1080 × 1440 px (WeChat keeps 1080 px), drawn as a 432 px-wide map at 2.5×,
 * so its 13 px type is 32 px in the image and reads at about 11 CSS px when a phone shows the
 * image 375 px wide (the layout a reader sees on a phone, not a wide map shrunk).
 */
export const WECHAT_IMAGE = { width: 1080, height: 1440, scale: 2.5, labelSize: 13 } as const;
/** The landscape share card (og:image of the story pages): what Facebook, X and WeChat show uncropped. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

/**
 * Scripts (the live map) and same-origin (its data files, and an origin that resize.js can check:
 * a sandbox without it makes the frame's origin "null"); popups for the story link, which must
 * open unsandboxed. Never top navigation, forms or modals.
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

const abs = (i: Pick<SnippetInput, 'origin'>, path: string) => new URL(path, i.origin).href;
/** The embed page's URL with the chosen parameters. */
export const embedUrl = (i: Omit<SnippetInput, 'say'>) => abs(i, embedPath(i.lang, i.key)) + (i.params ? embedSearch(i.params) : '');

/** The iframe and its resize script: no text of its own, so no `say`. */
export function iframeSnippet(i: Omit<SnippetInput, 'say'>): string {
  const width = i.width ? `${i.width}px` : '100%';
  return (
    `<iframe src="${escapeMarkup(embedUrl(i))}" title="${escapeMarkup(i.title)}" width="${i.width ?? '100%'}" height="${i.height}" loading="lazy" sandbox="${SANDBOX}" ` +
    `style="display:block;width:${width};max-width:100%;height:${i.height}px;border:0"></iframe>\n` +
    `<script src="${escapeMarkup(abs(i, resizeScriptPath))}" async></script>`
  );
}

export function ampSnippet(i: SnippetInput): string {
  const more = i.say.showAll;
  return [
    `<amp-iframe src="${escapeMarkup(embedUrl(i))}" title="${escapeMarkup(i.title)}" width="${EMBED_WIDTH}" height="${i.height}" layout="responsive"`,
    `  sandbox="${SANDBOX}" resizable frameborder="0">`,
    `  <button overflow type="button">${more}</button>`,
    `  <amp-img placeholder layout="fill" src="${escapeMarkup(abs(i, embedImagePath(i.lang, i.imageKey)))}" alt="${escapeMarkup(i.description)}"></amp-img>`,
    `</amp-iframe>`,
  ].join('\n');
}

/**
 * For pages whose CMS strips <script> (and newsletters): no frame to size. The map as the
 * 1080 px picture with its title, legend and source drawn in, scaled to the column (whole at any
 * width), linked to the live map; the source again as text under it.
 */
export function imageSnippet(i: SnippetInput): string {
  const img = escapeMarkup(abs(i, wechatImagePath(i.lang, i.imageKey)));
  const live = escapeMarkup(embedUrl(i));
  const cta = i.say.seeInteractive;
  const width = i.width ? `${i.width}px` : `${WECHAT_IMAGE.width / 2}px`;
  return [
    `<figure style="margin:1em 0;max-width:${width}">`,
    `<a href="${live}" target="_blank" rel="noopener"><img src="${img}" alt="${escapeMarkup(i.description)}" width="${WECHAT_IMAGE.width}" height="${WECHAT_IMAGE.height}" loading="lazy" style="display:block;width:100%;height:auto;border:0"></a>`,
    `<figcaption style="font-size:0.8125em">${i.source ? `${escapeMarkup(i.source)} · ` : ''}<a href="${live}" target="_blank" rel="noopener">${escapeMarkup(i.title)} · ${cta}</a></figcaption>`,
    `</figure>`,
  ].join('\n');
}
