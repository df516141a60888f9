/**
 * GB/T 2260 codes of 吕梁市 and its 13 county-level divisions (the reference table the
 * geography is keyed by), with the names as the edition writes them.
 */
export const CITY = { code: '141100', zh: '吕梁市', en: 'Lüliang' } as const;
/** The city's code: a view or step whose region is the city frames all its counties. */
export const CITY_CODE = CITY.code;
export const PROVINCE = { code: '140000', zh: '山西省', en: 'Shanxi' } as const;

export const COUNTIES = [
  { code: '141102', zh: '离石区', en: 'Lishi District' },
  { code: '141121', zh: '文水县', en: 'Wenshui County' },
  { code: '141122', zh: '交城县', en: 'Jiaocheng County' },
  { code: '141123', zh: '兴县', en: 'Xing County' },
  { code: '141124', zh: '临县', en: 'Lin County' },
  { code: '141125', zh: '柳林县', en: 'Liulin County' },
  { code: '141126', zh: '石楼县', en: 'Shilou County' },
  { code: '141127', zh: '岚县', en: 'Lan County' },
  { code: '141128', zh: '方山县', en: 'Fangshan County' },
  { code: '141129', zh: '中阳县', en: 'Zhongyang County' },
  { code: '141130', zh: '交口县', en: 'Jiaokou County' },
  { code: '141181', zh: '孝义市', en: 'Xiaoyi City' },
  { code: '141182', zh: '汾阳市', en: 'Fenyang City' },
] as const;

/** Codes of the counties whose full name appears in `text`, in order of first mention. */
export function countiesNamedIn(text: string): string[] {
  return COUNTIES.map((c) => ({ code: c.code, at: text.indexOf(c.zh) }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((c) => c.code);
}
