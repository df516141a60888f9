/**
 * The embed page's query parameters, read in the browser from an allow-list. Anything else, or a
 * value outside its list, silently means the default; no value is ever written into the page.
 */
import type { Lang } from '../i18n/lang.ts';

export interface EmbedParams {
  /** Another language's page was asked for (`lang=en` on /embed/…): the page moves there. */
  lang: Lang | null;
  title: boolean;
  source: boolean;
  interactive: boolean;
  theme: 'light' | 'dark';
  /** pym.js's frame id, echoed only in pym's height message; null unless it is a plain id. */
  childId: string | null;
  /** pym.js's initial width in px (accepted, unused: the page lays itself out from its width). */
  initialWidth: number | null;
}

export const DEFAULT_PARAMS: EmbedParams = {
  lang: null,
  title: true,
  source: true,
  interactive: true,
  theme: 'light',
  childId: null,
  initialWidth: null,
};

const flag = (v: string | null, fallback: boolean) => (v === '0' ? false : v === '1' ? true : fallback);
const oneOf = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(v as T) ? (v as T) : fallback;
/** Element ids pym generates or editors write: letters, digits, `_ - . :`; nothing that could break pym's message format. */
const PLAIN_ID = /^[A-Za-z][\w.:-]{0,63}$/;

export function parseEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const lang = q.get('lang');
  const childId = q.get('childId');
  const width = q.get('initialWidth');
  return {
    lang: lang === 'zh' || lang === 'en' ? lang : null,
    title: flag(q.get('title'), DEFAULT_PARAMS.title),
    source: flag(q.get('source'), DEFAULT_PARAMS.source),
    interactive: flag(q.get('interactive'), DEFAULT_PARAMS.interactive),
    theme: oneOf(q.get('theme'), ['light', 'dark'] as const, DEFAULT_PARAMS.theme),
    childId: childId && PLAIN_ID.test(childId) && !childId.includes('xPYMx') ? childId : null,
    initialWidth: width && /^\d{1,5}$/.test(width) ? Number(width) : null,
  };
}

/** The parameters again, only those that differ from the default, rebuilt from parsed values (never copied). */
export function embedSearch(p: EmbedParams): string {
  const q = new URLSearchParams();
  if (!p.title) q.set('title', '0');
  if (!p.source) q.set('source', '0');
  if (!p.interactive) q.set('interactive', '0');
  if (p.theme !== 'light') q.set('theme', p.theme);
  if (p.initialWidth !== null) q.set('initialWidth', String(p.initialWidth));
  if (p.childId) q.set('childId', p.childId);
  const s = q.toString();
  return s ? `?${s}` : '';
}
