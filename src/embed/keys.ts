/**
 * Which embed pages exist: one per view key (`incidence-before`, `pv`…), plus one per view with
 * states under the bare view id (`incidence`), which shows a state switch starting on the first state.
 */
import type { ChapterFrontmatter } from '../story/chapter-schema.ts';
import { allViewKeys } from '../views/view-keys.ts';
import type { ViewSpec } from '../views/view-types.ts';
import { VIEWS } from '../views/views.ts';

export interface EmbedKey {
  key: string;
  view: ViewSpec;
  /** The view keys this page draws, first shown first; more than one means a state switch. */
  viewKeys: Array<{ key: string; state: string | undefined }>;
}

export function allEmbedKeys(views: ViewSpec[] = VIEWS): EmbedKey[] {
  const single = allViewKeys(views).map((k) => ({ key: k.key, view: k.view, viewKeys: [{ key: k.key, state: k.state }] }));
  const switched = views
    .map((view) => ({ key: view.id, view, viewKeys: allViewKeys([view]).map((k) => ({ key: k.key, state: k.state })) }))
    .filter((k) => k.viewKeys.length > 1);
  return [...single, ...switched];
}

export function embedKeyByKey(key: string): EmbedKey {
  const k = allEmbedKeys().find((x) => x.key === key);
  if (!k) throw new Error(`unknown embed key "${key}"`);
  return k;
}

/** The story chapter that first shows this view (and state, when the page is one state): the full story's anchor. */
export function chapterOf(k: EmbedKey, chapters: ChapterFrontmatter[]): string | null {
  // An item naming the view without a state shows its first state.
  const firstState = k.viewKeys[0]!.state;
  const state = k.viewKeys.length === 1 ? k.viewKeys[0]!.state : undefined;
  const sorted = [...chapters].sort((a, b) => a.order - b.order);
  const shows = (i: ChapterFrontmatter['items'][number]) => i.view === k.view.id && (!state || (i.state ?? firstState) === state);
  return sorted.find((c) => c.items.some(shows))?.id ?? null;
}
