import type { Edition } from '../../schema/edition.ts';
import { placeByCode } from './places.ts';

/** The story view every drafted chapter opens on, framed on its article's county (src/views/views.ts). */
export const DRAFT_VIEW = 'overview';

const q = (s: string) => JSON.stringify(s);

/**
 * One draft chapter per article (Markdown frontmatter, as src/content/chapters/*.md): the
 * headline on the overview map framed on the article's county, its figures block, every
 * paragraph in order, the captions that first name the county; the others go to the last
 * chapter. English titles say plainly that the chapter is not yet translated.
 */
export function draftChapters(edition: Edition): Array<{ file: string; text: string }> {
  const placedCaptions = new Set<string>();
  const n = edition.articles.length;
  return edition.articles.map((a, i) => {
    const place = placeByCode(a.region);
    const captions = edition.captions.filter((c) => c.regions[0] === a.region && !placedCaptions.has(c.id));
    captions.forEach((c) => placedCaptions.add(c.id));
    // Captions that name no county with an article here (or none at all) go to the last chapter.
    const restNeeded = i === n - 1 && edition.captions.some((c) => !edition.articles.some((x) => x.region === c.regions[0]));
    const items = [
      `  - { headline: true, view: ${DRAFT_VIEW}, region: "${a.region}" }`,
      ...(a.deck ? ['  - { deck: true }'] : []),
      ...a.paragraphs.map((p) => `  - { paragraph: ${p.id} }`),
      ...captions.map((c) => `  - { caption: ${c.id} }`),
      ...(restNeeded ? ['  - { captions: rest }'] : []),
    ];
    const title = a.headline?.text ?? a.place;
    const text = [
      '---',
      `id: ${a.id}`,
      `order: ${i + 1}`,
      `article: ${a.id}`,
      'draft: true',
      `title: { zh: ${q(title)}, en: ${q(`${place.en} (not yet translated)`)} }`,
      `kicker: { zh: ${q(a.place)}, en: ${q(place.en)} }`,
      'items:',
      ...items,
      '---',
      '',
    ].join('\n');
    return { file: `${String(i + 1).padStart(2, '0')}-${a.id}.md`, text };
  });
}
