import { CITY, COUNTIES, countiesNamedIn } from '../../geo/divisions.ts';

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
