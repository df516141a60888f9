/**
 * The HTML editors paste: pure functions of absolute URLs, used by the Embed dialog (in the
 * browser, with the page's own origin) and the oEmbed files (at build time, with SITE_URL).
 */
import type { Lang } from '../views/format.ts';
import { embedImagePath, embedPath, resizeScriptPath } from '../site/urls.ts';
import { escapeMarkup } from '../render/escape.ts';
import type { Dictionary } from '../i18n/strings.ts';

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
  /** The snippet's own texts in its language (passed in: the browser's dialog loads no dictionary). */
  say: Dictionary['snippet'];
}

/** Width the oEmbed answer and the AMP ratio assume; the iframe itself is 100 % wide. */
export const EMBED_WIDTH = 640;
/** Size of the PNG (og:image, oEmbed thumbnail, link + image form). */
export const IMAGE_SIZE = { width: 800, height: 1000 } as const;

/**
 * Scripts (the live map) and same-origin (its data files, and an origin that resize.js can check:
 * a sandbox without it makes the frame's origin "null"); popups for the story link, which must
 * open unsandboxed. Never top navigation, forms or modals.
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

const abs = (i: Pick<SnippetInput, 'origin'>, path: string) => new URL(path, i.origin).href;

/** The iframe and its resize script: no text of its own, so no `say`. */
export function iframeSnippet(i: Omit<SnippetInput, 'say'>): string {
  const src = abs(i, embedPath(i.lang, i.key));
  return (
    `<iframe src="${escapeMarkup(src)}" title="${escapeMarkup(i.title)}" width="100%" height="${i.height}" loading="lazy" sandbox="${SANDBOX}" ` +
    `style="display:block;width:100%;height:${i.height}px;border:0"></iframe>\n` +
    `<script src="${escapeMarkup(abs(i, resizeScriptPath))}" async></script>`
  );
}

export function ampSnippet(i: SnippetInput): string {
  const more = i.say.showAll;
  return [
    `<amp-iframe src="${escapeMarkup(abs(i, embedPath(i.lang, i.key)))}" title="${escapeMarkup(i.title)}" width="${EMBED_WIDTH}" height="${i.height}" layout="responsive"`,
    `  sandbox="${SANDBOX}" resizable frameborder="0">`,
    `  <button overflow type="button">${more}</button>`,
    `  <amp-img placeholder layout="fill" src="${escapeMarkup(abs(i, embedImagePath(i.lang, i.key)))}" alt="${escapeMarkup(i.description)}"></amp-img>`,
    `</amp-iframe>`,
  ].join('\n');
}

/** For WeChat articles and newsletters, which strip iframes and scripts: the map as an image, linked to the story. */
export function linkSnippet(i: SnippetInput): string {
  const img = escapeMarkup(abs(i, embedImagePath(i.lang, i.key)));
  const story = escapeMarkup(i.storyUrl);
  const cta = i.say.seeInteractive;
  return (
    `<a href="${story}"><img src="${img}" alt="${escapeMarkup(i.description)}" width="${IMAGE_SIZE.width}" height="${IMAGE_SIZE.height}" style="max-width:100%;height:auto"></a>\n` +
    `<p><a href="${story}">${escapeMarkup(i.title)} · ${cta}</a></p>`
  );
}
