/** The desk's first page: every page it can open, with whether drafts are left on it. */
import { strings } from '../../i18n/strings.ts';
import { escapeMarkup as h } from '../../render/escape.ts';
import type { Lang } from '../../i18n/lang.ts';
import { langQuery, otherLanguageLink } from './lang.ts';

export function pagesView(pages: Array<{ name: string; drafts: boolean }>, lang: Lang): { title: string; main: string } {
  const s = strings(lang).desk;
  const q = langQuery(lang);
  const list = pages.length
    ? `<ul class="pages">${pages.map((p) => `<li><a href="/page/${h(p.name)}${q}">${h(p.name)}</a> — ${h(p.drafts ? s.hasDrafts : s.allConfirmed)}</li>`).join('')}</ul>`
    : `<p>${h(s.noPages)}</p>`;
  return {
    title: s.title,
    main: `<nav class="crumbs">${otherLanguageLink('/', lang)}</nav>
<h1>${h(s.title)}</h1>
<h2>${h(s.pagesHeading)}</h2>
<p>${h(s.pagesIntro)}</p>
${list}`,
  };
}
