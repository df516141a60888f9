/**
 * Articles from runs of prose: a figures block at a run's head, then the run's paragraphs, split
 * into articles where a paragraph opens naming another county than the one the text so far is
 * about. A split inside a run (no headline or caption between) is reported for the editor to
 * confirm; so is a paragraph whose clauses speak of another place than its article.
 */
import { CITY, COUNTY_LEVEL_CITIES, countyMentions } from '../../geo/divisions.ts';
import { splitParagraphs } from '../layout.ts';
import { decision, type Decision } from './decisions.ts';
import { nameOf } from './places.ts';
import { CITY_WORDS, SENTENCE_END, spanOf, type PageLine } from './page-lines.ts';

export interface DraftArticle {
  /** GB/T 2260 code, or null until something names it. */
  place: string | null;
  placeEvidence: string;
  headline: PageLine[] | null;
  deck: PageLine[] | null;
  body: PageLine[];
  /** The block this article's body came from (articles of one run touch). */
  run: number;
}

const text = (ls: PageLine[]) => ls.map((l) => l.text).join('');
const mentions = (t: string, code: string) => countyMentions(t).some((m) => m.code === code);

/** The place a paragraph opens with: a county (full or short name) or the city, as its first words. */
export function openingPlace(paragraph: string): string | null {
  const head = paragraph.replace(/^[“”"（(]+/, '');
  const county = countyMentions(head.slice(0, 6))[0];
  if (county && county.at === 0) return county.code;
  if (/^(?:吕梁|全市|我市)/.test(head)) return CITY.code;
  // After an opening adverbial (脱贫攻坚战役打响之后，兴县…): the first clause's subject.
  const second = head.slice(0, 18).match(/^[^，。；！？]{2,12}，/);
  const next = second ? countyMentions(head.slice(second[0].length, second[0].length + 6))[0] : undefined;
  return next && next.at === 0 ? next.code : null;
}

/** The place a text speaks of most: counties by their mentions, the city by 全市/吕梁/我市. */
export function dominantPlace(t: string): { code: string; count: number } | null {
  const counts = new Map<string, number>();
  for (const m of countyMentions(t)) counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
  const city = t.match(new RegExp(CITY_WORDS.source, 'g'))?.length ?? 0;
  if (city) counts.set(CITY.code, city);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? { code: best[0], count: best[1] } : null;
}

/**
 * How many lines at the head of a run are a figures block: text that never ends a sentence and
 * holds two figures or more, followed by a paragraph that opens naming a place. Zero when none.
 */
function deckLength(lines: PageLine[]): number {
  for (let k = 1; k <= Math.min(4, lines.length - 1); k++) {
    const before = text(lines.slice(0, k));
    if (/[。！？]/.test(before)) return 0;
    const figures = before.match(/\d+(?:\.\d+)?/g)?.length ?? 0;
    if (figures >= 2 && openingPlace(lines[k]!.text)) return k;
  }
  return 0;
}

export function articlesOfRun(
  run: PageLine[],
  runIndex: number,
  found: Decision[],
  undecided: Decision[],
): { articles: DraftArticle[]; deck: PageLine[] | null } {
  const k = deckLength(run);
  const deck = k ? run.slice(0, k) : null;
  const body = run.slice(k);
  // Pieces that may open an article: paragraphs, and within them every line that opens a sentence.
  const paragraphEnds = new Set(
    splitParagraphs(
      body.map((l) => l.r),
      new Set(),
    ).map((p) => p.at(-1)!.line),
  );
  const pieces: PageLine[][] = [];
  body.forEach((l, i) => {
    const prev = body[i - 1];
    if (!prev || paragraphEnds.has(prev.n) || SENTENCE_END.test(prev.text)) pieces.push([l]);
    else pieces.at(-1)!.push(l);
  });
  const articles: DraftArticle[] = [];
  let cur: DraftArticle | null = null;
  for (const p of pieces) {
    const startsParagraph = p === pieces[0] || paragraphEnds.has(body[body.indexOf(p[0]!) - 1]!.n);
    const opening = openingPlace(text(p));
    if (cur) {
      const sofar: string | null = cur.place ?? dominantPlace(text(cur.body))?.code ?? null;
      // A county named first in a sentence that opens a line starts a new article when the text so far is about another place.
      if (opening && opening !== CITY.code && sofar && opening !== sofar && (startsParagraph || !mentions(text(cur.body), opening))) {
        undecided.push(
          decision('split', [p[0]!.n, p[0]!.n], 'a new article begins here, with no headline or caption between: confirm', [
            `the ${startsParagraph ? 'paragraph' : 'sentence'} opens naming ${nameOf(opening)}`,
            `the text before it speaks of ${nameOf(sofar)}`,
          ]),
        );
        cur = null;
      }
    }
    if (!cur) {
      cur = {
        place: opening,
        placeEvidence: opening ? 'its first paragraph opens naming it' : '',
        headline: null,
        deck: null,
        body: [],
        run: runIndex,
      };
      articles.push(cur);
    }
    cur.body.push(...p);
  }
  if (deck)
    found.push(
      decision('deck', spanOf(deck), 'figures block', [
        'no sentence ends in it',
        'two figures or more',
        'the paragraph after it opens naming a place',
      ]),
    );
  return { articles, deck };
}

/** Flags a paragraph whose clauses speak of another place than its article's. */
export function flagForeignParagraphs(a: DraftArticle, undecided: Decision[]): void {
  const byLine = new Map(a.body.map((l) => [l.n, l]));
  const paragraphs = splitParagraphs(
    a.body.map((l) => l.r),
    new Set(),
  ).map((p) => p.map((r) => byLine.get(r.line)!));
  for (const p of paragraphs) {
    const t = text(p);
    // Clause subjects: the place a clause opens with (in a county-level city's article, 全市 is the city itself).
    const ownCity = COUNTY_LEVEL_CITIES.has(a.place ?? '');
    const subjects = t
      .split(/[，。；：！？]/)
      .map((c) => (ownCity && /^[“”"]?(?:全市|我市|本市)/.test(c) ? a.place : openingPlace(c)))
      .filter((x): x is string => x !== null);
    const own = subjects.filter((s) => s === a.place).length + (t.match(/全县|本县|全区/g)?.length ?? 0);
    const other = subjects.filter((s) => s !== a.place);
    if (other.length >= 2 && own === 0)
      undecided.push(
        decision(
          'paragraph',
          spanOf(p),
          `this paragraph speaks of ${[...new Set(other)].map(nameOf).join('、')}, not of its article's place ${nameOf(a.place!)}: confirm it belongs here (its figures take the place each clause names)`,
          [`${other.length} clauses open naming another place`, 'none names the article’s own'],
        ),
      );
  }
}
