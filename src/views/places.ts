import { CITY, COUNTIES, COUNTRY, PROVINCE } from '../geo/divisions.ts';
import type { Lang } from './format.ts';

const PLACES = new Map<string, { zh: string; en: string }>([
  [CITY.code, CITY],
  [PROVINCE.code, PROVINCE],
  [COUNTRY.code, COUNTRY],
  ...COUNTIES.map((c) => [c.code, c] as [string, { zh: string; en: string }]),
]);

/** The name of a GB/T 2260 division the edition speaks of, in the reader's language. */
export function placeName(code: string, lang: Lang): string {
  const p = PLACES.get(code);
  if (!p) throw new Error(`no name for division ${code}`);
  return p[lang];
}
