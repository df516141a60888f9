/**
 * One drafted page at the desk: its status and release check, what the draft could not decide,
 * the source lines beside their restored text with the split marked, every figure with where
 * each field came from, and the chapters as the story will show them. Every action is a plain
 * HTML form (it works without the script); src/desk/assets/desk.js adds the keys and keeps focus.
 */
import { CITY, COUNTIES } from '../../geo/divisions.ts';
import { fill, strings } from '../../i18n/strings.ts';
import { escapeMarkup as h } from '../../render/escape.ts';
import { restoreLine } from '../../pipeline/restore-line.ts';
import { seriesNumber, circled } from '../../schema/edition.ts';
import type { Metric } from '../../schema/metrics.ts';
import type { ReleaseBlocker } from '../../data/load.ts';
import { markFigures } from '../../story/mark-figures.ts';
import type { Lang } from '../../i18n/lang.ts';
import { placeName } from '../../views/places.ts';
import { TOPIC_NAMES } from '../actions.ts';
import { rolesOf, type Role } from '../line-roles.ts';
import { viewsDrawing } from '../map-views.ts';
import { pagePaths, type PageState } from '../page-state.ts';
import type { ReleaseCheck } from '../release.ts';
import { langField, langQuery, otherLanguageLink } from './lang.ts';

type S = ReturnType<typeof strings>['desk'];

export interface PageViewInput {
  state: PageState;
  lang: Lang;
  undoLabel: string | null;
  release: ReleaseCheck | null;
  /** Page ①'s figures by id: the anchors of the series' maps. */
  firstPage: Map<string, Metric>;
}

const opt = (value: string, label: string, selected: boolean) =>
  `<option value="${h(value)}"${selected ? ' selected' : ''}>${h(label)}</option>`;
const kbd = (key: string) => ` <kbd>${h(key)}</kbd>`;

/** The hidden fields every form carries: which page version it was made on, where focus goes after. */
const hidden = (state: PageState, focus: string, extra: Record<string, string> = {}) =>
  [
    `<input type="hidden" name="version" value="${state.version}">`,
    `<input type="hidden" name="focus" value="${h(focus)}">`,
    ...Object.entries(extra).map(([k, v]) => `<input type="hidden" name="${k}" value="${h(v)}">`),
  ].join('');

function form(state: PageState, lang: Lang, focus: string, inner: string, extra: Record<string, string> = {}, cls = 'inline'): string {
  return `<form method="post" action="/page/${state.name}${langQuery(lang)}" class="${cls}">${hidden(state, focus, extra)}${inner}</form>`;
}

const regionOptions = (lang: Lang, selected: string | null) =>
  [CITY.code, ...COUNTIES.map((c) => c.code)].map((c) => opt(c, placeName(c, lang), c === selected)).join('');

function statusSection(v: PageViewInput, s: S): string {
  const { state, lang, release } = v;
  const m = state.built.manifest;
  const counts = {
    articles: String(m.articles.filter((a) => a.draft).length),
    captions: String(m.captions.filter((c) => c.draft).length),
    figures: String(
      state.built.notes.figures.filter((f) => f.draft).length + (state.built.notes.notFigures ?? []).filter((f) => f.draft).length,
    ),
    chapters: String(state.built.chapters.filter((c) => c.fm.draft).length),
  };
  const left = Object.values(counts).some((n) => n !== '0');
  const undo = form(
    state,
    lang,
    'status',
    `<button type="submit" name="action" value="undo" aria-keyshortcuts="Control+Z U"${v.undoLabel ? '' : ' disabled'}>${h(s.undo)}${v.undoLabel ? h(fill(s.undoWhat, { label: v.undoLabel })) : ''}${kbd('U')}</button>`,
  );
  const check = `<form method="get" action="/page/${state.name}" class="inline">${langField(lang)}<input type="hidden" name="release" value="1"><button type="submit" id="check-release" aria-keyshortcuts="Shift+R">${h(s.checkRelease)}${kbd('⇧R')}</button></form>`;
  return `<section id="status" aria-labelledby="status-h" tabindex="-1">
<h2 id="status-h">${h(s.statusHeading)}</h2>
<p>${h(left ? fill(s.draftsLeft, counts) : s.noDraftsLeft)}</p>
<div class="toolbar">${undo}${check}</div>
${release ? releaseResult(v, s, release) : ''}
</section>`;
}

/** Where a blocker's row is on this page (or on another page of the desk). */
function blockerHref(v: PageViewInput, b: ReleaseBlocker): string {
  const { state } = v;
  const page = b.file.match(/^seeds\/(.+)\.(?:manifest|figures)\.json$/)?.[1] ?? b.file.split('/').at(-2);
  const base = page === state.name ? '' : `/page/${page}`;
  const m = state.built.manifest;
  if (b.entry.startsWith('figure:')) return `${base}#fig-${b.entry.slice(7)}`;
  if (b.entry === 'chapter') return `${base}#ch-${b.file.split('/').at(-1)!.replace(/\.md$/, '')}`;
  const article = b.entry.match(/^articles\.(.+)$/)?.[1];
  if (article && !base) return `#L${m.articles.find((a) => a.id === article)?.body[0] ?? ''}`;
  const caption = b.entry.match(/^captions\.(\d+)$/)?.[1];
  if (caption && !base) return `#L${m.captions[Number(caption)]?.lines[0] ?? ''}`;
  return `${base}#source`;
}

function releaseResult(v: PageViewInput, s: S, r: ReleaseCheck): string {
  if (!r.blockers.length && !r.errors.length) return `<p id="release-result" class="ok" tabindex="-1">${h(s.releaseOk)}</p>`;
  return `<div id="release-result" tabindex="-1">
${r.blockers.length ? `<p>${h(fill(s.releaseBlocked, { n: String(r.blockers.length) }))}</p><ul>${r.blockers.map((b) => `<li><a href="${blockerHref(v, b)}">${h(b.file)}: ${h(b.message)}</a></li>`).join('')}</ul>` : ''}
${r.errors.length ? `<p>${h(s.releaseErrors)}</p><ul>${r.errors.map((e) => `<li>${h(e.message)}</li>`).join('')}</ul>` : ''}
</div>`;
}

function findingsSection(v: PageViewInput, s: S): string {
  const item = (d: PageState['findings']['found'][number]) =>
    `<li>${d.lines ? `<a href="#L${d.lines[0]}">${h(fill(s.toLines, { lines: d.lines[0] === d.lines[1] ? String(d.lines[0]) : `${d.lines[0]}–${d.lines[1]}` }))}</a>: ` : ''}${h(d.message)}</li>`;
  const { found, undecided } = v.state.findings;
  return `<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">${h(s.findingsHeading)}</h2>
<h3>${h(s.undecidedHeading)}</h3>
<ul class="undecided">${undecided.map(item).join('')}</ul>
<details><summary>${h(s.foundHeading)} (${found.length})</summary><ul>${found.map(item).join('')}</ul></details>
</section>`;
}

function roleText(s: S, role: Role | undefined, paragraphAt: Map<number, string>, line: number): string {
  if (!role) return '';
  switch (role.kind) {
    case 'header':
      return s.roleHeader;
    case 'marker':
      return s.roleMarker;
    case 'headline':
      return fill(s.roleHeadline, { article: role.article });
    case 'deck':
      return fill(s.roleDeck, { article: role.article });
    case 'body':
      return fill(s.roleBody, { paragraph: paragraphAt.get(line) ?? role.article });
    case 'caption':
      return s.roleCaption;
  }
}

function sourceSection(v: PageViewInput, s: S): string {
  const { state, lang } = v;
  const { edition } = state.built;
  const m = state.built.manifest;
  const roles = rolesOf(m, state.lines);
  const paragraphAt = new Map<number, string>();
  const ends = new Set<number>();
  for (const a of edition.articles)
    for (const p of a.paragraphs) {
      for (let n = p.lines[0]; n <= p.lines[1]; n++) paragraphAt.set(n, p.id);
      ends.add(p.lines[1]);
    }
  const undecided = new Set<number>();
  for (const d of state.findings.undecided) if (d.lines) for (let n = d.lines[0]; n <= d.lines[1]; n++) undecided.add(n);
  // The first line of each manifest entry carries its draft mark.
  const entryMark = new Map<number, boolean>();
  for (const a of m.articles) entryMark.set(Math.min(a.body[0], a.deck?.[0] ?? Infinity), !!a.draft);
  for (const c of m.captions) entryMark.set(c.lines[0], !!c.draft);
  const focusLine = [...roles.keys()].sort((a, b) => a - b)[0] ?? 1;
  const rows = state.lines
    .map((raw, i) => {
      const n = i + 1;
      if (!raw.trim()) return '';
      const role = roles.get(n);
      const marks = [
        ...(role?.kind === 'body' && ends.has(n) ? [`<span class="badge end">¶ ${h(s.paragraphEnd)}</span>`] : []),
        ...(entryMark.has(n)
          ? [`<span class="badge ${entryMark.get(n) ? 'draft' : 'done'}">${h(entryMark.get(n) ? s.draftMark : s.confirmedMark)}</span>`]
          : []),
        ...(undecided.has(n) ? [`<span class="badge undecided">${h(s.undecidedMark)}</span>`] : []),
      ];
      return `<tr id="L${n}" data-line="${n}" tabindex="${n === focusLine ? 0 : -1}" class="role-${role?.kind ?? 'none'}${undecided.has(n) ? ' is-undecided' : ''}">
<th scope="row">${n}</th><td class="role">${h(roleText(s, role, paragraphAt, n))} ${marks.join(' ')}</td><td class="raw" lang="zh-CN">${h(raw)}</td><td lang="zh-CN">${h(restoreLine(raw, n).text)}</td></tr>`;
    })
    .join('');
  const button = (action: string, label: string, key: string) =>
    `<button type="submit" name="action" value="${action}" aria-keyshortcuts="${key}">${h(label)}${kbd(key)}</button>`;
  const tools = `<form method="post" action="/page/${state.name}${langQuery(lang)}" id="line-tools" class="tools" aria-label="${h(s.lineTools)}">
${hidden(state, `L${focusLine}`)}
<label>${h(s.lineField)} <input type="number" name="line" id="line-field" min="1" max="${state.lines.length}" value="${focusLine}" required></label>
<label>${h(s.regionField)} <select name="region" id="region-field">${regionOptions(lang, null)}</select></label>
<div class="toolbar">${button('headline', s.markHeadline, 'H')}${button('caption', s.markCaption, 'C')}${button('body', s.markBody, 'B')}${button('paragraph-end', s.toggleParagraphEnd, 'P')}${button('split', s.splitArticle, 'S')}${button('join', s.joinArticle, 'J')}${button('place', s.setPlace, 'G')}${button('confirm-entry', s.confirmEntry, 'A')}${button('confirm-entries', s.confirmEntries, 'Shift+A')}</div>
</form>`;
  return `<section id="source" aria-labelledby="source-h">
<h2 id="source-h">${h(s.sourceHeading)}</h2>
<p>${h(s.sourceIntro)}</p>
${tools}
<div class="scroll"><table class="lines" data-group="source" aria-labelledby="source-h">
<thead><tr><th scope="col">${h(s.lineCol)}</th><th scope="col">${h(s.roleCol)}</th><th scope="col">${h(s.rawCol)}</th><th scope="col">${h(s.restoredCol)}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
</section>`;
}

/** The clause with the figure's own printing marked. */
function clause(m: Metric): string {
  const at = m.quote.indexOf(m.raw);
  if (at < 0) return h(m.quote);
  return `${h(m.quote.slice(0, at))}<mark>${h(m.raw)}</mark>${h(m.quote.slice(at + m.raw.length))}`;
}

function figureRow(v: PageViewInput, s: S, m: Metric, first: boolean): string {
  const { state, lang } = v;
  const d = strings(lang).dataPage;
  const note = state.raw.notes.figures.find((f) => f.id === m.id)!;
  const src = (field: string) =>
    `<span class="src${m.overridden.includes(field) ? ' note' : ''}">${h(m.overridden.includes(field) ? s.fromNote : s.fromText)}</span>`;
  const unitName = (u: string) => (d.units as Record<string, string>)[u] ?? u;
  const topicName = (t: string) => (d.topics as Record<string, string>)[t] ?? t;
  const value = `${m.range ? `${m.range.low}–${m.range.high}` : (m.value ?? '')} ${h(unitName(m.unit))}${m.counted ? ` (${h(m.counted.zh)}${m.counted.en ? ` / ${h(m.counted.en)}` : ''})` : ''}${m.qualifier ? ` · ${h((d.q as Record<string, string>)[m.qualifier] ?? m.qualifier)}` : ''} ${src('unit')}`;
  const basis = m.basis ? [m.basis.per, m.basis.every].filter(Boolean).join(' / ') || '—' : '—';
  const views = viewsDrawing(m, state.name, state.built.metrics.metrics, v.firstPage);
  const focus = `fig-${m.id}`;
  const select = (name: string, label: string, options: string) => `<label>${h(label)} <select name="${name}">${options}</select></label>`;
  const text = (name: string, label: string, value: string) =>
    `<label>${h(label)} <input type="text" name="${name}" value="${h(value)}"></label>`;
  const edit = `<details class="edit"><summary aria-keyshortcuts="E">${h(s.edit)}${kbd('E')}<span class="sr-only"> ${h(m.id)}</span></summary>
${form(
  state,
  lang,
  focus,
  `<fieldset><legend>${h(fill(s.editFigure, { id: m.id }))}</legend>
${select('unit', s.unitField, ['percent', 'pp', 'people', 'households', 'mu', 'yuan', 'MW', 'count'].map((u) => opt(u, `${unitName(u)} (${u})`, u === m.unit)).join(''))}
${select('region', s.regionField, regionOptions(lang, m.region))}
${select('topic', s.topicField, TOPIC_NAMES.map((t) => opt(t, `${topicName(t)} (${t})`, t === m.topic)).join(''))}
${text('period', s.periodField, note.period === null ? '-' : (note.period ?? ''))}
${text('labelZh', s.labelZhField, note.label.zh ?? '')}
${text('labelEn', s.labelEnField, m.label.en)}
${text('countedZh', s.countedZhField, note.counted?.zh ?? '')}
${text('countedEn', s.countedEnField, note.counted?.en ?? '')}
${select('basisPer', s.basisPerField, [opt('', s.none, !m.basis?.per), opt('person', s.perPerson, m.basis?.per === 'person'), opt('household', s.perHousehold, m.basis?.per === 'household'), opt('village', s.perVillage, m.basis?.per === 'village')].join(''))}
${select('basisEvery', s.basisEveryField, [opt('', s.none, !m.basis?.every), opt('month', s.everyMonth, m.basis?.every === 'month'), opt('year', s.everyYear, m.basis?.every === 'year')].join(''))}
<button type="submit" name="action" value="figure">${h(s.save)}</button></fieldset>`,
  { id: m.id },
  'edit-form',
)}</details>`;
  const actions = [
    edit,
    form(
      state,
      lang,
      focus,
      `<button type="submit" name="action" value="not-figure" aria-keyshortcuts="N">${h(s.notFigure)}${kbd('N')}<span class="sr-only"> ${h(m.raw)}</span></button>`,
      { id: m.id },
    ),
    m.draft
      ? form(
          state,
          lang,
          focus,
          `<button type="submit" name="action" value="confirm-figure" aria-keyshortcuts="A">${h(s.confirm)}${kbd('A')}<span class="sr-only"> ${h(m.id)}</span></button>`,
          { id: m.id },
        )
      : '',
  ].join('');
  return `<tr id="${focus}" data-figure="${h(m.id)}" tabindex="${first ? 0 : -1}" class="${m.draft ? 'is-draft' : 'is-done'}">
<th scope="row">${h(m.id)}</th><td lang="zh-CN">${clause(m)}</td><td>${value}</td><td>${h(placeName(m.region, lang))} ${src('region')}</td>
<td>${h(topicName(m.topic))} ${src('topic')}</td><td>${h(basis)} ${src('basis')}</td><td lang="zh-CN">${h(m.period ?? '—')} ${src('period')}</td>
<td lang="zh-CN">${h(m.label.zh)} ${src('label.zh')}</td><td lang="en">${h(m.label.en)}</td><td>${views.length ? h(views.join(', ')) : h(s.noViews)}</td>
<td><span class="badge ${m.draft ? 'draft' : 'done'}">${h(m.draft ? s.draftMark : s.confirmedMark)}</span></td><td class="actions">${actions}</td></tr>`;
}

function figuresSection(v: PageViewInput, s: S): string {
  const { state, lang } = v;
  const { metrics } = state.built;
  const undecidedNotes = state.raw.notes.figures.filter((f) => f.undecided?.length);
  const confirmAll = form(
    state,
    lang,
    'figures',
    `<button type="submit" name="action" value="confirm-figures" aria-keyshortcuts="Shift+A">${h(s.confirmFigures)}${kbd('⇧A')}</button>`,
  );
  return `<section id="figures" aria-labelledby="figures-h" tabindex="-1">
<h2 id="figures-h">${h(s.figuresHeading)}</h2>
<p>${h(fill(s.figuresIntro, { file: pagePaths(state.name).notes }))}</p>
<div class="toolbar">${confirmAll}</div>
<div class="scroll"><table class="figures" data-group="figures" aria-labelledby="figures-h">
<thead><tr><th scope="col">${h(s.idCol)}</th><th scope="col">${h(s.clauseCol)}</th><th scope="col">${h(s.valueCol)}</th><th scope="col">${h(s.regionCol)}</th><th scope="col">${h(s.topicCol)}</th><th scope="col">${h(s.basisCol)}</th><th scope="col">${h(s.periodCol)}</th><th scope="col">${h(s.labelZhCol)}</th><th scope="col">${h(s.labelEnCol)}</th><th scope="col">${h(s.viewsCol)}</th><th scope="col">${h(s.stateCol)}</th><th scope="col"><span class="sr-only">${h(s.edit)}</span></th></tr></thead>
<tbody>${metrics.metrics.map((m, i) => figureRow(v, s, m, i === 0)).join('')}</tbody></table></div>
${
  metrics.unreadable.length || undecidedNotes.length
    ? `<h3>${h(s.keptOutHeading)}</h3><ul>${metrics.unreadable.map((u) => `<li lang="zh-CN">${h(u.paragraph)}: ${h(u.quote)} — <span lang="en">${h(u.why)}</span></li>`).join('')}</ul>`
    : ''
}
${
  (state.raw.notes.notFigures ?? []).length
    ? `<h3>${h(s.notFiguresHeading)}</h3><ul>${state.raw.notes.notFigures!.map((n) => `<li>${h(n.paragraph)}: <span lang="zh-CN">${h(n.raw)}</span> — ${h(n.why)}</li>`).join('')}</ul>`
    : ''
}
</section>`;
}

function chaptersSection(v: PageViewInput, s: S): string {
  const { state, lang } = v;
  const { story, chapters, metrics } = state.built;
  const marked = (id: string, text: string) =>
    markFigures(id, text, metrics.metrics, metrics.unreadable)
      .flatMap((sen) => sen.parts)
      .map((p) => (p.metric ? `<mark>${h(p.text)}</mark>` : h(p.text)))
      .join('');
  const confirmAll = form(
    state,
    lang,
    'chapters',
    `<button type="submit" name="action" value="confirm-chapters" aria-keyshortcuts="Shift+A">${h(s.confirmChapters)}${kbd('⇧A')}</button>`,
  );
  const body = story
    .map((ch, i) => {
      const file = chapters.find((c) => c.fm.id === ch.id)!.path;
      const key = `ch-${file.split('/').at(-1)!.replace(/\.md$/, '')}`;
      const steps = ch.steps
        .map((st) => {
          const c = st.content;
          if (c.kind === 'headline') return `<h4 lang="zh-CN">${h(c.text ?? `${c.place}${s.noHeadline}`)}</h4>`;
          if (c.kind === 'deck') return `<p class="deck" lang="zh-CN">${marked(c.id, c.text)}</p>`;
          if (c.kind === 'paragraph') return `<p lang="zh-CN">${marked(c.id, c.text)}</p>`;
          if (c.kind === 'lead') return `<p class="lead" lang="zh-CN">${h(c.text)}</p>`;
          if (c.kind === 'captions') return c.captions.map((x) => `<p class="caption" lang="zh-CN">${marked(x.id, x.text)}</p>`).join('');
          return '';
        })
        .join('');
      const confirm = ch.draft
        ? form(
            state,
            lang,
            key,
            `<button type="submit" name="action" value="confirm-chapter" aria-keyshortcuts="A">${h(s.confirmChapter)}${kbd('A')}</button>`,
            { file },
          )
        : '';
      return `<article id="${key}" data-chapter="${h(file)}" tabindex="${i === 0 ? 0 : -1}" class="chapter ${ch.draft ? 'is-draft' : 'is-done'}" aria-labelledby="${key}-h">
<p class="kicker" lang="zh-CN">${h(ch.kicker)} <span class="badge ${ch.draft ? 'draft' : 'done'}">${h(ch.draft ? s.draftMark : s.confirmedMark)}</span></p>
<h3 id="${key}-h" lang="zh-CN">${h(ch.title)}</h3><p class="file">${h(file)}</p>${steps}${confirm}</article>`;
    })
    .join('');
  return `<section id="chapters" aria-labelledby="chapters-h" tabindex="-1" data-group="chapters">
<h2 id="chapters-h">${h(s.chaptersHeading)}</h2>
<div class="toolbar">${confirmAll}</div>
${body}
</section>`;
}

export function pageView(v: PageViewInput): { title: string; main: string } {
  const { state, lang } = v;
  const s = strings(lang).desk;
  const number = seriesNumber(state.built.edition.editionMarker.text);
  const title = `${state.name}${number ? ` · ${circled(number)}` : ''} — ${s.title}`;
  const main = `<nav class="crumbs"><a href="/${langQuery(lang)}">${h(s.backToPages)}</a> · ${otherLanguageLink(`/page/${state.name}`, lang)}</nav>
<h1>${h(title)}</h1>
${statusSection(v, s)}
<details id="help"><summary>${h(s.shortcutsHeading)} <kbd>?</kbd></summary><ul>${s.shortcuts.map((x) => `<li>${h(x)}</li>`).join('')}</ul></details>
${findingsSection(v, s)}
<div class="columns">${sourceSection(v, s)}${chaptersSection(v, s)}</div>
${figuresSection(v, s)}`;
  return { title, main };
}
