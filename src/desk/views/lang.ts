/** The desk's language in its URLs: Chinese by default, `?lang=en` for English. */
import { strings } from '../../i18n/strings.ts';
import { escapeMarkup } from '../../render/escape.ts';
import type { Lang } from '../../i18n/lang.ts';

const QUERY: Record<Lang, string> = { zh: '', en: '?lang=en' };
const OTHER: Record<Lang, Lang> = { zh: 'en', en: 'zh' };

/** The query that keeps a link in `lang`. */
export const langQuery = (lang: Lang): string => QUERY[lang];
/** The hidden field a GET form carries to stay in `lang`. */
export const langField = (lang: Lang): string => (QUERY[lang] ? `<input type="hidden" name="lang" value="${lang}">` : '');
/** A link to `path` in the other language, with that language's `lang` attribute. */
export function otherLanguageLink(path: string, lang: Lang): string {
  const other = OTHER[lang];
  return `<a href="${path}${QUERY[other]}" lang="${strings(other).ui.htmlLang}">${escapeMarkup(strings(lang).desk.otherLanguage)}</a>`;
}
