/**
 * The embed pages a whole-site gate (accessibility, CSP) opens: one per kind of map — the layer
 * kinds it draws, with or without a before/after switch — in each language. Every embed page
 * is the same component (EmbedPage.astro) and the same script (embed-page.ts) given another
 * view: what differs between two views of one kind is data, which the unit tests and the
 * per-view checks (embed-files, embed-page's fallback heights, the images) cover for all of them.
 * A view with a new layer kind joins the sample by itself.
 */
import { allEmbedKeys, type EmbedKey } from '../../src/embed/keys.ts';

/** `choropleth+switch`, `county-precision+symbols`, `plain` (no data layer)… */
export const embedKind = (k: EmbedKey): string =>
  [[...new Set(k.view.layers.map((l) => l.kind))].sort().join('+') || 'plain', ...(k.viewKeys.length > 1 ? ['switch'] : [])].join('+');

/** The first embed key of each kind. */
export function embedKeysByKind(): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of allEmbedKeys()) if (!out.has(embedKind(k))) out.set(embedKind(k), k.key);
  return out;
}

/** Paths of the sample: each kind's first key, in Chinese and in English. */
export const sampleEmbedPaths = (): string[] => [...embedKeysByKind().values()].flatMap((key) => [`/embed/${key}/`, `/en/embed/${key}/`]);
