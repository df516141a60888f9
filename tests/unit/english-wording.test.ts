/**
 * Wording of the English edition (src/content/translations/en.json and the chapters' English
 * lead-ins) that a reader of the Chinese checked: terms glossed at first use, one rendering
 * of 摘帽, and mistranslations that must not come back.
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/content/translations/en.json';
import { loadSiteData } from '../../src/data/load.ts';
import { readChapters } from '../../src/story/read-chapters.ts';
import { buildStory } from '../../src/story/build-story.ts';
import { strings } from '../../src/i18n/strings.ts';
import { VIEWS } from '../../src/views/views.ts';

const { edition, metrics } = loadSiteData();
const translation: Record<string, string> = en;
/** The edition's texts in reading order, Chinese and English. */
const texts = edition.articles
  .flatMap((a) => [...(a.deck ? [a.deck] : []), ...a.paragraphs])
  .map((p) => ({ id: p.id, zh: p.text, en: translation[p.id]! }));
/** Terms a reader of the English needs explained, and the gloss that must stand at their first use in each chapter. */
const GLOSSES = [
  {
    zh: /两不愁、?三保障/,
    en: /“two no-worries and three guarantees” — no worries about food or clothing, and guaranteed compulsory education, basic medical care and safe housing/,
  },
  { zh: /\d[\d.]*万?亩/, en: /fifteen mu make a hectare/ },
  { zh: /易地(扶贫)?(搬迁|移民)/, en: /moving poor households out of places where the land cannot support them/ },
  { zh: /第一书记/, en: /first Party secretaries \(officials sent to lead a poor village’s Party branch\)/ },
  { zh: /建档立卡/, en: /registered poor \(households entered, each with a file of its own, in the national register of the poor\)/ },
  { zh: /村两委|两委/, en: /two village committees \(the village Party branch committee and the villagers’ committee\)/ },
  { zh: /孝心基金/, en: /grown-up children pay an allowance for their elderly parents into a fund/ },
  { zh: /光彩事业/, en: /Guangcai Programme \(光彩事业\), the poverty-relief programme of China’s private entrepreneurs/ },
  { zh: /十三五/, en: /Thirteenth Five-Year Plan period \(2016–2020\)/ },
];
const leadIns = readChapters().flatMap((c) => c.items.flatMap((i) => ('lead' in i && i.lead ? [i.lead] : [])));

describe('the English wording', () => {
  it('glosses 两不愁三保障 where the English first uses it', () => {
    const first = texts.find((t) => /两不愁、?三保障/.test(t.zh))!;
    expect(first.en).toMatch(
      /“two no-worries and three guarantees” — no worries about food or clothing, and guaranteed compulsory education, basic medical care and safe housing/,
    );
  });

  it('glosses each term at its first use in every chapter, for a reader who arrives at a chapter link', () => {
    const read = (lang: 'zh' | 'en') =>
      buildStory({ chapters: readChapters(), edition, metrics: new Map(metrics.map((m) => [m.id, m])), views: VIEWS, lang, translation });
    const story = read('en');
    const zhStory = read('zh');
    const stepText = (s: (typeof story)[number]['steps'][number]) => ('text' in s.content && s.content.text ? s.content.text : '');
    const missing: string[] = [];
    story.forEach((chapter, c) => {
      const zhSteps = zhStory[c]!.steps;
      for (const g of GLOSSES) {
        const first = zhSteps.findIndex((s) => g.zh.test(stepText(s)));
        if (first < 0) continue;
        const en = stepText(chapter.steps[first]!);
        if (!g.en.test(en)) missing.push(`${chapter.id}: ${g.zh} first in step ${first}: ${en.slice(0, 80)}…`);
      }
    });
    expect(missing).toEqual([]);
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
    // 贫困村、深度贫困人口、村集体经济“破零”全覆盖: only the collective economies “broke zero”.
    expect(translation['linxian-p4']).toContain(
      'coverage reaches every poor village and every person in deep poverty, and every village collective economy has “broken zero”, earning its first income',
    );
    // The Shilou lead-in keeps 稳定 (a stable link) and adds no “now”.
    const shilouLead = leadIns.find((l) => l.zh.includes('{{shilou-pv-households}}'))!;
    expect(shilouLead.en).toMatch(/stable link/);
    expect(shilouLead.en).not.toMatch(/\bnow\b/);
    // The Chinese does not number the three brands; the English does not either.
    expect(translation['lead-p7']).not.toMatch(/The (first|second|third) is /);
  });

  it('data notes: 13 is all of the city’s county-level divisions; states by their date; a rate is not “to date”; the methods note lists only real inconsistencies', () => {
    const byId = new Map(metrics.map((m) => [m.id, m]));
    expect(byId.get('city-divisions')!.label.en).toMatch(/^County-level divisions of the city \(all/);
    expect(byId.get('city-divisions')!.label.zh).not.toMatch(/贫困/);
    expect(byId.get('lin-forest-cover-now')!.periodEn).not.toBe('to date');
    expect(byId.get('lin-relocated-people')!.partOf).toBe('city-relocated-people');
    expect(byId.get('city-poor-counties-delisted')!.label.en).toContain('shed the poverty label');
    const layer = VIEWS.find((v) => v.id === 'incidence')!.layers[0]!;
    const after = 'states' in layer ? layer.states.find((s) => s.id === 'after') : undefined;
    expect(after?.label).toEqual({ zh: '2019年底', en: 'End of 2019' });
    // 近60万 beneficiaries vs 59万 poor (2014) agree (58.5万 lifted + 5,332 remaining): not listed.
    for (const lang of ['zh', 'en'] as const) expect(strings(lang).dataPage.inconsistencies).not.toMatch(/beneficiaries|poor2014|带动/);
  });

  it('says on the English pages whose translation it is and whose account the lead article is', () => {
    expect(strings('en').ui.translationNote).toMatch(/site’s own translation, not an official one/);
    expect(strings('en').ui.translationNote).toMatch(/municipal authorities’ own account/);
    expect(strings('en').ui.englishEdition).toMatch(/unofficial/);
  });
});
