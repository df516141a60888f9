/**
 * The site's languages: Chinese (the edition's own) and its English translation. Every module
 * that takes a language takes a `Lang`; a text given in both is a `Text`.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** A text in each language (view titles, labels of figures). */
export type Text = Record<Lang, string>;
