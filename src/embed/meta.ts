/** Everything an embed page and its oEmbed file say about one view, for one language (build time). */
import { compiledViews } from '../data/load.ts';
import type { CompiledView } from '../views/compile.ts';
import type { Lang } from '../i18n/lang.ts';
import { readChapters } from '../story/read-chapters.ts';
import fallbackHeights from './fallback-heights.json';
import { chapterOf, embedKeyByKey, type EmbedKey } from './keys.ts';

/** Frame height before resize.js acts, when no measured height is recorded. */
export const DEFAULT_FALLBACK_HEIGHT = 760;

export interface EmbedMeta {
  lang: Lang;
  key: string;
  embed: EmbedKey;
  views: Array<{ key: string; view: CompiledView }>;
  /** The view's title, with its state where the page shows one state. */
  title: string;
  description: string;
  chapter: string | null;
  /**
   * Height of the page at the oEmbed width (640 px), measured in Chromium by
   * tests/e2e/embed-page.test.ts: the frame's height where no script resizes it.
   */
  height: number;
}

export function embedMeta(lang: Lang, key: string): EmbedMeta {
  const embed = embedKeyByKey(key);
  const compiled = compiledViews(lang);
  const views = embed.viewKeys.map((k) => compiled.find((c) => c.key === k.key)!);
  const first = views[0]!.view;
  const oneState = views.length === 1 && first.stateLabel;
  return {
    lang,
    key,
    embed,
    views,
    title: oneState ? `${first.title} · ${first.stateLabel}` : first.title,
    description: first.description,
    chapter: chapterOf(embed, readChapters()),
    height: (fallbackHeights as Record<string, number>)[`${lang}/${key}`] ?? DEFAULT_FALLBACK_HEIGHT,
  };
}
