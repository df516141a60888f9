/**
 * The one accessor of the interface strings: strings(lang).section.key, typed from the
 * Chinese dictionary (src/i18n/zh.ts), whose keys the English one (src/i18n/en.ts) must have.
 */
import type { Dictionary } from './dictionary.ts';
import { en } from './en.ts';
import type { Lang } from './lang.ts';
import { zh } from './zh.ts';

const DICTIONARIES: Record<Lang, Dictionary> = { zh, en };

/** Every interface string of one language. */
export function strings(lang: Lang): Dictionary {
  return DICTIONARIES[lang];
}

/** A dictionary string with its `{name}` placeholders filled; a placeholder left without a value is an error. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in "${template}"`);
    return value;
  });
}
