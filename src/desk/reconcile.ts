/**
 * After the split changes, the figure notes and chapters follow the text: a note or chapter item
 * names a paragraph by id (`lishi-p2`), and ids change when lines move between articles and
 * paragraphs. Every figure is found again by where it is printed in the seed (line and offset,
 * which no manifest changes), so a note keeps everything the editor wrote; figures newly in the
 * text get draft notes as `npm run draft` would write them, and those no longer in it (a line now
 * a headline) are dropped and reported.
 */
import type { Edition } from '../schema/edition.ts';
import { deriveFigures, type DerivedFigure } from '../pipeline/extract/derive.ts';
import { draftFigures } from '../pipeline/draft/draft-figures.ts';
import type { FigureNote, FiguresFile } from '../pipeline/extract/figures-file.ts';
import { joinLines, restoreLine } from '../pipeline/restore-line.ts';
import type { ChapterFrontmatter, ChapterItem } from '../story/chapter-schema.ts';

/** Where each text of the edition begins in the seed: per line of it, the offset its restored text starts at. */
function lineStarts(edition: Edition, seedLines: string[]): Map<string, Array<{ line: number; offset: number }>> {
  const out = new Map<string, Array<{ line: number; offset: number }>>();
  const ofRange = (id: string, [from, to]: [number, number]) => {
    const starts: Array<{ line: number; offset: number }> = [];
    let acc = '';
    for (let n = from; n <= to; n++) {
      if (!seedLines[n - 1]?.trim()) continue;
      const t = restoreLine(seedLines[n - 1]!, n).text;
      const joined = joinLines([acc, t].filter(Boolean));
      starts.push({ line: n, offset: joined.length - t.length });
      acc = joined;
    }
    out.set(id, starts);
  };
  for (const a of edition.articles) {
    if (a.deck) ofRange(a.deck.id, a.deck.lines);
    for (const p of a.paragraphs) ofRange(p.id, p.lines);
  }
  for (const c of edition.captions) {
    const row = restoreLine(seedLines[c.line - 1]!, c.line).text;
    out.set(c.id, [{ line: c.line, offset: -Math.max(0, row.indexOf(c.text)) }]);
  }
  return out;
}

/** A figure's place in the seed: `line:offset`, the same whatever manifest the edition was built with. */
function anchorer(edition: Edition, seedLines: string[]): (paragraph: string, start: number) => string | null {
  const starts = lineStarts(edition, seedLines);
  return (paragraph, start) => {
    const ls = starts.get(paragraph);
    if (!ls) return null;
    const at = [...ls].reverse().find((l) => l.offset <= start) ?? ls[0]!;
    return `${at.line}:${start - at.offset}`;
  };
}

const figureKey = (paragraph: string, raw: string, nth: number) => `${paragraph}|${raw}|${nth}`;

/** Derived figures by paragraph, raw and occurrence; and by seed anchor. */
function indexFigures(edition: Edition, seedLines: string[]) {
  const anchor = anchorer(edition, seedLines);
  const derived = deriveFigures(edition);
  const byKey = new Map<string, DerivedFigure & { anchor: string | null }>();
  const byAnchor = new Map<string, DerivedFigure>();
  for (const d of derived) {
    const a = anchor(d.paragraph, d.start);
    byKey.set(figureKey(d.paragraph, d.raw, d.nth), { ...d, anchor: a });
    if (a) byAnchor.set(a, d);
  }
  return { derived, byKey, byAnchor };
}

export interface Reconciled {
  notes: FiguresFile;
  /** What changed for the editor to read: figures dropped (no longer printed in a text), figures added as drafts. */
  report: string[];
  /** Old paragraph, deck or caption id → the new ids holding its lines (for chapter items). */
  textMap: Map<string, string[]>;
}

/** Ids drafted by `npm run draft` (`lishi-p2-f1`): renamed with their paragraph while unconfirmed. */
const DRAFTED_ID = /^[a-z]+-(?:p\d+|deck)-f\d+$/;

/** The figure notes for a new edition of the same seed, every note the editor wrote kept where its figure is still printed. */
export function reconcileNotes(
  oldEdition: Edition,
  newEdition: Edition,
  seedText: string,
  seedName: string,
  notes: FiguresFile,
  referenced: Set<string>,
): Reconciled {
  const lines = seedText.split('\n');
  const old = indexFigures(oldEdition, lines);
  const now = indexFigures(newEdition, lines);
  const oldDrafts = new Map(draftFigures(oldEdition, seedName).file.figures.map((f) => [figureKey(f.paragraph, f.raw, f.nth ?? 1), f]));
  const newDrafts = draftFigures(newEdition, seedName).file.figures;
  const report: string[] = [];
  const placed = new Map<string, FigureNote>();
  const renamed = new Map<string, string>();
  const moveTo = (paragraph: string, raw: string, nth: number) => {
    const d = old.byKey.get(figureKey(paragraph, raw, nth));
    const target = d?.anchor ? now.byAnchor.get(d.anchor) : undefined;
    return target && target.raw === raw ? target : null;
  };
  for (const n of notes.figures) {
    const target = moveTo(n.paragraph, n.raw, n.nth ?? 1);
    if (!target) {
      report.push(`${n.id} "${n.raw}" is no longer in a paragraph, figures block or caption: its note was removed`);
      continue;
    }
    const key = figureKey(target.paragraph, target.raw, target.nth);
    const drafted = newDrafts.find((f) => figureKey(f.paragraph, f.raw, f.nth ?? 1) === key);
    const wasDrafted = oldDrafts.get(figureKey(n.paragraph, n.raw, n.nth ?? 1));
    const next: FigureNote = { ...n, paragraph: target.paragraph };
    if (target.nth > 1) next.nth = target.nth;
    else delete next.nth;
    if (n.draft && DRAFTED_ID.test(n.id) && drafted && !referenced.has(n.id)) next.id = drafted.id;
    renamed.set(n.id, next.id);
    if (drafted && wasDrafted && n.label.en === wasDrafted.label.en) next.label = { ...n.label, en: drafted.label.en };
    placed.set(key, next);
  }
  const notFigures = (notes.notFigures ?? []).flatMap((nf) => {
    const target = moveTo(nf.paragraph, nf.raw, 1);
    if (!target) {
      report.push(`"${nf.raw}" (not a figure) is no longer in ${nf.paragraph}: its entry was removed`);
      return [];
    }
    return [{ ...nf, paragraph: target.paragraph }];
  });
  for (const f of newDrafts) {
    const key = figureKey(f.paragraph, f.raw, f.nth ?? 1);
    // An editor's "not a figure" stays one wherever its line now belongs.
    if (placed.has(key) || notFigures.some((nf) => nf.paragraph === f.paragraph && nf.raw === f.raw)) continue;
    report.push(`"${f.raw}" in ${f.paragraph} is newly in the text: drafted as ${f.id}`);
    placed.set(key, f as FigureNote);
  }
  // Text order, as the draft writes them; two notes never share an id.
  const order = new Map(now.derived.map((d, i) => [figureKey(d.paragraph, d.raw, d.nth), i]));
  const figures = [...placed.entries()].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map(([, n]) => n);
  const seen = new Set<string>();
  for (const f of figures) {
    let id = f.id;
    for (let k = 2; seen.has(id); k++) id = `${f.id}-${k}`;
    for (const [from, to] of renamed) if (to === f.id && id !== f.id) renamed.set(from, id);
    f.id = id;
    seen.add(id);
  }
  // Links between figures follow renamed ids.
  for (const f of figures) {
    if (f.restates) f.restates = renamed.get(f.restates) ?? f.restates;
    if (f.partOf) f.partOf = renamed.get(f.partOf) ?? f.partOf;
  }
  return {
    notes: { ...notes, figures, ...(notes.notFigures ? { notFigures } : {}) },
    report,
    textMap: textMap(oldEdition, newEdition),
  };
}

/** Old text id → new text ids sharing its seed lines, in order. */
function textMap(oldEdition: Edition, newEdition: Edition): Map<string, string[]> {
  const spans = (e: Edition) => [
    ...e.articles.flatMap((a) => [
      ...(a.deck ? [{ id: a.deck.id, lines: a.deck.lines }] : []),
      ...a.paragraphs.map((p) => ({ id: p.id, lines: p.lines })),
    ]),
    ...e.captions.map((c) => ({ id: c.id, lines: [c.line, c.line] as [number, number], text: c.text })),
  ];
  const now = spans(newEdition);
  const out = new Map<string, string[]>();
  for (const o of spans(oldEdition)) {
    const isCaption = o.id.startsWith('cap-');
    const caption = isCaption ? oldEdition.captions.find((c) => c.id === o.id) : undefined;
    out.set(
      o.id,
      now
        .filter((x) => x.id.startsWith('cap-') === isCaption && x.lines[0] <= o.lines[1] && o.lines[0] <= x.lines[1])
        .filter((x) => !isCaption || newEdition.captions.find((c) => c.id === x.id)?.text === caption?.text)
        .map((x) => x.id),
    );
  }
  return out;
}

const itemText = (item: ChapterItem): string | null => ('paragraph' in item ? item.paragraph : 'caption' in item ? item.caption : null);

/**
 * A chapter's items after the split changed: each paragraph or caption item becomes the texts now
 * on its lines (the first keeps its map settings), texts now of another article leave it, and
 * every paragraph of its article not placed elsewhere is put in order. Null when its article is gone.
 */
export function reconcileItems(
  chapter: ChapterFrontmatter,
  edition: Edition,
  map: Map<string, string[]>,
  article: string = chapter.article,
): ChapterItem[] | null {
  const a = edition.articles.find((x) => x.id === article);
  if (!a) return null;
  const mine = new Set([...a.paragraphs.map((p) => p.id), ...edition.captions.map((c) => c.id)]);
  const items: ChapterItem[] = [];
  const used = new Set<string>();
  for (const item of chapter.items) {
    const id = itemText(item);
    if ('deck' in item && !a.deck) continue;
    if (id === null) {
      items.push(item);
      continue;
    }
    const kind = 'paragraph' in item ? 'paragraph' : 'caption';
    const { [kind as 'paragraph']: _drop, ...settings } = item as Record<string, unknown> & { paragraph: string };
    (map.get(id) ?? [id])
      .filter((x) => mine.has(x) && !used.has(x))
      .forEach((x, i) => {
        used.add(x);
        items.push((i === 0 ? { [kind]: x, ...settings } : { [kind]: x }) as ChapterItem);
      });
  }
  // Paragraphs of the article no item names yet, each after the paragraph before it.
  a.paragraphs.forEach((p, i) => {
    if (used.has(p.id)) return;
    const prev = a.paragraphs[i - 1]?.id;
    const at = prev ? items.findIndex((it) => itemText(it) === prev) + 1 : items.findIndex((it) => 'headline' in it || 'deck' in it) + 1;
    items.splice(at > 0 ? at : items.length, 0, { paragraph: p.id });
    used.add(p.id);
  });
  if (a.deck && !items.some((it) => 'deck' in it)) items.splice(items.findIndex((it) => 'headline' in it) + 1, 0, { deck: true });
  return items;
}
