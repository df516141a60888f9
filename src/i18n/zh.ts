/**
 * Every interface string in Chinese, by section and key (as MapLibre's default_locale): the
 * reference dictionary; src/i18n/en.ts has the same keys. Read through strings(lang)
 * (src/i18n/strings.ts); never inline a string in a component, renderer or chart.
 */
import { SOURCE_PACKAGE, SOURCE_VERSION } from '../geo/source.ts';

export const zh = {
  /** The story, the edition and the pages' shared chrome. */
  ui: {
    htmlLang: 'zh-CN',
    siteTitle: '吕梁脱贫这几年 · 地图故事',
    siteDescription: '全国扶贫日专刊：吕梁市与临县、岚县、石楼县、兴县的脱贫攻坚，逐章配以地图。',
    skip: '跳到正文',
    mapLabel: '故事地图',
    prev: '上一步',
    next: '下一步',
    data: '数据',
    region: '地区',
    figure: '指标',
    value: '数值',
    quote: '原文',
    counties: '各县数字',
    noHeadline: '（原版无标题）',
    captions: '图片说明',
    captionsNote: '原版图片说明（本网页不含图片）',
    sourceEdition: '文字与数字均来自《全国扶贫日·专刊①》，由PDF提取文本复原。',
    readingView: '复原的专刊全文',
    dataPage: '数据与方法：每个数字的出处',
    chapterNav: '章节',
    closeTip: '关闭',
    /** Marks text written for the site, as opposed to the edition's own words. */
    leadLabel: '导读',
    storyLink: '地图故事',
    englishEdition: 'English edition',
    /** The story page in this language (language switch, hreflang alternates). */
    home: '/',
    /** The language switch: the other language's name, in that language. */
    switchLang: 'English',
  },
  /** The embed pages and the Embed dialog. */
  embed: {
    htmlLang: 'zh-CN',
    provider: '吕梁脱贫 · 地图故事',
    fullStory: '查看完整地图故事',
    newTab: '（在新标签页打开）',
    counties: '各县数字',
    states: '切换时期',
    mapFallback: '静态地图',
    embed: '嵌入',
    embedTitle: '嵌入这张地图',
    close: '关闭',
    language: '语言',
    copy: '复制',
    copied: '已复制到剪贴板',
    copyManual: '已选中：请按 Ctrl+C（Mac：⌘C）复制',
    preview: '预览',
    formIframe: '网页（iframe，自动调整高度）',
    formIframeNote: '粘贴到文章的 HTML 中。高度由 resize.js 自动调整；没有脚本时按固定高度显示。',
    formAmp: 'AMP 页面',
    formAmpNote: 'amp-iframe resizable：高度由地图页面报告。',
    formLink: '微信公众号 / 电子报（链接加图片）',
    formLinkNote: '这些平台会删除 iframe 和脚本：用图片加链接。',
    gallery: '嵌入地图',
    galleryIntro: '故事中的每一张地图都可以单独嵌入其他网站。点“嵌入”取得代码。',
    withSwitch: '含时期切换',
  },
  /** The open-data page. */
  dataPage: {
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
      topo: ['lvliang.topo.json', '吕梁13个县级区划及周边地市（TopoJSON）'],
      geojson: ['lvliang-counties.geojson', '吕梁13个县级区划（GeoJSON，WGS 84）'],
    },
    licenceText: `文字与数字：《全国扶贫日·专刊①》；边界：npm包 ${SOURCE_PACKAGE} ${SOURCE_VERSION}（代码MIT许可；原始边界数据来自高德地图，适用其条款），已由GCJ-02转换为WGS 84。`,
    filters: '筛选',
    allRegions: '全部地区',
    allTopics: '全部主题',
    allUnits: '全部单位',
    region: '地区',
    topic: '主题',
    unit: '单位',
    shown: '显示',
    of: '/',
    cols: {
      region: '地区',
      label: '指标',
      raw: '原文写法',
      value: '标准化数值',
      unit: '单位',
      period: '时间',
      qualifier: '限定',
      quote: '原文引语',
      link: '出处',
    },
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
    flags: '原文瑕疵（保留原样）',
    q: { 'more-than': '余/多（多于）', 'at-least': '以上（不少于）', nearly: '近（略少于）' },
    units: { percent: '%', pp: '百分点', people: '人', households: '户', mu: '亩', yuan: '元', MW: '兆瓦', count: '个/项' },
    topics: {
      poverty: '贫困',
      income: '收入',
      cadres: '干部帮扶',
      ecology: '生态',
      training: '培训就业',
      pv: '光伏',
      industry: '产业',
      finance: '金融',
      consumption: '消费扶贫',
      relocation: '易地搬迁',
      infrastructure: '基础设施',
      welfare: '民生',
      cooperatives: '合作社',
    },
    back: '回到地图故事',
  },
  /** The Export menu (print SVG/PNG in the browser). */
  exportMenu: {
    export: '导出',
    size: '尺寸',
    svg: 'SVG（矢量）',
    png: 'PNG',
    note: '按报纸版面栏宽生成；印刷用 PDF（嵌入字体、CMYK）请用 npm run export。',
    working: '正在生成…',
    done: '已下载',
    failed: '导出失败：',
  },
  /** What a compiled map view says: tooltips, legends. */
  map: {
    noFigure: '本版未报道该县数字',
    notReported: '未报道',
    wholeCity: '全市',
    /** Before a city total among county figures in a symbol legend. */
    cityTotal: '全市 ',
    sitesLegend: '● 一个集中安置点（示意位置）',
    /** {caption}: the photo caption as printed ({original} and {county} are there for languages that need them). */
    precisionNote: '图片说明：“{caption}”。本版只给出所在县，地图不标具体位置。',
    precisionLegend: '虚线框：图片所在县（仅县级精度）',
    /** Between a label and its value in a callout. */
    labelSeparator: '：',
  },
  /** The print map's scale bar and north arrow. */
  scaleBar: {
    km: '公里',
    north: '北',
  },
  /** The story's two charts. */
  charts: {
    incidenceTitle: '贫困发生率的下降',
    before: '之前',
    after: '之后',
    trainingTitle: '吕梁山护工：培训与就业',
    trainingKey: '蓝：培训人数　橙：就业人数',
    trainingCity: '全市（目前）',
    trainingCityPoor: '全市·其中贫困人口',
    trainingLin: '临县（2016年以来）',
  },
  /** Texts inside the embed code an editor copies. */
  snippet: {
    showAll: '显示全部',
    seeInteractive: '查看互动地图',
  },
  /** Each language's name in itself (language choices). */
  languages: {
    zh: '中文',
    en: 'English',
  },
} as const;
