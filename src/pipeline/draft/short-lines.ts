/**
 * Short lines standing alone are headlines or captions. A headline is found by what it says, not
 * only by where it stands (pages print headlines before or after their bodies, or far from them):
 *
 * - a headline that opens with its place (中阳县：…) belongs to that place's article;
 * - any other short line is matched to the article whose words it shares, each shared pair of
 *   characters weighted by how few articles hold it (扶贫羊 ↔ 湖羊, not 脱贫), with a small
 *   bonus for standing right beside the article;
 * - a line that is plainly a caption (two on a row, a figure, a village or a township named with
 *   a thing in it) is never a headline.
 *
 * A match that is not clearly better than the next best goes to "could not decide".
 */
import { countiesNamedIn, countyMentions } from '../../geo/divisions.ts';
import { decision, type Decision } from './decisions.ts';
import { nameOf } from './places.ts';
import type { DraftArticle } from './articles.ts';
import { CITY_WORDS, gapPieces, placeBeforeColon, spanOf, type PageLine } from './page-lines.ts';

export interface ShortRun {
  lines: PageLine[];
  /** The article whose body ends right before the run, and the one whose body starts right after. */
  before: DraftArticle | null;
  after: DraftArticle | null;
}

interface Unit {
  lines: PageLine[];
  run: ShortRun;
  /** Sure to be a caption (never a headline). */
  caption: boolean;
  /** Opens with its place and a colon. */
  place: string | null;
}

/**
 * What a photograph's caption says and a headline does not: the scene's words (喜获丰收, 现场,
 * 正在, 在大棚内…). A county named without the headline's colon is a caption's place too.
 */
const PHOTO_WORDS = /喜获|丰收|现场|正在|采摘|上岗|喜迁|巡山|随访|在[\u4e00-\u9fff]{1,6}(?:内|里|中)/;
const text = (ls: PageLine[]) => ls.map((l) => l.text).join('');

/** Plainly a caption row: two captions on it, wider than the column, a figure, or a place with a thing in it. */
function captionLike(l: PageLine, column: number): boolean {
  return (
    (!l.r.justified && gapPieces(l.r) >= 2) ||
    PHOTO_WORDS.test(l.text) ||
    countiesNamedIn(l.text).length > 0 ||
    l.width > column + 1 ||
    /\d/.test(l.text)
  );
}

function unitsOf(run: ShortRun, column: number): Unit[] {
  const units: Unit[] = [];
  for (const l of run.lines) {
    const prev = units.at(-1);
    const place = placeBeforeColon(l.text);
    // The second line of a headline: right under a headline's first line, or too short to stand alone.
    // Two short phrases in a row (一条沿黄路 / 富了一方人) are one headline set on two lines.
    const continues =
      prev &&
      !prev.caption &&
      prev.lines.length === 1 &&
      !place &&
      !captionLike(l, column) &&
      ((prev.place !== null && !l.gapBefore) ||
        l.width <= 4 ||
        (prev.place !== null && /[：:]$/.test(prev.lines[0]!.text)) ||
        (prev.place === null && prev.lines[0]!.width <= 7 && l.width <= 7));
    if (continues) {
      prev.lines.push(l);
      continue;
    }
    units.push({ lines: [l], run, caption: !place && captionLike(l, column), place });
  }
  return units;
}

/** Characters and pairs of characters of a text's Chinese (a pair weighs twice a character). */
function grams(t: string): Set<string> {
  const han = t.replace(/[^\u4e00-\u9fff]/g, '');
  const out = new Set<string>([...han].filter((c) => !FUNCTION_CHARS.test(c)));
  for (let i = 0; i + 1 < han.length; i++) {
    const pair = han.slice(i, i + 2);
    if (!FUNCTION_CHARS.test(pair)) out.add(pair);
  }
  return out;
}

/** Function words' characters: they say nothing of what a text is about (一条, 成了, 的). */
const FUNCTION_CHARS = /[的了是在和与及一二三为把被这那有个也都就而之其等中上下不年月日以从对将让成]/;

export interface ShortLineRoles {
  captions: Array<{ lines: PageLine[]; breaks: Array<{ line: number; at: number }> }>;
}

/** Where a caption's scene ends (…培训现场, …喜获丰收), or a place opens the next caption. */
const CAPTION_END = /(?:上岗|现场|丰收|大棚|基地|园区|新居|务工|巡山|随访|养殖场|喜迁新居)/g;

/**
 * Two captions set in one row with no gap between (文水县肉牛养殖场交口县乡村旅游): a row as wide
 * as a full line of text is split where a county is named again, or after a scene's last word,
 * the point nearest the middle. A guess, always reported.
 */
function gluedCaptionBreak(l: PageLine, column: number): number | null {
  if (l.width < column - 2 || l.r.pieces.length > 1) return null;
  const t = l.text;
  const cuts = [
    ...countyMentions(t)
      .filter((m) => m.at > 2)
      .map((m) => m.at),
    ...[...t.matchAll(CAPTION_END)].map((m) => m.index + m[0].length).filter((at) => at > 3 && at < t.length - 3),
  ];
  if (!cuts.length) return null;
  return cuts.sort((a, b) => Math.abs(a - t.length / 2) - Math.abs(b - t.length / 2))[0]!;
}

/** Decides every short line's role, giving articles their headlines; returns the caption blocks. */
export function assignShortLines(
  runs: ShortRun[],
  articles: DraftArticle[],
  column: number,
  found: Decision[],
  undecided: Decision[],
): ShortLineRoles {
  const units = runs.flatMap((r) => unitsOf(r, column));
  const bodies = articles.map((a) => grams(a.body.map((l) => l.text).join('')));
  const df = new Map<string, number>();
  for (const b of bodies) for (const g of b) df.set(g, (df.get(g) ?? 0) + 1);
  const weight = (g: string) => (g.length === 1 ? 0.5 : 1) * Math.log((articles.length + 1) / (df.get(g) ?? articles.length + 1));
  const headlineOf = new Map<Unit, DraftArticle>();
  const taken = new Set<DraftArticle>();

  // 1. Headlines that open with their place.
  for (const u of units.filter((x) => x.place)) {
    const code = u.place === 'city' ? articles.find((a) => a.place === '141100')?.place : u.place;
    const owners = articles.filter((a) => a.place === code && !taken.has(a));
    let owner = owners.find((a) => a === u.run.after || a === u.run.before) ?? owners[0];
    // No article of that place: the body beside it that names the place (two articles run together under one headline?).
    const beside = [u.run.before, u.run.after].find(
      (a): a is DraftArticle => !!a && !taken.has(a) && countiesNamedIn(a.body.map((l) => l.text).join('')).includes(code ?? ''),
    );
    if (!owner && beside) {
      owner = beside;
      headlineOf.set(u, owner);
      taken.add(owner);
      owner.place = code ?? owner.place;
      owner.placeEvidence = 'its headline names it';
      undecided.push(
        decision(
          'headline',
          spanOf(u.lines),
          `headline naming ${nameOf(code!)}, given to the body beside it, which names ${nameOf(code!)} but opens on another place: two articles may run together here; confirm`,
          ['no article opens naming the headline’s place'],
        ),
      );
      continue;
    }
    if (!owner) {
      undecided.push(
        decision(
          'headline',
          spanOf(u.lines),
          `a headline naming ${u.place === 'city' ? '吕梁' : nameOf(u.place!)} but no article of that place is free: read as a caption`,
          [],
        ),
      );
      continue;
    }
    headlineOf.set(u, owner);
    taken.add(owner);
    found.push(
      decision('headline', spanOf(u.lines), `headline of the article on ${nameOf(owner.place!)}`, ['opens with its place and a colon']),
    );
  }

  // 2. Other short lines: by the words they share with an article's body.
  const scored = units
    .filter((u) => !u.caption && !u.place)
    .map((u) => {
      const g = grams(text(u.lines));
      const named = countiesNamedIn(text(u.lines));
      const scores = articles.map((a, i) => {
        let s = 0;
        for (const x of g) if (bodies[i]!.has(x)) s += weight(x);
        // Standing right beside the body: the run's first unit after it, or its last before it.
        const unitsOfRun = units.filter((x) => x.run === u.run);
        if ((a === u.run.before && unitsOfRun[0] === u) || (a === u.run.after && unitsOfRun.at(-1) === u)) s += 1;
        if (named.includes(a.place ?? '') || (CITY_WORDS.test(text(u.lines)) && a.place === '141100')) s += 2;
        return { a, s };
      });
      return { u, scores: scores.sort((x, y) => y.s - x.s) };
    });
  const pairs = scored
    .flatMap(({ u, scores }) => scores.map(({ a, s }) => ({ u, a, s, margin: s - (scores.find((o) => o.a !== a)?.s ?? 0) })))
    // A unit goes only to the article it matches best, and only where the match is more than chance.
    .filter((p) => p.s >= 1.5 && p.margin > 0.5)
    .sort((x, y) => y.s - x.s);
  for (const p of pairs) {
    if (headlineOf.has(p.u) || taken.has(p.a)) continue;
    headlineOf.set(p.u, p.a);
    taken.add(p.a);
    const evidence = [`shares words with its body (score ${p.s.toFixed(1)}, next best ${(p.s - p.margin).toFixed(1)})`];
    if (p.a === p.u.run.before) evidence.push('printed right after its body');
    if (p.a === p.u.run.after) evidence.push('printed right before its body');
    if (p.margin >= 1.5) found.push(decision('headline', spanOf(p.u.lines), `headline of the article on ${nameOf(p.a.place!)}`, evidence));
    else
      undecided.push(
        decision('headline', spanOf(p.u.lines), `taken as the headline of the article on ${nameOf(p.a.place!)}: confirm`, evidence),
      );
  }
  for (const [u, a] of headlineOf) a.headline = u.lines;

  // 3. The rest are captions, in blocks of touching lines.
  const captions: PageLine[][] = [];
  for (const run of runs) {
    let block: PageLine[] = [];
    for (const u of units.filter((x) => x.run === run)) {
      if (headlineOf.has(u)) {
        if (block.length) captions.push(block);
        block = [];
        continue;
      }
      block.push(...u.lines);
      if (!u.caption && u.lines.length === 1 && (u.lines[0]!.indented || u.lines[0]!.r.justified || /“/.test(u.lines[0]!.text)))
        undecided.push(
          decision('caption', spanOf(u.lines), 'read as a caption, though it is set like a headline: confirm', [
            'no article’s body shares its words',
          ]),
        );
    }
    if (block.length) captions.push(block);
  }
  for (const c of captions) found.push(decision('caption', spanOf(c), 'caption block'));
  return {
    captions: captions.map((c) => {
      const breaks: Array<{ line: number; at: number }> = [];
      for (const l of c) {
        const at = gluedCaptionBreak(l, column);
        if (at === null) continue;
        breaks.push({ line: l.n, at });
        undecided.push(
          decision('caption', [l.n, l.n], `two captions in one row with no gap? split after «${l.text.slice(0, at)}»: confirm`, [
            'the row is as wide as a line of text and holds no clause mark',
          ]),
        );
      }
      return { lines: c, breaks };
    }),
  };
}
