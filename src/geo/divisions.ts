/**
 * GB/T 2260 codes of 吕梁市 and its 13 county-level divisions (the reference table the
 * geography is keyed by), with the names as the edition writes them.
 */
export const CITY = { code: '141100', zh: '吕梁市', en: 'Lüliang' } as const;
/** The city's code: a view or step whose region is the city frames all its counties. */
export const CITY_CODE = CITY.code;
export const PROVINCE = { code: '140000', zh: '山西省', en: 'Shanxi' } as const;
/** The country, for a figure a clause gives for all of China (全国…): kept, never drawn on a county map. */
export const COUNTRY = { code: '100000', zh: '全国', en: 'China' } as const;

export const COUNTIES = [
  { code: '141102', zh: '离石区', en: 'Lishi District', short: '离石' },
  { code: '141121', zh: '文水县', en: 'Wenshui County', short: '文水' },
  { code: '141122', zh: '交城县', en: 'Jiaocheng County', short: '交城' },
  { code: '141123', zh: '兴县', en: 'Xing County', short: null },
  { code: '141124', zh: '临县', en: 'Lin County', short: null },
  { code: '141125', zh: '柳林县', en: 'Liulin County', short: '柳林' },
  { code: '141126', zh: '石楼县', en: 'Shilou County', short: '石楼' },
  { code: '141127', zh: '岚县', en: 'Lan County', short: null },
  { code: '141128', zh: '方山县', en: 'Fangshan County', short: '方山' },
  { code: '141129', zh: '中阳县', en: 'Zhongyang County', short: '中阳' },
  { code: '141130', zh: '交口县', en: 'Jiaokou County', short: '交口' },
  { code: '141181', zh: '孝义市', en: 'Xiaoyi City', short: '孝义' },
  { code: '141182', zh: '汾阳市', en: 'Fenyang City', short: '汾阳' },
] as const;

/** County-level cities (县级市): in their own articles 全市 means the city itself, not 吕梁市. */
export const COUNTY_LEVEL_CITIES: ReadonlySet<string> = new Set(COUNTIES.filter((c) => c.zh.endsWith('市')).map((c) => c.code));

/**
 * Every mention of a county in `text`, by its full name or its customary two-character short
 * name (石楼, 孝义: the short names of GB/T 2260's 县/市/区 that the press uses; 兴县, 临县 and
 * 岚县 have none that is not also a common word), in text order.
 */
export function countyMentions(text: string): Array<{ code: string; at: number; end: number }> {
  const out: Array<{ code: string; at: number; end: number }> = [];
  for (const c of COUNTIES)
    for (const name of c.short ? [c.zh, c.short] : [c.zh])
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1))
        if (!out.some((m) => m.at <= at && at < m.end)) out.push({ code: c.code, at, end: at + name.length });
  return out.sort((a, b) => a.at - b.at);
}

/** Codes of the counties `text` names (full or short name), in order of first mention. */
export function countiesNamedIn(text: string): string[] {
  return [...new Set(countyMentions(text).map((m) => m.code))];
}
