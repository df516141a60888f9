/**
 * The manifest seen line by line: which part of the page each text line of the seed is. An editor
 * corrects the split one line at a time (this line is a headline, a caption, body text); the
 * manifest's ranges are then read back from the lines, so its blocks can never overlap or leave
 * a line out without the editor being told which line.
 */
import { CITY, COUNTIES } from '../geo/divisions.ts';
import type { LineRange, Manifest } from '../pipeline/manifest.ts';
import { slugOf } from '../pipeline/draft/places.ts';
import { DeskError } from './desk-error.ts';

export type Role =
  | { kind: 'header' }
  | { kind: 'marker' }
  | { kind: 'headline'; article: string }
  | { kind: 'deck'; article: string }
  | { kind: 'body'; article: string }
  | { kind: 'caption'; block: number };

type Article = Manifest['articles'][number];

/** Each text line's role, by line number (blank lines have none). */
export function rolesOf(m: Manifest, seedLines: string[]): Map<number, Role> {
  const roles = new Map<number, Role>();
  const put = ([from, to]: LineRange, role: Role) => {
    for (let n = from; n <= to; n++) if (seedLines[n - 1]?.trim()) roles.set(n, role);
  };
  if (m.pageHeader) put(m.pageHeader.lines, { kind: 'header' });
  put(m.editionMarker.lines, { kind: 'marker' });
  for (const a of m.articles) {
    if (a.headline) put(a.headline, { kind: 'headline', article: a.id });
    if (a.deck) put(a.deck, { kind: 'deck', article: a.id });
    put(a.body, { kind: 'body', article: a.id });
  }
  m.captions.forEach((c, i) => put(c.lines, { kind: 'caption', block: i }));
  return roles;
}

const sameRole = (a: Role | undefined, b: Role): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The text lines in order. */
const textLines = (roles: Map<number, Role>): number[] => [...roles.keys()].sort((a, b) => a - b);

/**
 * The one range holding every line of `role`; null when none has it. Lines of the role must be
 * consecutive text lines (blank lines between them do not count), or the editor is told which
 * line stands between.
 */
function rangeOf(roles: Map<number, Role>, role: Role, what: string): LineRange | null {
  const order = textLines(roles);
  const mine = order.filter((n) => sameRole(roles.get(n), role));
  if (!mine.length) return null;
  const first = order.indexOf(mine[0]!);
  const last = order.indexOf(mine.at(-1)!);
  const between = order.slice(first, last + 1).find((n) => !sameRole(roles.get(n), role));
  if (between !== undefined)
    throw new DeskError(
      'split',
      `${what} would run from line ${mine[0]} to ${mine.at(-1)}, but line ${between} stands between as something else`,
    );
  return [mine[0]!, mine.at(-1)!];
}

/** The manifest whose blocks are the lines' roles; entries keep their other fields (draft marks, breaks). */
export function manifestOf(m: Manifest, roles: Map<number, Role>, articles: Article[] = m.articles): Manifest {
  const out: Manifest = structuredClone(m);
  out.articles = articles.flatMap((a) => {
    const body = rangeOf(roles, { kind: 'body', article: a.id }, `the body of ${a.id}`);
    if (!body) return [];
    const headline = rangeOf(roles, { kind: 'headline', article: a.id }, `the headline of ${a.id}`);
    const deck = rangeOf(roles, { kind: 'deck', article: a.id }, `the figures block of ${a.id}`);
    const next: Article = {
      ...a,
      headline,
      body,
      paragraphBreaksAfter: (a.paragraphBreaksAfter ?? []).filter((n) => n >= body[0] && n <= body[1]),
    };
    if (deck) next.deck = deck;
    else delete next.deck;
    return [next];
  });
  // Caption blocks: runs of consecutive caption lines; a run keeps the draft mark and breaks of the blocks it joins.
  const order = textLines(roles);
  const blocks: Manifest['captions'] = [];
  let run: number[] = [];
  const flush = () => {
    if (!run.length) return;
    const was = [...new Set(run.map((n) => (roles.get(n) as { block: number }).block))]
      .map((i) => m.captions[i])
      .filter((c) => c !== undefined);
    const lines: LineRange = [run[0]!, run.at(-1)!];
    const breaks = was.flatMap((c) => c.breaks ?? []).filter((b) => b.line >= lines[0] && b.line <= lines[1]);
    const draft = was.length === 0 || was.some((c) => c.draft);
    blocks.push({ lines, breaks, ...(draft ? { draft: true } : {}) });
    run = [];
  };
  for (const n of order) {
    if (roles.get(n)!.kind === 'caption') run.push(n);
    else flush();
  }
  flush();
  out.captions = blocks;
  return out;
}

/** The article a line belongs to as body, headline or deck; null for the header, marker and captions. */
export function articleAt(roles: Map<number, Role>, line: number): string | null {
  const r = roles.get(line);
  return r && 'article' in r ? r.article : null;
}

function textLine(roles: Map<number, Role>, line: number): Role {
  const r = roles.get(line);
  if (!r) throw new DeskError('split', `line ${line} holds no text`);
  return r;
}

/** The nearest text line before (-1) or after (+1) `line`. */
function neighbour(roles: Map<number, Role>, line: number, dir: -1 | 1): number | null {
  const order = textLines(roles);
  const i = order.indexOf(line) + dir;
  return order[i] ?? null;
}

/** A line becomes its article's headline: the article whose body (or headline) the line follows. */
export function markHeadline(m: Manifest, roles: Map<number, Role>, line: number): Manifest {
  const was = textLine(roles, line);
  if (was.kind === 'headline') throw new DeskError('split', `line ${line} is already a headline`);
  if (was.kind === 'header' || was.kind === 'marker') throw new DeskError('split', `line ${line} is the page's ${was.kind}`);
  let owner: string | null = null;
  for (let n = neighbour(roles, line, -1); n !== null; n = neighbour(roles, n, -1)) {
    const r = roles.get(n)!;
    if (r.kind === 'body' || r.kind === 'headline') {
      owner = r.article;
      break;
    }
  }
  if (!owner) throw new DeskError('split', `line ${line} follows no article's body: a headline is printed after its article`);
  const next = new Map(roles);
  next.set(line, { kind: 'headline', article: owner });
  return manifestOf(m, next);
}

/** A line becomes a caption (a block of its own, or part of the caption block beside it). */
export function markCaption(m: Manifest, roles: Map<number, Role>, line: number): Manifest {
  const was = textLine(roles, line);
  if (was.kind === 'caption') throw new DeskError('split', `line ${line} is already a caption`);
  if (was.kind === 'header' || was.kind === 'marker') throw new DeskError('split', `line ${line} is the page's ${was.kind}`);
  const next = new Map(roles);
  next.set(line, { kind: 'caption', block: m.captions.length });
  return manifestOf(m, next);
}

/** A line becomes body text of the article next to it (before it, else after it). */
export function markBody(m: Manifest, roles: Map<number, Role>, line: number): Manifest {
  const was = textLine(roles, line);
  if (was.kind === 'body') throw new DeskError('split', `line ${line} is already body text`);
  const near = [neighbour(roles, line, -1), neighbour(roles, line, 1)]
    .map((n) => (n === null ? null : roles.get(n)!))
    .find((r) => r && 'article' in r);
  if (!near || !('article' in near)) throw new DeskError('split', `line ${line} stands beside no article: mark it a caption`);
  const next = new Map(roles);
  next.set(line, { kind: 'body', article: near.article });
  return manifestOf(m, next);
}

/** Adds or removes a paragraph end after a body line the width rule cannot see. */
export function toggleParagraphEnd(m: Manifest, roles: Map<number, Role>, line: number, endsByWidth: boolean): Manifest {
  const r = textLine(roles, line);
  if (r.kind !== 'body') throw new DeskError('split', `line ${line} is not body text: only a body line can end a paragraph`);
  const out = structuredClone(m);
  const a = out.articles.find((x) => x.id === r.article)!;
  const breaks = a.paragraphBreaksAfter ?? [];
  if (breaks.includes(line)) a.paragraphBreaksAfter = breaks.filter((n) => n !== line);
  else if (endsByWidth)
    throw new DeskError(
      'split',
      `line ${line} already ends a paragraph: it stops short of the column (the width rule), which the manifest cannot undo`,
    );
  else a.paragraphBreaksAfter = [...breaks, line].sort((x, y) => x - y);
  return out;
}

/** A place of the page: the city or one of its counties, by GB/T 2260 code. */
export function placeOf(code: string): { code: string; zh: string } {
  const p = code === CITY.code ? CITY : COUNTIES.find((c) => c.code === code);
  if (!p) throw new DeskError('value', `"${code}" is not 吕梁市 nor one of its counties (GB/T 2260)`);
  return { code: p.code, zh: p.zh };
}

/** An article id for a place not yet used on the page: its pinyin, then with b, c… */
function freeId(m: Manifest, code: string): string {
  const base = slugOf(code);
  for (let k = 1; ; k++) {
    const id = k === 1 ? base : `${base}${String.fromCharCode(96 + k)}`;
    if (!m.articles.some((a) => a.id === id)) return id;
  }
}

/**
 * Splits an article before `line`: the lines above become a new article on `region` (the
 * headline, printed after the body, stays with the lines below, as does the figures block).
 */
export function splitArticle(m: Manifest, roles: Map<number, Role>, line: number, region: string): { manifest: Manifest; created: string } {
  const r = textLine(roles, line);
  if (r.kind !== 'body') throw new DeskError('split', `line ${line} is not body text: split an article at the first line of the new one`);
  const a = m.articles.find((x) => x.id === r.article)!;
  if (a.body[0] === line || neighbour(roles, line, -1) === null || roles.get(neighbour(roles, line, -1)!)?.kind !== 'body')
    throw new DeskError('split', `line ${line} is the first line of ${a.id}'s body: nothing above it to split off`);
  const place = placeOf(region);
  const id = freeId(m, place.code);
  const created: Article = {
    id,
    region: place.code,
    place: place.zh,
    headline: null,
    body: [a.body[0], line - 1],
    paragraphBreaksAfter: (a.paragraphBreaksAfter ?? []).filter((n) => n < line),
    draft: true,
  };
  const next = new Map(roles);
  for (const [n, role] of roles) if (role.kind === 'body' && role.article === a.id && n < line) next.set(n, { kind: 'body', article: id });
  const i = m.articles.indexOf(a);
  const articles = [...m.articles.slice(0, i), created, ...m.articles.slice(i)];
  return { manifest: manifestOf({ ...m, articles }, next, articles), created: id };
}

/**
 * Joins the article holding `line` to the article printed just before it: one body, the earlier
 * article's id and place. Only blank lines may stand between the two bodies.
 */
export function joinArticle(m: Manifest, roles: Map<number, Role>, line: number): { manifest: Manifest; removed: string; into: string } {
  const id = articleAt(roles, line);
  if (!id) throw new DeskError('split', `line ${line} belongs to no article`);
  const b = m.articles.find((x) => x.id === id)!;
  const before = neighbour(roles, b.body[0], -1);
  const prev = before === null ? null : roles.get(before)!;
  if (!prev || prev.kind !== 'body')
    throw new DeskError(
      'split',
      `the body of ${b.id} does not follow another body${before !== null ? ` (line ${before} stands before it: mark it body text first)` : ''}`,
    );
  const a = m.articles.find((x) => x.id === prev.article)!;
  if (a.deck && b.deck) throw new DeskError('split', `${a.id} and ${b.id} both have a figures block: one article has one`);
  if (a.headline && b.headline) throw new DeskError('split', `${a.id} and ${b.id} both have a headline: mark one a caption first`);
  const next = new Map(roles);
  for (const [n, role] of roles) if ('article' in role && role.article === b.id) next.set(n, { ...role, article: a.id });
  const merged: Article = {
    ...a,
    paragraphBreaksAfter: [...(a.paragraphBreaksAfter ?? []), ...(b.paragraphBreaksAfter ?? [])].sort((x, y) => x - y),
  };
  const articles = m.articles.filter((x) => x !== b).map((x) => (x === a ? merged : x));
  return { manifest: manifestOf({ ...m, articles }, next, articles), removed: b.id, into: a.id };
}

/** An article is about another place: its region, place name and id (its pinyin) change together. */
export function setPlace(
  m: Manifest,
  roles: Map<number, Role>,
  line: number,
  region: string,
): { manifest: Manifest; from: string; to: string } {
  const id = articleAt(roles, line);
  if (!id) throw new DeskError('split', `line ${line} belongs to no article`);
  const place = placeOf(region);
  const a = m.articles.find((x) => x.id === id)!;
  if (a.region === place.code) throw new DeskError('split', `${a.id} is already about ${place.zh}`);
  const to = freeId({ ...m, articles: m.articles.filter((x) => x !== a) }, place.code);
  const next = new Map(roles);
  for (const [n, role] of roles) if ('article' in role && role.article === id) next.set(n, { ...role, article: to });
  const articles = m.articles.map((x) => (x === a ? { ...a, id: to, region: place.code, place: place.zh } : x));
  return { manifest: manifestOf({ ...m, articles }, next, articles), from: id, to };
}
