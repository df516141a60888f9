/**
 * Wording of the English edition (src/content/translations/en.json and the chapters' English
 * lead-ins) that a reader of the Chinese checked: terms glossed at first use, one rendering
 * of 摘帽, and mistranslations that must not come back.
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/content/translations/en.json';
import { loadSiteData } from '../../src/data/load.ts';
import { readChapters } from '../../src/story/read-chapters.ts';
import { strings } from '../../src/i18n/strings.ts';

const { edition } = loadSiteData();
const translation: Record<string, string> = en;
/** The edition's texts in reading order, Chinese and English. */
const texts = edition.articles
  .flatMap((a) => [...(a.deck ? [a.deck] : []), ...a.paragraphs])
  .map((p) => ({ id: p.id, zh: p.text, en: translation[p.id]! }));
const leadIns = readChapters().flatMap((c) => c.items.flatMap((i) => ('lead' in i && i.lead ? [i.lead] : [])));

describe('the English wording', () => {
  it('glosses 两不愁三保障 where the English first uses it', () => {
    const first = texts.find((t) => /两不愁、?三保障/.test(t.zh))!;
    expect(first.en).toMatch(
      /“two no-worries and three guarantees” — no worries about food or clothing, and guaranteed compulsory education, basic medical care and safe housing/,
    );
  });

  it('glosses 四个不摘', () => {
    const t = texts.find((x) => x.zh.includes('四个不摘'))!;
    expect(t.en).toMatch(
      /“four no-removals” \(四个不摘\) — a county that has shed the poverty label keeps its responsibilities, its policies, its assistance and its oversight/,
    );
  });

  it('renders 摘帽 one way: shed the poverty label', () => {
    const withHat = texts.filter((t) => /摘帽|摘掉了贫困帽子/.test(t.zh));
    expect(withHat.length).toBeGreaterThan(0);
    for (const t of withHat) expect(t.en, t.id).toContain('shed the poverty label');
    const all = [...Object.values(translation), ...leadIns.map((l) => l.en)].join('\n').replace(/\{\{[^}]*\}\}/g, '{{}}');
    expect(all).not.toMatch(/removed from (it|the poverty list)|label of poverty|delisted/);
  });

  it('keeps the fixes of the review', () => {
    expect(translation['headline:lead']).toBe('Lüliang out of poverty: these past few years');
    expect(translation['lead-p1']).not.toMatch(/or so/);
    expect(translation['shilou-p3']).not.toMatch(/stakes/);
    expect(translation['shilou-p3']).toContain('“add more”');
    expect(translation['lead-p5']).toContain('first Party secretaries');
    expect(translation['lead-p9']).toContain(
      '{{city-relocated-villages}} poor hamlets and {{city-relocated-people}} have all been relocated',
    );
    expect(translation['linxian-p3']).toContain('All those relocated ({{lin-relocation-compliance}})');
    expect(translation['lead-p7']).toMatch(/The first is .*The second is .*The third is /s);
  });

  it('says on the English pages whose translation it is and whose account the lead article is', () => {
    expect(strings('en').ui.translationNote).toMatch(/site’s own translation, not an official one/);
    expect(strings('en').ui.translationNote).toMatch(/municipal authorities’ own account/);
    expect(strings('en').ui.englishEdition).toMatch(/unofficial/);
  });
});
