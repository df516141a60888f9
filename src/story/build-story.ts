import type { Caption, Edition } from '../schema/edition.ts';
import type { Metric } from '../schema/metrics.ts';
import { CITY_CODE } from '../geo/divisions.ts';
import { fillTemplate } from '../views/compile.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ViewSpec } from '../views/view-types.ts';
import type { ChapterFrontmatter } from './chapter-schema.ts';

export interface MapStep {
  view: string;
  state: string | null;
  region: string;
}
export type StepContent =
  | { kind: 'headline'; text: string | null; place: string }
  | { kind: 'deck'; id: string; text: string }
  | { kind: 'paragraph'; id: string; text: string }
  | { kind: 'lead'; text: string }
  | { kind: 'chart'; chart: 'incidence-fall' | 'training' }
  | { kind: 'captions'; captions: Caption[] };
export interface Step {
  content: StepContent;
  map: MapStep;
}
export interface Chapter {
  id: string;
  title: string;
  kicker: string;
  article: string;
  region: string;
  steps: Step[];
  /** Drafted by npm run draft and not yet confirmed: shown with a draft mark. */
  draft: boolean;
}

export interface StoryInput {
  chapters: ChapterFrontmatter[];
  edition: Edition;
  metrics: Map<string, Metric>;
  views: ViewSpec[];
  lang: Lang;
  /** For a language other than the edition's: text by id (paragraph, caption, `headline:{article}`), figures as {{metric-id}}. */
  translation?: Record<string, string>;
}

/**
 * Resolves the authored chapters against the edition: every paragraph, figures block and
 * caption placed exactly once, in the edition's order; every view, state and metric id known.
 * Any slip fails the build with the chapter that made it.
 */
export function buildStory({ chapters, edition, metrics, views, lang, translation }: StoryInput): Chapter[] {
  /** The edition's own words in Chinese; in another language the translation, its figures rendered from metrics.json. */
  const text = (id: string, original: string): string => {
    if (lang === 'zh') return original;
    const t = translation?.[id];
    if (t === undefined) throw new Error(`no ${lang} translation for ${id}`);
    return fillTemplate(t, lang, metrics, `${lang} translation of ${id}`);
  };
  const sorted = [...chapters].sort((a, b) => a.order - b.order);
  const placed = new Map<string, string>();
  const place = (id: string, chapter: string) => {
    if (placed.has(id)) throw new Error(`chapter ${chapter}: ${id} is already placed in chapter ${placed.get(id)}`);
    placed.set(id, chapter);
  };
  const order = new Map<string, number>();
  edition.articles.forEach((a) => a.paragraphs.forEach((p, i) => order.set(p.id, i)));
  const lastParagraph = new Map<string, number>();

  const result = sorted.map((ch) => {
    const where = `chapter ${ch.id}`;
    const article = edition.articles.find((a) => a.id === ch.article);
    if (!article) throw new Error(`${where}: no article "${ch.article}" in the edition`);
    let map: MapStep | null = null;
    const steps: Step[] = ch.items.map((item, i) => {
      const at = `${where}, item ${i + 1}`;
      if (item.view || item.state || item.region) {
        const view = views.find((v) => v.id === (item.view ?? map?.view));
        if (!view) throw new Error(`${at}: unknown view "${item.view ?? map?.view}"`);
        const states = view.layers.flatMap((l) => (l.kind === 'choropleth' ? l.states.map((s) => s.id) : []));
        const state = item.state ?? (item.view ? null : (map?.state ?? null));
        if (states.length && !state) throw new Error(`${at}: view "${view.id}" needs a state (${states.join(', ')})`);
        if (state && !states.includes(state)) throw new Error(`${at}: view "${view.id}" has no state "${state}"`);
        const region = item.region ?? map?.region ?? CITY_CODE;
        map = { view: view.id, state: states.length ? state : null, region };
      }
      if (!map) throw new Error(`${at}: the first item must set the map (view and region)`);
      let content: StepContent;
      if ('headline' in item)
        content = {
          kind: 'headline',
          text: article.headline ? text(`headline:${article.id}`, article.headline.text) : null,
          place: text(`place:${article.id}`, article.place),
        };
      else if ('deck' in item) {
        if (!article.deck) throw new Error(`${at}: article ${article.id} has no figures block`);
        place(article.deck.id, ch.id);
        content = { kind: 'deck', id: article.deck.id, text: text(article.deck.id, article.deck.text) };
      } else if ('paragraph' in item) {
        const p = article.paragraphs.find((x) => x.id === item.paragraph);
        if (!p) throw new Error(`${at}: paragraph ${item.paragraph} is not in article ${article.id}`);
        const n = order.get(p.id)!;
        if (n < (lastParagraph.get(article.id) ?? -1)) throw new Error(`${at}: ${p.id} comes before a paragraph already placed`);
        lastParagraph.set(article.id, n);
        place(p.id, ch.id);
        content = { kind: 'paragraph', id: p.id, text: text(p.id, p.text) };
      } else if ('lead' in item) content = { kind: 'lead', text: fillTemplate(item.lead[lang], lang, metrics, at) };
      else if ('chart' in item) content = { kind: 'chart', chart: item.chart };
      else if ('caption' in item) {
        const c = edition.captions.find((x) => x.id === item.caption);
        if (!c) throw new Error(`${at}: no caption ${item.caption}`);
        place(c.id, ch.id);
        content = { kind: 'captions', captions: [{ ...c, text: text(c.id, c.text) }] };
      } else content = { kind: 'captions', captions: [] }; // 'rest', filled below
      return { content, map: { ...map } };
    });
    return {
      id: ch.id,
      title: ch.title[lang],
      kicker: ch.kicker[lang],
      article: article.id,
      region: article.region,
      steps,
      draft: ch.draft ?? false,
    };
  });

  const rest = edition.captions.filter((c) => !placed.has(c.id));
  for (const ch of result)
    for (const s of ch.steps)
      if (s.content.kind === 'captions' && s.content.captions.length === 0) {
        s.content.captions = rest.map((c) => ({ ...c, text: text(c.id, c.text) }));
        rest.forEach((c) => place(c.id, ch.id));
      }

  const missing = [
    ...edition.articles.flatMap((a) => [...(a.deck ? [a.deck.id] : []), ...a.paragraphs.map((p) => p.id)]),
    ...edition.captions.map((c) => c.id),
  ].filter((id) => !placed.has(id));
  if (missing.length) throw new Error(`the story leaves out ${missing.join(', ')}: every paragraph and caption must be placed`);
  return result;
}
