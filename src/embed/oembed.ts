/**
 * The oEmbed answer of one embed page (oEmbed spec at oembed.com, type "rich"), written as a static
 * file next to the page and announced by `<link rel="alternate" type="application/json+oembed">`.
 */
import type { Lang } from '../i18n/lang.ts';
import { strings } from '../i18n/strings.ts';
import { embedMeta } from './meta.ts';
import { EMBED_WIDTH, IMAGE_SIZE, iframeSnippet } from './snippet.ts';
import { embedImagePath, storyPath } from '../site/urls.ts';

export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
  cache_age: number;
}

export function oembedFor(lang: Lang, key: string, origin: string): OEmbedRich {
  const meta = embedMeta(lang, key);
  const abs = (path: string) => new URL(path, origin).href;
  const storyUrl = abs(storyPath(lang, meta.chapter));
  return {
    version: '1.0',
    type: 'rich',
    title: meta.title,
    provider_name: strings(lang).embed.provider,
    provider_url: abs(storyPath(lang, null)),
    // Consumers that drop the script still get a frame of the page's measured height (iframely#272).
    html: iframeSnippet({
      origin,
      lang,
      key,
      title: meta.title,
      description: meta.description,
      height: meta.height,
      storyUrl,
      imageKey: meta.views[0]!.key,
    }),
    width: EMBED_WIDTH,
    height: meta.height,
    thumbnail_url: abs(embedImagePath(lang, meta.views[0]!.key)),
    thumbnail_width: IMAGE_SIZE.width,
    thumbnail_height: IMAGE_SIZE.height,
    cache_age: 86400,
  };
}
