/**
 * A PDF page's layout, read from positions and type sizes: which lines make the page header,
 * the edition marker, each article's headline, figures block (deck) and body, and the captions;
 * the page's text in reading order with each line's position; and the manifest over those
 * lines, as `npm run draft` writes for a text seed. Every decision is reported with its
 * evidence; what it cannot decide goes to `undecided` with the page region and the lines.
 *
 * - a headline is display type (larger than the body, or bold and somewhat larger); it owns
 *   the column pieces below it within its territory: from its left edge (or its left
 *   neighbour's right edge, on a row of headlines) to the next headline on its row;
 * - a figures block is display type holding ≥ 3 numbers and no full stop; it belongs to the
 *   article it names (全市/吕梁 → the city's), else the headline above it, else the one below;
 * - a caption is small type, under a picture's gap when there is one (reported when not);
 * - a body piece no headline is above is an article without one, placed by the county it names;
 *   a piece that opens a paragraph naming another county starts a new article (confirm);
 * - paragraphs open on an indented line or after a line that stops short of its column.
 */
import { CITY } from '../../geo/divisions.ts';
import { InputError } from '../../schema/json-file.ts';
import type { Manifest } from '../manifest.ts';
import { dropLayoutSpaces, joinLines } from '../restore-line.ts';
import { blockPlace, placeNamedIn, slugOf, type Place } from '../draft/places.ts';
import { columnPieces, columnWidth, type Piece } from './columns.ts';
import { pageStrips, readingFlow } from './flow.ts';
import type { Line } from './lines.ts';
import { assignRoles, blocksOf, boxOf, overlapX, pt, quote, region, type Box, type LineBlock, type RoledLine } from './roles.ts';
import { TOLERANCES as T } from './tolerances.ts';

export type SeedRole = 'header' | 'marker' | 'headline' | 'deck' | 'body' | 'caption';

/** One line of the page's restored text (a PDF seed's lines file), with where it is printed. */
export interface SeedLine {
  text: string;
  role: SeedRole;
  /** [x0, top, x1, baseline] in points from the page's top-left corner. */
  box: [number, number, number, number];
  size: number;
  font: string;
  /** It reaches its column's right edge (a justified line, not a paragraph's last). */
  full: boolean;
}

export interface PdfLayout {
  lines: SeedLine[];
  manifest: Manifest & { draft: true };
  found: string[];
  undecided: string[];
}

const FIGURE = /\d+(?:\.\d+)?/g;
const A_FIGURE = /\d/;
const SENTENCE_END = /[。！？][”’」』）]?$/;
const round = (n: number) => Math.round(n * 10) / 10;
/** A line set with tracking: pdf.js writes a space between most of its ideographs. Its word spaces cannot be told from the tracking. */
const letterSpaced = (text: string) =>
  (text.match(/\p{Script=Han} (?=\p{Script=Han})/gu)?.length ?? 0) >= 0.6 * (text.match(/\p{Script=Han}/gu)?.length ?? 1);
const textOf = (ls: RoledLine[]) => joinLines(ls.map((l) => l.text));

interface BodyLine {
  line: RoledLine;
  piece: Piece;
  opensParagraph: boolean;
  full: boolean;
}

interface Article {
  headline: LineBlock | null;
  deck: LineBlock | null;
  pieces: Piece[];
  body: BodyLine[];
  place: Place | null;
  /** Where the article starts on the page, for ordering. */
  at: Box;
}

type BlockKind = 'header' | 'marker' | 'headline' | 'deck' | 'caption' | 'body';
interface Block extends LineBlock {
  kind: BlockKind;
}

export function readPageLayout(pageLines: Line[], seedName: string, file: string): PdfLayout {
  const roles = assignRoles(pageLines, file);
  const found = [...roles.found];
  const undecided: string[] = [];
  const body = roles.bodySize;
  const display = blocksOf(roles.lines.filter((l) => l.role === 'display'));
  const small = blocksOf(roles.lines.filter((l) => l.role === 'small'));
  const markerBlock: LineBlock = { lines: [roles.marker], ...boxOf([roles.marker]) };
  const pieces = columnPieces(
    roles.lines.filter((l) => l.role === 'body'),
    [...display, ...small, markerBlock],
  );
  const isDeck = (b: LineBlock) => (textOf(b.lines).match(FIGURE)?.length ?? 0) >= T.DECK_MIN_FIGURES && !/。/.test(textOf(b.lines));
  const blocks: Block[] = [
    { ...markerBlock, kind: 'marker' },
    ...display.map((b) => ({ ...b, kind: isDeck(b) ? ('deck' as const) : ('headline' as const) })),
    ...small.map((b) => ({ ...b, kind: 'caption' as const })),
    ...pieces.map((p) => ({ ...p, kind: 'body' as const })),
  ];
  const gap = { x: T.FLOW_GAP_X_EM * body, y: T.FLOW_GAP_Y_EM * body };
  /** Bold body-size lines right under a headline, printing figures and no full stop: the figures block. */
  const boldFigures = (b: LineBlock) => b.lines.every((l) => l.bold) && A_FIGURE.test(textOf(b.lines)) && !/。/.test(textOf(b.lines));
  /** Display type right under a headline, smaller, printing figures and no full stop: the figures block. */
  const smallerFigures = (b: LineBlock, headline: LineBlock) =>
    b.lines[0]!.size < headline.lines[0]!.size && A_FIGURE.test(textOf(b.lines)) && !/。/.test(textOf(b.lines));

  // The page header: the outermost strip at the top (else at the bottom) holding no body and not only the marker.
  // A page may print none (the marker alone at its top, a row of headlines over their columns): pageHeader is null.
  const strips = pageStrips(blocks, gap.y);
  const header = pageHeaderOf(strips, found, undecided);

  // Articles, in the page's flow: a headline opens one, a body piece goes to the headline straight over it, else continues the flow.
  // The header and the marker stand apart from the flow (a header band over some columns would block the cut between them).
  const flow = readingFlow(
    blocks.filter((b) => b.kind !== 'header' && b.kind !== 'marker'),
    gap,
  );
  const articles: Article[] = [];
  const byHeadline = new Map<LineBlock, Article>();
  const directlyUnder = (b: Box) =>
    [...byHeadline.keys()]
      .filter((h) => h.bottom <= b.top + 0.3 * body && b.top - h.bottom <= 3 * body && overlapX(h, b) > 0)
      .sort((x, y) => y.bottom - x.bottom)[0];
  let current: Article | null = null;
  let previous: Block | null = null;
  const decks: Block[] = [];
  for (const b of flow) {
    const underHeadline = previous?.kind === 'headline' && current?.headline && !current.pieces.length;
    if (underHeadline && ((b.kind === 'headline' && smallerFigures(b, current!.headline!)) || (b.kind === 'body' && boldFigures(b))))
      b.kind = 'deck';
    if (b.kind === 'headline') {
      // A headline wrapped into the next column (its rest higher up, to the right) is one headline.
      if (previous?.kind === 'headline' && current?.headline && !current.pieces.length && b.top < previous.top && b.x0 > previous.x0) {
        current.headline.lines.push(...b.lines);
        found.push(`headline ${quote(textOf(current.headline.lines))}: continued at the top of the next column (${region(b)})`);
      } else {
        current = { headline: { ...b, lines: [...b.lines] }, deck: null, pieces: [], body: [], place: null, at: b };
        articles.push(current);
        byHeadline.set(b, current);
      }
    } else if (b.kind === 'deck') decks.push(b);
    else if (b.kind === 'body') {
      const h = directlyUnder(b);
      const owner: Article = (h && byHeadline.get(h)) ||
        current || { headline: null, deck: null, pieces: [], body: [], place: null, at: b };
      if (!articles.includes(owner)) {
        articles.push(owner);
        undecided.push(
          `${region(b)}: body text with no headline before it in the page's flow; kept as an article without one, placed by the county it names`,
        );
      }
      owner.pieces.push(b);
      current = owner;
    } else continue;
    previous = b;
  }

  // Headlines with no body after them are not articles: a pull quote, a large caption? Kept as captions.
  const bodiless = articles.filter((a) => !a.pieces.length).map((a) => a.headline!);
  for (const h of bodiless)
    undecided.push(`${region(h)}: display type ${quote(textOf(h.lines))} with no body text after it; kept as a caption, confirm`);
  const all = () => articles.filter((a) => a.pieces.length);
  for (const a of all()) {
    const bodyText = (n: number) => textOf(a.pieces.flatMap((p) => p.lines)).slice(0, n);
    a.place = (a.headline && placeNamedIn(textOf(a.headline.lines))) || placeNamedIn(bodyText(80)) || placeNamedIn(bodyText(Infinity));
  }
  for (const d of decks) {
    const above = directlyUnder(d);
    const after = all().find((a) => a.headline && flow.indexOf(a.at as Block) > flow.indexOf(d));
    const heads = (above && byHeadline.get(above)) || after;
    // 全市 in a block over a county-level city's article is that city: the article it heads decides, not the word.
    const named = blockPlace(textOf(d.lines), heads?.place?.code ?? null);
    const byName = named && all().find((a) => a.headline && a.place?.code === named.place.code);
    const owner = byName || heads;
    if (!owner) throw new InputError(file, `${region(d)}: a figures block ${quote(textOf(d.lines))} that belongs to no article`);
    if (owner.deck)
      throw new InputError(
        file,
        `${region(d)}: a second figures block for ${owner.place?.zh ?? 'one article'} (first at ${region(owner.deck)})`,
      );
    owner.deck = d;
    found.push(
      `figures block ${quote(textOf(d.lines))} at ${region(d)}: ${textOf(d.lines).match(FIGURE)!.length} numbers, no full stop, ${d.lines[0]!.size} pt; belongs to ${owner.place?.zh ?? '?'} (${byName ? (named.by === '全市' ? `全市 over ${byName.place!.zh}'s article` : 'it names it') : above ? 'under its headline' : 'the next headline in the flow'})`,
    );
  }

  // Body lines in reading order, each knowing whether it opens a paragraph.
  for (const a of all()) {
    const colW = columnWidth(a.pieces);
    let prev: BodyLine | null = null;
    for (const p of a.pieces) {
      const right = Math.max(p.x1, p.lines.length < 3 ? p.x0 + colW : p.x1);
      for (const l of p.lines) {
        const indent = l.x0 - p.x0;
        const indented = indent >= T.PARAGRAPH_INDENT_MIN_EM * l.size && indent <= T.PARAGRAPH_INDENT_MAX_EM * l.size;
        const b: BodyLine = {
          line: l,
          piece: p,
          opensParagraph: !prev || indented || !prev.full,
          full: l.x1 >= right - T.SHORT_LINE_EM * l.size,
        };
        a.body.push(b);
        prev = b;
      }
    }
  }

  // A paragraph whose first words name another county starts a new article (no headline between: confirm).
  for (const a of all()) {
    for (let i = 1; i < a.body.length; i++) {
      const b = a.body[i]!;
      if (!b.opensParagraph) continue;
      const para = [b.line];
      for (let k = i + 1; k < a.body.length && !a.body[k]!.opensParagraph; k++) para.push(a.body[k]!.line);
      const text = textOf(para);
      const atPieceTop = b.piece.lines[0] === b.line;
      const named = placeNamedIn(atPieceTop ? text.slice(0, 40) : text.split(/[。！？]/)[0]!.slice(0, 16));
      if (!named || named.code === CITY.code || !a.place || named.code === a.place.code) continue;
      const rest = a.body.splice(i);
      const split: Article = {
        headline: null,
        deck: null,
        pieces: [...new Set(rest.map((r) => r.piece))],
        body: rest,
        place: named,
        at: boxOf([b.line]),
      };
      articles.splice(articles.indexOf(a) + 1, 0, split);
      undecided.push(
        `${region(boxOf(rest.map((r) => r.line)))}: a new article begins here (${quote(b.line.text)} opens a paragraph naming ${named.zh}, with no headline before it; it ran on from ${a.place.zh}'s); confirm`,
      );
    }
  }

  const ordered = all().filter((a) => a.body.length);
  for (const a of ordered)
    if (!a.place)
      throw new InputError(
        file,
        `${region(boxOf(a.body.map((b) => b.line)))}: the article ${quote(a.body[0]!.line.text)} names no county of 吕梁 (nor 吕梁/全市); a page with no county cannot be placed on the map`,
      );
  const reading = [...ordered.filter((a) => a.place!.code === CITY.code), ...ordered.filter((a) => a.place!.code !== CITY.code)];

  // Captions: small type and bodiless display type, a wrapped line joined to the one before.
  const captionBlocks = [...blocks.filter((b) => b.kind === 'caption'), ...bodiless].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const everythingElse = roles.lines.filter((l) => l.role !== 'small');
  for (const c of captionBlocks) {
    const above = everythingElse.filter((l) => l.y <= c.top && overlapX(l, c) > 0).map((l) => l.y);
    const gap = c.top - Math.max(...above, 0);
    const picture = gap >= T.PICTURE_GAP_LINES * roles.bodySize * 1.4;
    const what = `${quote(textOf(c.lines))} at ${region(c)}, ${c.lines[0]!.size} pt`;
    if (picture) found.push(`caption ${what} under a ${pt(gap)} pt gap (a picture's place)`);
    else
      undecided.push(
        `${region(c)}: small type ${quote(textOf(c.lines))} with no picture's gap above (${pt(gap)} pt); kept as a caption, confirm`,
      );
  }

  // The lines file and the manifest over it.
  const out: SeedLine[] = [];
  const add = (ls: RoledLine[], role: SeedRole, full = () => false): [number, number] => {
    const from = out.length + 1;
    for (const l of ls)
      out.push({
        text: role === 'header' && !letterSpaced(l.text) ? l.text : dropLayoutSpaces(l.text),
        role,
        box: [round(l.x0), round(l.top), round(l.x1), round(l.y)],
        size: l.size,
        font: l.font,
        full: full(),
      });
    return [from, out.length];
  };
  const headerRange = header ? add(header.lines, 'header') : null;
  const marker = add([roles.marker], 'marker');
  const used = new Map<string, number>();
  const manifestArticles = reading.map((a) => {
    const headline = a.headline ? add(a.headline.lines, 'headline') : null;
    const deck = a.deck ? add(a.deck.lines, 'deck') : null;
    const first = out.length + 1;
    const breaks: number[] = [];
    a.body.forEach((b, i) => {
      add([b.line], 'body', () => b.full);
      if (a.body[i + 1]?.opensParagraph) breaks.push(out.length);
    });
    const base = slugOf(a.place!.code);
    const k = (used.get(base) ?? 0) + 1;
    used.set(base, k);
    const id = k === 1 ? base : `${base}${String.fromCharCode(96 + k)}`;
    if (k > 1)
      undecided.push(
        `${region(boxOf(a.body.map((b) => b.line)))}: a second article on ${a.place!.zh} (id ${id}); confirm it is not one article split in two`,
      );
    const columns = a.pieces.filter((p) => a.body.some((b) => b.piece === p));
    found.push(
      `article ${id}: ${a.place!.zh} (${a.headline && placeNamedIn(textOf(a.headline.lines)) ? 'named by its headline' : 'named by its body'}), headline ${
        a.headline
          ? `${quote(textOf(a.headline.lines))} ${a.headline.lines[0]!.size} pt${a.headline.lines[0]!.bold ? ' bold' : ''} over ${region(a.headline)}`
          : 'none'
      }; body in ${columns.length} column piece(s) (${columns.map(region).join('; ')}), ${breaks.length + 1} paragraph(s)`,
    );
    return {
      id,
      region: a.place!.code,
      place: a.place!.zh,
      headline,
      ...(deck ? { deck } : {}),
      body: [first, out.length] as [number, number],
      paragraphBreaksAfter: breaks,
      draft: true as const,
    };
  });
  const captions = captionBlocks.map((c) => {
    // One caption a line, a line that wraps joined to the next (it reaches the block's right edge and the sentence runs on).
    const logical: RoledLine[][] = [];
    // Its column's right edge: the body text's in the same column, else the block's own.
    const distance = (p: Box) => Math.max(p.top - c.bottom, c.top - p.bottom);
    const column = pieces.filter((p) => overlapX(p, c) > 0.5 * (c.x1 - c.x0)).sort((a, b) => distance(a) - distance(b))[0];
    const edge = column?.x1 ?? c.x1;
    for (const l of c.lines) {
      const last = logical.at(-1)?.at(-1);
      if (last && last.x1 >= edge - l.size && !SENTENCE_END.test(last.text) && Math.abs(l.x0 - c.x0) <= T.EDGE_PT) logical.at(-1)!.push(l);
      else logical.push([l]);
    }
    const from = out.length + 1;
    for (const ls of logical) {
      const b = boxOf(ls);
      out.push({
        text: dropLayoutSpaces(textOf(ls)),
        role: 'caption',
        box: [round(b.x0), round(b.top), round(b.x1), round(b.bottom)],
        size: ls[0]!.size,
        font: ls[0]!.font,
        full: false,
      });
    }
    return { lines: [from, out.length] as [number, number], breaks: [], draft: true as const };
  });
  found.push(
    `reading order: ${reading.map((a) => a.place!.zh).join(' → ')} (the city's own article first, then the page's flow: down each column, columns left to right, bands top to bottom)`,
  );
  undecided.push(
    'paragraph breaks are read from indents and short lines: a paragraph with no indent that ends at the column edge cannot be seen',
  );
  return {
    lines: out,
    manifest: {
      seed: seedName,
      note: "DRAFTED by npm run draft from the PDF: line numbers are those of the .lines.json beside it (the page's text in reading order with each line's position). Check every entry marked draft: true, correct it, then remove its draft mark.",
      draft: true,
      pageHeader: headerRange ? { lines: headerRange } : null,
      editionMarker: { lines: marker },
      articles: manifestArticles,
      captions,
    },
    found,
    undecided,
  };
}

/**
 * The page header: the outermost strip at the top (else the bottom) of display type apart from
 * every article, not only the marker, naming no county and no headline's 县名： (a row of
 * headlines over their columns is no header). A strip of small type at the foot is a caption.
 * Null, reported, when neither strip is one: the page prints no header.
 */
function pageHeaderOf(strips: Block[][], found: string[], undecided: string[]): { lines: RoledLine[] } | null {
  const candidates = [strips[0]!, strips.at(-1)!].filter(
    (strip) =>
      strip.some((b) => b.kind !== 'marker') && strip.every((b) => b.kind === 'marker' || b.kind === 'headline' || b.kind === 'deck'),
  );
  const headline = (strip: Block[]) =>
    strip.find((b) => b.kind !== 'marker' && (placeNamedIn(textOf(b.lines)) || /：/.test(textOf(b.lines))));
  const headerStrip = candidates.find((strip) => !headline(strip));
  for (const strip of candidates.filter((s) => s !== headerStrip))
    undecided.push(
      `${region(boxOf(strip.flatMap((b) => b.lines)))}: display type apart from the articles (${quote(textOf(headline(strip)!.lines))}) names a place or a headline's colon: read as a headline, not the page header; confirm`,
    );
  if (!headerStrip) {
    found.push(
      `page header: none (neither the top strip ${quote(strips[0]!.map((b) => textOf(b.lines)).join(' '))} nor the bottom one is display type apart from the articles)`,
    );
    return null;
  }
  const headerBlocks = headerStrip.filter((b) => b.kind !== 'marker');
  for (const b of headerBlocks) b.kind = 'header';
  const lines = headerBlocks.flatMap((b) => b.lines).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  if (lines.some((l) => letterSpaced(l.text)))
    undecided.push(
      `${region(boxOf(lines))}: the page header is letter-spaced; its word spaces cannot be told from the tracking, so it is written without any (${quote(dropLayoutSpaces(lines.map((l) => l.text).join('')), 40)}): add the spaces it prints`,
    );
  found.push(
    `page header: ${quote(lines.map((h) => h.text).join(' '), 40)} at ${region(boxOf(lines))} (the ${headerStrip === strips[0] ? 'top' : 'bottom'} strip of the page, apart from every article${headerStrip.some((b) => b.kind === 'marker') ? ', beside the edition marker' : ''})`,
  );
  return { lines };
}
