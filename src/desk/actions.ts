/**
 * Every correction and confirmation the desk offers, as a change of the page's files: the same
 * JSON and Markdown `npm run draft` wrote (overrides only, keys in the schemas' order, the draft
 * marks removed one by one). Each plan is built whole and checked — the schemas, then restore,
 * derive and the story in memory — before anything is written; a plan that does not build is
 * refused with the pipeline's own message.
 */
import { toJson } from '../pipeline/write-atomic.ts';
import { draftChapters } from '../pipeline/draft/draft-chapters.ts';
import { deriveFigures } from '../pipeline/extract/derive.ts';
import { FigureNote, FiguresFile } from '../pipeline/extract/figures-file.ts';
import { parseManifest, type Manifest } from '../pipeline/manifest.ts';
import { buildEdition } from '../pipeline/edition.ts';
import { parseChapter } from '../story/read-chapters.ts';
import { Basis, Unit } from '../schema/metrics.ts';
import { CITY, COUNTIES } from '../geo/divisions.ts';
import { TOPICS } from '../pipeline/extract/lexicon.ts';
import type { ChapterFrontmatter } from '../story/chapter-schema.ts';
import { confirmChapterText, withItems, withScalar } from './chapter-file.ts';
import { DeskError } from './desk-error.ts';
import { joinArticle, markBody, markCaption, markHeadline, rolesOf, setPlace, splitArticle, toggleParagraphEnd } from './line-roles.ts';
import { buildFiles, pagePaths, type PageFiles, type PageState } from './page-state.ts';
import { reconcileItems, reconcileNotes } from './reconcile.ts';
import type { Change } from './store.ts';

/** A form's fields. */
export type Form = Record<string, string>;

export interface Plan {
  /** What was done, for the editor (and the undo's label). */
  message: string;
  changes: Change[];
  /** Lines for the editor to read: figures dropped or drafted anew by a split. */
  report: string[];
}

/** The topics the text reading knows, and `other`. */
export const TOPIC_NAMES = [...TOPICS.map((t) => t.topic), 'other'];
export const REGION_CODES: string[] = [CITY.code, ...COUNTIES.map((c) => c.code)];

const need = (form: Form, key: string): string => {
  const v = form[key]?.trim();
  if (!v) throw new DeskError('bad-request', `the form has no "${key}"`);
  return v;
};
const lineOf = (form: Form, state: PageState): number => {
  const n = Number(need(form, 'line'));
  if (!Number.isInteger(n) || n < 1 || n > state.lines.length)
    throw new DeskError('value', `line "${form.line}" is not a line of the seed (1–${state.lines.length})`);
  return n;
};

/** Keys of a figure note in the schema's order: a key an edit adds goes where a person would put it. */
const NOTE_KEYS = Object.keys(FigureNote.shape);
const FILE_KEYS = Object.keys(FiguresFile.shape);

/** Sets a key, keeping the file's own order; a new key goes after the last key the schema puts before it. */
function setKey<T extends object>(obj: T, key: string, value: unknown, order: string[] = NOTE_KEYS): T {
  if (key in obj) return { ...obj, [key]: value };
  const rank = order.indexOf(key);
  const entries = Object.entries(obj);
  const before = entries.map(([k]) => order.indexOf(k)).findLastIndex((r) => r >= 0 && r < rank);
  entries.splice(before + 1, 0, [key, value]);
  return Object.fromEntries(entries) as T;
}
function dropKey<T extends object>(obj: T, key: string): T {
  const { [key]: _gone, ...rest } = obj as Record<string, unknown>;
  return rest as T;
}

/** Top-level draft marks go when no entry below is a draft any more. */
function settleManifest(m: Manifest): Manifest {
  const left = m.articles.some((a) => a.draft) || m.captions.some((c) => c.draft);
  return left ? m : dropKey(m, 'draft');
}
function settleNotes(n: FiguresFile): FiguresFile {
  const left = n.figures.some((f) => f.draft) || (n.notFigures ?? []).some((f) => f.draft);
  return left ? n : dropKey(n, 'draft');
}

/** The chapters' `{{metric-id}}` and the notes' links: ids a rename must not touch. */
function referencedIds(files: PageFiles, notes: FiguresFile): Set<string> {
  const out = new Set<string>();
  for (const t of Object.values(files.chapters)) for (const m of t.matchAll(/\{\{([a-z0-9-]+)\}\}/g)) out.add(m[1]!);
  for (const f of notes.figures) for (const x of [f.restates, f.partOf]) if (x) out.add(x);
  return out;
}

/** The edition a manifest makes of the seed, or the split refused with restore's own message. */
function editionOf(state: PageState, manifest: Manifest) {
  const p = pagePaths(state.name);
  try {
    return buildEdition({
      seedText: state.seedText,
      seedFile: `${state.name}.txt`,
      manifest: parseManifest(toJson(manifest), p.manifest),
      manifestFile: p.manifest,
    });
  } catch (e) {
    throw new DeskError('split', (e as Error).message);
  }
}

const changed = (files: PageFiles, path: string, content: string | null): Change[] =>
  (files.chapters[path] ?? (path.endsWith('.md') ? null : undefined)) === content ? [] : [{ path, content }];

/** A manifest change, with the figure notes and chapters following the text (reconcile.ts), checked whole. */
function layoutPlan(state: PageState, manifest: Manifest, message: string, renamed?: { from: string; to: string }): Plan {
  const { name, files, built } = state;
  const paths = pagePaths(name);
  const edition = editionOf(state, manifest);
  const rec = reconcileNotes(built.edition, edition, state.seedText, `${name}.txt`, state.raw.notes, referencedIds(files, built.notes));
  const notes = settleNotes(rec.notes);

  // Chapters: one per article, in the manifest's order; items follow their texts.
  const chapters = new Map<string, string | null>();
  const fms = new Map<string, ChapterFrontmatter>();
  for (const { path, fm } of built.chapters) {
    const article = fm.article === renamed?.from ? renamed.to : fm.article;
    const items = reconcileItems(fm, edition, rec.textMap, article);
    if (!items) {
      chapters.set(path, null);
      continue;
    }
    fms.set(path, { ...fm, id: fm.id === fm.article ? article : fm.id, article, items });
  }
  const drafted = draftChapters(edition);
  edition.articles.forEach((a, i) => {
    if ([...fms.values()].some((fm) => fm.article === a.id)) return;
    const d = drafted[i]!;
    let path = `${paths.chapters}/${d.file}`;
    for (let k = 2; path in files.chapters || fms.has(path); k++) path = `${paths.chapters}/${d.file.replace(/\.md$/, `-${k}.md`)}`;
    fms.set(path, parseChapter(d.text, path));
    chapters.set(path, d.text);
  });
  // Every caption placed once: where its county's chapter is, else in the last chapter.
  const ordered = [...fms.entries()].sort(
    ([, a], [, b]) => edition.articles.findIndex((x) => x.id === a.article) - edition.articles.findIndex((x) => x.id === b.article),
  );
  const placed = new Set<string>();
  for (const [, fm] of ordered)
    fm.items = fm.items.filter((it) => !('caption' in it) || (!placed.has(it.caption) && placed.add(it.caption) !== undefined));
  const rest = ordered.some(([, fm]) => fm.items.some((it) => 'captions' in it));
  if (!rest)
    for (const c of edition.captions) {
      if (placed.has(c.id)) continue;
      const home = ordered.find(([, fm]) => edition.articles.find((a) => a.id === fm.article)?.region === c.regions[0]) ?? ordered.at(-1)!;
      home[1].items.push({ caption: c.id });
    }
  const out: Change[] = [];
  ordered.forEach(([path, fm], i) => {
    let text = chapters.get(path) ?? files.chapters[path]!;
    const before = chapters.has(path) ? null : built.chapters.find((c) => c.path === path)!.fm;
    if (fm.order !== i + 1 || (before && before.order !== i + 1)) text = withScalar(text, path, 'order', i + 1);
    if (!before || JSON.stringify(before.items) !== JSON.stringify(fm.items)) text = withItems(text, path, fm.items);
    if (before && fm.article !== before.article) text = withScalar(withScalar(text, path, 'article', fm.article), path, 'id', fm.id);
    // The file's number is its place in the story, as the draft names them (01-jiaokou.md, 02-lishi.md).
    const named = path.replace(/\/\d+-([^/]+)$/, (_m, rest: string) => `/${String(i + 1).padStart(2, '0')}-${rest}`);
    if (named !== path && !(named in files.chapters && chapters.get(named) !== null)) {
      if (path in files.chapters) out.push({ path, content: null });
      out.push({ path: named, content: text });
    } else out.push(...changed(files, path, text));
  });
  for (const [path, text] of chapters) if (text === null) out.push({ path, content: null });

  const next: PageFiles = {
    manifest: toJson(manifest),
    notes: toJson(notes),
    chapters: Object.fromEntries(
      [...Object.entries(files.chapters), ...out.filter((c) => c.path.endsWith('.md')).map((c) => [c.path, c.content] as const)].filter(
        (e): e is [string, string] => e[1] !== null,
      ),
    ),
  };
  for (const c of out) if (c.content === null) delete next.chapters[c.path];
  buildFiles(name, state.seedText, next);
  return {
    message,
    report: rec.report,
    changes: [
      ...(next.manifest !== files.manifest ? [{ path: paths.manifest, content: next.manifest }] : []),
      ...(next.notes !== files.notes ? [{ path: paths.notes, content: next.notes }] : []),
      ...out,
    ],
  };
}

/** Whether the width rule already ends a paragraph after this body line (the manifest cannot undo that). */
function endsByWidth(state: PageState, line: number): boolean {
  const m = state.built.manifest;
  return state.built.edition.articles.some(
    (a) => a.paragraphs.some((p) => p.lines[1] === line) && !m.articles.find((x) => x.id === a.id)!.paragraphBreaksAfter.includes(line),
  );
}

/** The manifest entry a line belongs to: an article (body, headline, figures block) or a caption block. */
function entryAt(state: PageState, line: number): { article: string } | { caption: number } {
  const role = rolesOf(state.built.manifest, state.lines).get(line);
  if (role && 'article' in role) return { article: role.article };
  if (role?.kind === 'caption') return { caption: role.block };
  throw new DeskError('value', `line ${line} is the page's header or marker, or holds no text: nothing to confirm`);
}

function manifestPlan(state: PageState, manifest: Manifest, message: string): Plan {
  const next = toJson(settleManifest(manifest));
  buildFiles(state.name, state.seedText, { ...state.files, manifest: next });
  return { message, report: [], changes: [{ path: pagePaths(state.name).manifest, content: next }] };
}

function notesPlan(state: PageState, notes: FiguresFile, message: string): Plan {
  const next = toJson(settleNotes(notes));
  buildFiles(state.name, state.seedText, { ...state.files, notes: next });
  return { message, report: [], changes: [{ path: pagePaths(state.name).notes, content: next }] };
}

function figureNote(state: PageState, id: string): FigureNote {
  const n = state.raw.notes.figures.find((f) => f.id === id);
  if (!n) throw new DeskError('not-found', `no figure "${id}" in ${pagePaths(state.name).notes}`);
  return n;
}

/** The fields an editor sets on a figure, each compared with the text's reading: equal means no override. */
function editFigure(state: PageState, id: string, form: Form): FigureNote {
  let n = figureNote(state, id);
  const d = deriveFigures(state.built.edition).find((x) => x.paragraph === n.paragraph && x.raw === n.raw && x.nth === (n.nth ?? 1));
  const set = (key: string, value: unknown, derived: unknown) => {
    n = JSON.stringify(value) === JSON.stringify(derived) ? dropKey(n, key) : setKey(n, key, value);
  };
  if ('labelEn' in form) n = setKey(n, 'label', { ...n.label, en: need(form, 'labelEn') });
  if ('labelZh' in form) {
    const zh = form.labelZh!.trim();
    const { zh: _old, ...rest } = n.label;
    n = setKey(n, 'label', zh && zh !== d?.label ? { zh, ...rest } : rest);
  }
  if ('unit' in form) {
    const unit = Unit.safeParse(form.unit);
    if (!unit.success) throw new DeskError('value', `unit "${form.unit}" is not one of ${Unit.options.join(', ')}`);
    set('unit', unit.data, d?.unit ?? undefined);
  }
  if ('region' in form) {
    if (!REGION_CODES.includes(form.region!)) throw new DeskError('value', `region "${form.region}" is not 吕梁市 nor one of its counties`);
    set('region', form.region, d?.region ?? undefined);
  }
  if ('topic' in form) {
    if (!TOPIC_NAMES.includes(form.topic!)) throw new DeskError('value', `topic "${form.topic}" is not one of ${TOPIC_NAMES.join(', ')}`);
    set('topic', form.topic, d?.topic);
  }
  if ('period' in form) {
    const p = form.period!.trim();
    set('period', p === '' ? (d?.period ?? null) : p === '-' ? null : p, d?.period ?? null);
  }
  if ('countedZh' in form || 'countedEn' in form) {
    const zh = form.countedZh?.trim() ?? '';
    const en = form.countedEn?.trim() ?? '';
    if (!zh !== !en) throw new DeskError('value', 'a counted thing needs both its Chinese and its English word');
    if (zh) set('counted', { zh, en }, d?.counted);
    else n = dropKey(n, 'counted');
  }
  if ('basisPer' in form || 'basisEvery' in form) {
    const value = form.basisPer || form.basisEvery ? { per: form.basisPer || null, every: form.basisEvery || null } : null;
    if (value && !Basis.safeParse(value).success)
      throw new DeskError('value', `basis "${form.basisPer}/${form.basisEvery}" is not a basis`);
    set('basis', value, d?.basis ?? null);
  }
  // A field the draft could not read and the editor has now named is decided.
  const open = (n.undecided ?? []).filter((f) => !(f in n));
  n = open.length ? setKey(n, 'undecided', open) : dropKey(n, 'undecided');
  const checked = FigureNote.safeParse(n);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new DeskError('value', `${id}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return n;
}

const replaceNote = (notes: FiguresFile, id: string, note: FigureNote | null): FiguresFile => ({
  ...notes,
  figures: notes.figures.flatMap((f) => (f.id === id ? (note ? [note] : []) : [f])),
});

function confirmNote(n: FigureNote): FigureNote {
  if (n.undecided?.length) throw new DeskError('value', `${n.id}: name its ${n.undecided.join(' and ')} before confirming it`);
  return dropKey(dropKey(n, 'draft'), 'undecided');
}

/** The plan for one submitted form. */
export function planAction(state: PageState, form: Form): Plan {
  const { raw } = state;
  const m = raw.manifest;
  const roles = () => rolesOf(m, state.lines);
  switch (need(form, 'action')) {
    case 'headline': {
      const line = lineOf(form, state);
      return layoutPlan(state, markHeadline(m, roles(), line), `line ${line} is now a headline`);
    }
    case 'caption': {
      const line = lineOf(form, state);
      return layoutPlan(state, markCaption(m, roles(), line), `line ${line} is now a caption`);
    }
    case 'body': {
      const line = lineOf(form, state);
      return layoutPlan(state, markBody(m, roles(), line), `line ${line} is now body text`);
    }
    case 'paragraph-end': {
      const line = lineOf(form, state);
      const was = m.articles.some((a) => a.paragraphBreaksAfter.includes(line));
      return layoutPlan(
        state,
        toggleParagraphEnd(m, roles(), line, endsByWidth(state, line)),
        `line ${line} ${was ? 'no longer ends' : 'ends'} a paragraph`,
      );
    }
    case 'split': {
      const line = lineOf(form, state);
      const r = splitArticle(m, roles(), line, need(form, 'region'));
      return layoutPlan(state, r.manifest, `the lines above ${line} are now article ${r.created}`);
    }
    case 'join': {
      const line = lineOf(form, state);
      const r = joinArticle(m, roles(), line);
      return layoutPlan(state, r.manifest, `${r.removed} is joined to ${r.into}`);
    }
    case 'place': {
      const line = lineOf(form, state);
      const r = setPlace(m, roles(), line, need(form, 'region'));
      return layoutPlan(state, r.manifest, `${r.from} is now ${r.to}`, r);
    }
    case 'confirm-entry': {
      const line = lineOf(form, state);
      const entry = entryAt(state, line);
      const next = structuredClone(m);
      const target = 'article' in entry ? next.articles.find((a) => a.id === entry.article)! : next.captions[entry.caption]!;
      if (!target.draft)
        throw new DeskError('value', `${'article' in entry ? entry.article : `caption block ${entry.caption + 1}`} is already confirmed`);
      delete target.draft;
      return manifestPlan(state, next, `${'article' in entry ? `article ${entry.article}` : `caption block at line ${line}`} confirmed`);
    }
    case 'confirm-entries': {
      const next = structuredClone(m);
      for (const e of [...next.articles, ...next.captions]) delete e.draft;
      return manifestPlan(state, next, 'every article and caption block confirmed');
    }
    case 'figure': {
      const id = need(form, 'id');
      return notesPlan(state, replaceNote(raw.notes, id, editFigure(state, id, form)), `figure ${id} saved`);
    }
    case 'not-figure': {
      const n = figureNote(state, need(form, 'id'));
      const why = form.why?.trim() || 'not a quantity (the editor’s decision at the review desk)';
      const notes = setKey(
        replaceNote(raw.notes, n.id, null),
        'notFigures',
        [...(raw.notes.notFigures ?? []), { paragraph: n.paragraph, raw: n.raw, why }],
        FILE_KEYS,
      );
      return notesPlan(state, notes, `"${n.raw}" (${n.id}) is not a figure`);
    }
    case 'confirm-figure': {
      const n = figureNote(state, need(form, 'id'));
      if (!n.draft) throw new DeskError('value', `figure ${n.id} is already confirmed`);
      return notesPlan(state, replaceNote(raw.notes, n.id, confirmNote(n)), `figure ${n.id} confirmed`);
    }
    case 'confirm-figures': {
      const open = raw.notes.figures.filter((f) => f.draft && f.undecided?.length);
      const notes = { ...raw.notes, figures: raw.notes.figures.map((f) => (f.draft && !f.undecided?.length ? confirmNote(f) : f)) };
      const n = raw.notes.figures.filter((f) => f.draft).length - open.length;
      return notesPlan(
        state,
        notes,
        `${n} figure(s) confirmed${open.length ? `; ${open.map((f) => f.id).join(', ')} still need a unit or region` : ''}`,
      );
    }
    case 'confirm-chapter': {
      const path = need(form, 'file');
      const text = state.files.chapters[path];
      if (text === undefined) throw new DeskError('not-found', `no chapter ${path} on this page`);
      const next = confirmChapterText(text, path);
      buildFiles(state.name, state.seedText, { ...state.files, chapters: { ...state.files.chapters, [path]: next } });
      return { message: `chapter ${path.split('/').at(-1)} confirmed`, report: [], changes: [{ path, content: next }] };
    }
    case 'confirm-chapters': {
      const changes = Object.entries(state.files.chapters)
        .filter(([, t]) => /^draft: true$/m.test(t))
        .map(([path, t]) => ({ path, content: confirmChapterText(t, path) }));
      if (!changes.length) throw new DeskError('value', 'every chapter is already confirmed');
      return { message: `${changes.length} chapter(s) confirmed`, report: [], changes };
    }
    default:
      throw new DeskError('bad-request', `unknown action "${form.action}"`);
  }
}
