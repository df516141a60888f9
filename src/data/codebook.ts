import type { CsvCellType, MetricCsvColumnName } from './metrics-csv.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * The codebook of metrics.csv: what each column holds, per language. Keyed by the column names
 * of METRIC_CSV_COLUMNS (src/data/metrics-csv.ts), so a column without a description, or a
 * description without a column, does not type-check.
 */
export const CODEBOOK: Record<Lang, { types: Record<CsvCellType, string>; columns: Record<MetricCsvColumnName, string> }> = {
  zh: {
    types: { text: '文本', integer: '整数', decimal: '数值', code: '代码（按文本读）', date: '日期（ISO 8601：年、年-月或年-月-日）' },
    columns: {
      page: '数字所在的专刊版面（种子文件名）；多版合成一个网站时据此区分来源。',
      draft: '“draft”表示由 npm run draft 起草、编辑尚未确认的数字；已确认的留空。',
      id: '数字的固定编号，与 metrics.json 及本页原文标注（#fig-编号）一致。',
      region: '数字所属地区的国家行政区划代码（GB/T 2260）：140000 山西省，141100 吕梁市，1411xx 吕梁市所辖县（市、区）。',
      region_zh: '地区中文名。',
      region_en: '地区英文名。',
      topic: '主题（poverty 贫困、income 收入、relocation 易地搬迁等，见上表筛选项）。',
      label_zh: '指标名称（中文）：这个数字说的是什么。',
      label_en: '指标名称（英文）。',
      value:
        '按基本单位标准化的数值（万、亿已换算：7.97万户 → 79700）；比例与分数记为百分数；区间（如10%—20%）此列留空，见 range_low、range_high。',
      range_low: '原文为区间时的下限，否则留空。',
      range_high: '原文为区间时的上限，否则留空。',
      unit: '单位：percent 百分比，pp 百分点，people 人，households 户，mu 亩（15亩 = 1公顷），yuan 元，MW 兆瓦，count 个、项、期等。',
      qualifier: '原文的限定词：more-than（余、多），at-least（以上），nearly（近）；没有限定词时留空。',
      counted_zh: '计数的对象（量词或名词，如“座”“期”“头”），只对 count 单位的数字；否则留空。',
      counted_en: '计数对象的英文（stations、training courses、head of livestock…）；没有译名时留空。',
      basis_per: '金额的计算基础：person 人均，household 每户，village 每村；留空而 basis_every 也空时为总额；非金额留空。',
      basis_every: '金额的时间基础：month 每月，year 每年；留空为非按期计算。',
      fraction_decimal: '原文印作分数（1/7、三分之一）时的小数值（保留6位），否则留空。',
      fraction_text: '同一分数的文字形式，如“1 in 7”（7个中的1个）；电子表格不会把它当成日期。',
      raw: '原文写法，与专刊印刷完全一致（“余”等字的位置不变）。唯一例外：印作“1/7”的分数，斜线写作分数斜线“⁄”（U+2044），以免电子表格把它变成日期；metrics.json 保留原样。',
      period: '原文给这个数字的时间，用原文的中文说法；原文未说明时留空。',
      period_en: '时间的英文说法；没有时间或无规则可译时留空。',
      as_of: '时间所指的日期（ISO：2019-12-31、2020-06 或 2016）；原文未给出具体时点（如“目前”“以来”）时留空。',
      restates: '这个数字重复印出的另一个数字的编号（4万名即40004人）：同一数量，合计时只算一次。',
      rounded: '重复印出时是否取整（true/false）；不是重复时留空。',
      part_of: '这个数字作为其一部分的另一个数字的编号（19个爱心超市中的17个乡镇）；否则留空。',
      change_pair: '前后对比的一对数字共用的编号（如贫困发生率由…降至…），否则留空。',
      change_role: '在一对数字中的位置：from（之前）或 to（之后）。',
      paragraph: '数字所在段落或图片说明在 edition.json 中的编号；英文译文中同一编号的段落见 /en/#编号。',
      quote: '提取数字的原文分句，逐字照录。',
    },
  },
  en: {
    types: {
      text: 'text',
      integer: 'integer',
      decimal: 'number',
      code: 'code (read as text)',
      date: 'date (ISO 8601: year, year-month or full date)',
    },
    columns: {
      page: 'The page of the special edition the figure was printed on (its seed name): the provenance when a site holds several pages.',
      draft: '“draft” for a figure drafted by npm run draft and not yet confirmed by an editor; empty once confirmed.',
      id: 'Stable id of the figure, the same as in metrics.json and in the marks on this page (#fig-id).',
      region:
        'GB/T 2260 code of the place the figure is about: 140000 Shanxi province, 141100 Lüliang city, 1411xx a county-level division of Lüliang.',
      region_zh: 'The place’s name in Chinese.',
      region_en: 'The place’s name in English.',
      topic: 'Subject (poverty, income, relocation, …; the topic filter above lists them).',
      label_zh: 'What the figure is, in Chinese.',
      label_en: 'What the figure is, in English.',
      value:
        'The figure in base units (万 and 亿 converted: 7.97万户 → 79700); shares and fractions as a percentage. Empty for a range (10%—20%): see range_low and range_high.',
      range_low: 'Low end of a figure printed as a range; empty otherwise.',
      range_high: 'High end of a figure printed as a range; empty otherwise.',
      unit: 'percent, pp (percentage points), people, households, mu (15 mu = 1 hectare), yuan, MW, count (stations, courses, items…).',
      qualifier:
        'The word printed with the figure: more-than (余, 多), at-least (以上), nearly (近); empty when the figure is printed plain.',
      counted_zh: 'What a count counts, as printed (its measure word or noun: 座, 期, 头); count figures only, empty otherwise.',
      counted_en: 'The same in English (stations, training courses, head of livestock…); empty where no rendering is known.',
      basis_per: 'Money only: person (per person), household (per household), village (per village); with basis_every also empty, a total.',
      basis_every: 'Money only: month (per month) or year (per year); empty when not per period.',
      fraction_decimal: 'A figure printed as a fraction (1/7, 三分之一) as a decimal, to 6 places; empty otherwise.',
      fraction_text: 'The same fraction as text, e.g. “1 in 7”, which no spreadsheet reads as a date.',
      raw: 'The figure exactly as printed (余 and the like where the print put them). One exception: a fraction printed as 1/7 is written with the fraction slash ⁄ (U+2044) so that spreadsheets do not turn it into a date; metrics.json keeps the ASCII slash.',
      period:
        'The time the text gives the figure, in the text’s own Chinese words (the English data page translates them); empty when the text gives none.',
      period_en: 'The period in English; empty when there is none or no rule translates it.',
      as_of:
        'The point in time the period names, ISO (2019-12-31, 2020-06 or 2016); empty where the text gives none (目前 now, 以来 since).',
      restates: 'Id of the figure this one prints again (4万名 restates 40004人): one quantity, counted once in any total.',
      rounded: 'Whether a restatement is rounded (true/false); empty when the figure is not a restatement.',
      part_of: 'Id of the figure this one is a part of (17 of the 19 love supermarkets); empty otherwise.',
      change_pair: 'Shared id of a before/after pair (e.g. a poverty incidence falling from … to …); empty otherwise.',
      change_role: 'The figure’s place in its pair: from (before) or to (after).',
      paragraph: 'Id of the paragraph or caption in edition.json; the English translation of the same paragraph is at /en/#id.',
      quote: 'The Chinese clause the figure was read from, verbatim.',
    },
  },
};
