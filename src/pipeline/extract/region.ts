/**
 * Which place a figure is given for, read from its clause, else its sentence, else its article.
 *
 * A clause names its place as a subject: a county (full or short name: 石楼县, 石楼), the city
 * (全市/本市/我市/吕梁市, 吕梁 alone as a subject — in a county-level city's own article 全市 is
 * that city), the province (全省, 山西省, 省委、省政府确定的…) or the country (全国). A place named
 * only to compare with (占全省的9%, 高于全省平均水平, 超全国12个百分点) or as the object of a coverb
 * (向石楼投入, 到孝义企业就业) is not the figure's place. With none in the clause, the sentence's
 * latest subject before the number holds. The article's own words (全县, 本县) and anything
 * unnamed fall back to the article's place, and the reading says so.
 */
import { CITY, COUNTRY, COUNTY_LEVEL_CITIES, countyMentions, PROVINCE } from '../../geo/divisions.ts';

export type RegionSource = 'clause' | 'sentence' | 'article';
export interface RegionReading {
  code: string | null;
  from: RegionSource;
}

interface Mention {
  code: string;
  at: number;
  end: number;
}

/** Words naming the city, the province or the country as a clause's subject. */
const WIDE_PLACES: Array<{ re: RegExp; code: (articleRegion: string | null) => string; subjectOnly?: true }> = [
  { re: /全市|本市|我市/g, code: (article) => (article && COUNTY_LEVEL_CITIES.has(article) ? article : CITY.code) },
  { re: /吕梁市/g, code: () => CITY.code },
  // 吕梁占13.2%, 其中吕梁1046个: the short name as a subject (吕梁山, the mountains, is not the city).
  { re: /吕梁(?![市山])/g, code: () => CITY.code, subjectOnly: true },
  { re: /省委、省政府确定/g, code: () => PROVINCE.code },
  // 辐射全国8省, 全国推广: the country and the province are a figure's place only as the clause's subject.
  { re: /全省|山西省|山西全省/g, code: () => PROVINCE.code, subjectOnly: true },
  { re: /全国/g, code: () => COUNTRY.code, subjectOnly: true },
];
/** What may stand before a clause's subject: quotes, 据, 其中 (在全国率先… is an adverbial, not a subject). */
const BEFORE_SUBJECT = /^(?:[“”"]|据|其中)*$/;
/** The article's own place, said without its name. */
const OWN_PLACE = /全县|本县|全区|本区/g;

function clauseStartOf(text: string, at: number): number {
  let start = at;
  while (start > 0 && !/[，。；：！？;,]/.test(text[start - 1]!)) start--;
  return start;
}

/**
 * A place that is not what the clause is about: one named to compare with (after 占 in its
 * clause, or right after 比/较/超/高于/低于/于), or the object of a coverb of direction or
 * benefit (向石楼投入资金1.2亿元, 为方山培训, 到孝义企业就业): the giver is the clause's subject.
 */
function notTheSubject(text: string, m: Mention): boolean {
  const clauseStart = clauseStartOf(text, m.at);
  if (text.slice(clauseStart, m.at).includes('占')) return true;
  return /(?:比|较|超|超过|高于|低于|于|相当于|向|对|给|为|帮助|帮扶|支援|援助|到|赴)$/.test(
    text.slice(Math.max(clauseStart, m.at - 3), m.at),
  );
}

function mentionsIn(text: string, articleRegion: string | null): Mention[] {
  const out: Mention[] = countyMentions(text);
  const add = (re: RegExp, code: string, subjectOnly = false) => {
    for (const m of text.matchAll(re)) {
      const at = m.index;
      if (subjectOnly && !BEFORE_SUBJECT.test(text.slice(clauseStartOf(text, at), at))) continue;
      if (!out.some((o) => o.at <= at && at < o.end)) out.push({ code, at, end: at + m[0].length });
    }
  };
  for (const w of WIDE_PLACES) add(w.re, w.code(articleRegion), w.subjectOnly);
  if (articleRegion) add(OWN_PLACE, articleRegion);
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The place of the number at `at` in `text`. `clause` and `sentence` are [start, end) spans of
 * `text` around it; `articleRegion` is the article's place (null for a caption naming none).
 */
export function regionOf(
  text: string,
  at: number,
  clause: { start: number; end: number },
  sentence: { start: number; end: number },
  articleRegion: string | null,
): RegionReading {
  const all = mentionsIn(text, articleRegion).filter((m) => !notTheSubject(text, m));
  const inClause = all.filter((m) => m.at >= clause.start && m.end <= clause.end);
  const before = inClause.filter((m) => m.end <= at).at(-1);
  const after = inClause.find((m) => m.at >= at);
  const pick = before ?? after;
  if (pick) return { code: pick.code, from: 'clause' };
  // The sentence's subject: the last place named earlier in the sentence that opens its clause (a new
  // subject takes over from the one before: 全市羊饲养量320万只，中阳达到21万只，占6.6% is 中阳's share).
  const subject = all.findLast(
    (m) => m.at >= sentence.start && m.end <= at && BEFORE_SUBJECT.test(text.slice(clauseStartOf(text, m.at), m.at)),
  );
  if (subject) return { code: subject.code, from: 'sentence' };
  return { code: articleRegion, from: 'article' };
}
