import { CITY, COUNTIES, COUNTY_LEVEL_CITIES, countiesNamedIn } from '../../geo/divisions.ts';

/**
 * Article ids for drafted manifests: the county's pinyin (ids are [a-z]+), `lead` for the city's
 * own article, as the first page names them.
 */
const SLUG: Record<string, string> = {
  '141102': 'lishi',
  '141121': 'wenshui',
  '141122': 'jiaocheng',
  '141123': 'xingxian',
  '141124': 'linxian',
  '141125': 'liulin',
  '141126': 'shilou',
  '141127': 'lanxian',
  '141128': 'fangshan',
  '141129': 'zhongyang',
  '141130': 'jiaokou',
  '141181': 'xiaoyi',
  '141182': 'fenyang',
  [CITY.code]: 'lead',
};

export interface Place {
  code: string;
  zh: string;
  en: string;
}

export const placeByCode = (code: string): Place => (code === CITY.code ? { ...CITY } : { ...COUNTIES.find((c) => c.code === code)! });

/** A division's name as the edition writes it (吕梁市, 石楼县), for messages. */
export const nameOf = (code: string): string => (code === CITY.code || COUNTIES.some((c) => c.code === code) ? placeByCode(code).zh : code);

export const slugOf = (code: string): string => SLUG[code]!;

/** The place a text is about: the first county it names, else the city when it says 吕梁 or 全市; null when it names neither. */
export function placeNamedIn(text: string): Place | null {
  const county = countiesNamedIn(text)[0];
  if (county) return placeByCode(county);
  if (/吕梁|全市/.test(text)) return placeByCode(CITY.code);
  return null;
}

/**
 * The place a figures block is about, when it heads an article on `heads` (null: none yet): the
 * county it names, else the city for 吕梁; 全市 alone is the city, except over a county-level
 * city's own article, where it is that city (全市42个贫困村 under 汾阳市's headline). Null when it
 * names no place; `by` says which.
 */
export function blockPlace(text: string, heads: string | null): { place: Place; by: 'its name' | '全市' } | null {
  const named = placeNamedIn(text.replace(/全市|本市|我市/g, ''));
  if (named) return { place: named, by: 'its name' };
  if (!/全市|本市|我市/.test(text)) return null;
  return { place: placeByCode(heads && COUNTY_LEVEL_CITIES.has(heads) ? heads : CITY.code), by: '全市' };
}
