import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../../src/data/load.ts';
import { buildStory } from '../../src/story/build-story.ts';
import { readChapters } from '../../src/story/read-chapters.ts';
import { VIEWS } from '../../src/views/views.ts';
import type { ChapterFrontmatter } from '../../src/story/chapter-schema.ts';

const data = loadSiteData();
const chapters = readChapters();
/** Stands in for a translation that has every text: the tests here are about structure. */
const anyTranslation = new Proxy({}, { get: () => 'text' }) as Record<string, string>;
const story = (chs: ChapterFrontmatter[] = chapters, lang: 'zh' | 'en' = 'zh') =>
  buildStory({ chapters: chs, edition: data.edition, metrics: data.metricsById, views: VIEWS, lang, translation: anyTranslation });

describe('the story built from the authored chapters', () => {
  it('runs opening, the four counties, then the city record', () => {
    expect(story().map((c) => c.id)).toEqual(['opening', 'linxian', 'lanxian', 'shilou', 'xingxian', 'record']);
  });

  it('places every paragraph, the figures block and every caption exactly once', () => {
    const placed = story().flatMap((c) =>
      c.steps.flatMap((s) =>
        s.content.kind === 'paragraph' || s.content.kind === 'deck'
          ? [s.content.id]
          : s.content.kind === 'captions'
            ? s.content.captions.map((x) => x.id)
            : [],
      ),
    );
    const all = [
      ...data.edition.articles.flatMap((a) => [...(a.deck ? [a.deck.id] : []), ...a.paragraphs.map((p) => p.id)]),
      ...data.edition.captions.map((c) => c.id),
    ];
    expect([...placed].sort()).toEqual([...all].sort());
  });

  it('puts a caption in the chapter of the county it names, and the rest in the closing list', () => {
    const where = (cap: string) =>
      story().find((c) => c.steps.some((s) => s.content.kind === 'captions' && s.content.captions.some((x) => x.id === cap)))!.id;
    expect(where('cap-2')).toBe('linxian');
    expect(where('cap-8')).toBe('lanxian');
    expect(where('cap-6')).toBe('record');
  });

  it('renders authored figures from metrics.json', () => {
    const lead = story()[1]!.steps.find((s) => s.content.kind === 'lead')!;
    expect(lead.content).toEqual({ kind: 'lead', text: '临县贫困发生率由39.5%降至0.39%。' });
    const en = story(chapters, 'en')[1]!.steps.find((s) => s.content.kind === 'lead')!;
    expect(en.content).toMatchObject({ text: "Lin County's poverty incidence fell from 39.5% to 0.39%." });
  });

  it('fails when the English edition lacks a translation', () => {
    expect(() =>
      buildStory({ chapters, edition: data.edition, metrics: data.metricsById, views: VIEWS, lang: 'en', translation: {} }),
    ).toThrow(/no en translation for (headline|place):lead/);
  });

  it('fails on an unknown metric id, an unknown view, or a paragraph left out', () => {
    const broken = (patch: (c: ChapterFrontmatter[]) => void) => {
      const copy = structuredClone(chapters);
      patch(copy);
      return () => story(copy);
    };
    expect(broken((c) => c[1]!.items.push({ lead: { zh: '{{no-such-id}}', en: 'x' } }))).toThrow(/unknown metric id "no-such-id"/);
    expect(broken((c) => c[1]!.items.push({ paragraph: 'linxian-p6', view: 'nowhere' }))).toThrow(/unknown view "nowhere"/);
    expect(broken((c) => c[2]!.items.splice(2, 1))).toThrow(/leaves out lanxian-p2/);
  });

  it('every step says which view and region the map shows', () => {
    for (const ch of story()) for (const s of ch.steps) expect(s.map.region).toMatch(/^1411\d\d$/);
    const lin = story()[1]!;
    expect(lin.steps.map((s) => [s.map.view, s.map.state]).slice(0, 3)).toEqual([
      ['incidence', 'before'],
      ['incidence', 'before'],
      ['incidence', 'after'],
    ]);
  });
});
