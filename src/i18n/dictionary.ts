/**
 * The shape every language's dictionary has: the Chinese one's (src/i18n/zh.ts, the reference)
 * with its literal strings widened, so that en.ts must have exactly its keys.
 */
import type { zh } from './zh.ts';

type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };
export type Dictionary = Widen<typeof zh>;
