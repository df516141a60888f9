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
    /** Phones: shows or hides the map's legend box below its title. */
    legendToggle: '图例',
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
    englishEdition: 'English edition (the site’s own, unofficial translation)',
    /** Whose account page ①'s lead article is, and whose translation the English edition is (shown on page ① only). */
    translationNote: '首篇《吕梁脱贫这几年》是吕梁市官方对本市脱贫攻坚工作的介绍。本站英文版为本站自行翻译，并非官方译本。',
    /** The story page in this language (language switch, hreflang alternates). */
    home: '/',
    /** The language switch: the other language's name, in that language. */
    switchLang: 'English',
    /** A drafted chapter or figure (npm run draft) an editor has not yet confirmed. */
    draft: '草稿',
    draftNote: '自动起草，尚未经编辑确认',
    pagesNav: '各期专刊',
    pageLabel: '专刊',
    notTranslated: '本章尚未译成英文。',
    readInOriginal: '阅读中文原文',
    untranslatedHeader: '（版头尚未翻译）',
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
    formImage: '无脚本网页（图片）',
    formImageNote: '系统会删除 <script> 时用：图片随栏宽缩放，任何宽度都完整显示图例和来源，点击打开互动地图。',
    formWechat: '微信公众号',
    formWechatNote: '公众号编辑器不接受 HTML 和 iframe，只能有一个外链（阅读原文）。请上传图片，粘贴图注，把链接填入“阅读原文”。',
    wechatImage: '下载图片（PNG，1080 像素宽）',
    wechatCaption: '图注和来源（文字）',
    wechatUrl: '阅读原文链接',
    wechatQr: '二维码（海报、印刷）',
    qrPng: '下载 PNG',
    qrSvg: '下载 SVG',
    formsLabel: '嵌入方式',
    version: '版本',
    versionSingle: '仅此时期',
    versionSwitch: '含时期切换',
    show: '显示',
    showTitle: '标题',
    showSource: '来源',
    showInteractive: '可交互',
    theme: '配色',
    themeLight: '浅色',
    themeDark: '深色',
    width: '宽度',
    widthAuto: '随栏宽',
    gallery: '嵌入地图',
    galleryIntro: '故事中的每一张地图都可以单独嵌入其他网站。点“嵌入”取得代码。',
    withSwitch: '（含时期切换）',
    shareChapter: '分享本章',
    shareChapterTitle: '分享这一章',
    chapterUrl: '本章链接',
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
      topo: ['lvliang.topo.json', '吕梁13个县级区划及周边地市（TopoJSON；GDAL、QGIS可直接打开；转换为Shapefile请用下面的GeoJSON）'],
      geojson: ['lvliang-counties.geojson', '吕梁13个县级区划（GeoJSON，RFC 7946，WGS 84，坐标保留6位小数）'],
    },
    licenceText: `文字与数字：《全国扶贫日·专刊①》；边界：npm包 ${SOURCE_PACKAGE} ${SOURCE_VERSION}（代码MIT许可；原始边界数据来自高德地图，适用其条款），已由GCJ-02转换为WGS 84。`,
    codebook: '字段说明（metrics.csv）',
    codebookIntro:
      'CSV 符合 RFC 4180：逗号分隔，每行以 CRLF 结尾，UTF-8 带 BOM，每个数字一行。没有任何单元格会被电子表格当作日期：分数写成小数和文字两列，区间写成下限、上限两列。',
    codebookCols: { column: '列', type: '类型', meaning: '含义' },
    cite: '出处、引用与许可',
    sourceLabel: '原始出处',
    sourceText: '《{marker}》，吕梁专版，版头“{header}”。所据文本未印出报纸名称、出版日期和版次，这三项未知，本站不作推测。',
    citeLabel: '引用本数据集',
    citeText:
      '吕梁脱贫这几年：地图故事与数据，数据集版本 {version}（{date}），{url}。数字出自《全国扶贫日·专刊①》（报纸名称、日期、版次不详）。',
    licenceLabel: '许可',
    licenceData:
      '本站整理的数据（metrics.json、metrics.csv 中的指标名称、标准化数值与字段说明）和英文译文采用 {name} 许可，使用时请注明本站及数据集版本。',
    licenceSource:
      '专刊原文（edition.json 的全文、各数字的原文写法与引语）的权利属于原报社；本站引用原文只为让每个数字可以核对，原文不在上述许可之内。',
    licenceBoundaries: `县界边界：npm包 ${SOURCE_PACKAGE} ${SOURCE_VERSION}（代码MIT许可），边界形状来自高德地图，适用高德的服务条款（见 data/geo/SOURCES.md），已由GCJ-02转换为WGS 84。`,
    englishText: '英文译文',
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
      '每个数字的含义由程序从原文分句中读出：数值与单位、计数对象、限定词（余、多、以上、近）、区间、计算基础（人均、每村、每年、每月）、时间、所属地区、主题和中文指标名称；编辑的注释文件只补充原文说不出的内容（编号、英文名称、更正），并记录哪些字段是编辑改写的。万、亿按十进制换算为基本单位。同一数量重复印出（4万名与40004人）记为一个数量，任何合计都只算一次。',
      '本版只给出了临县一个县的贫困发生率，其他县在地图上标为“未报道”，不作推测。安置点、光伏等符号只表示所属县，在县内示意排布，不代表实际位置。',
      '原文“带动11.5贫困人口”缺少单位，保留原样并标注，不计入数据。',
    ],
    inconsistencies:
      '原文中彼此对不上的数字保留原样，不作修正：临县护工就业率印作{rate}，而按原文的输出就业{employed}÷培训{trained}计算为{computed}。',
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
    /** The map review number (审图号) in the credit line, with and without the reviewing authority. */
    mapReview: '审图号：{number}',
    mapReviewBy: '审图号：{number}（{by}）',
    /** Between the source and the review number. */
    creditSeparator: '；',
    /** A figure drawn from a later page of the series: its page ({page}: ②) in labels, legends and tooltips. */
    fromPage: '专刊{page}',
    fromPageDraft: '专刊{page}，草稿',
    /** A figure of the view's own page still marked draft (not yet confirmed by an editor). */
    draftFigure: '草稿',
    withProvenance: '{label}（{from}）',
    /** The description's list of what later pages report on a map of page ①'s figures. */
    pageReports: '专刊{page}：{county}{value}',
    listSeparator: '，',
    othersUnreported: '；其他县本版未报道。',
    othersUnreportedWith: '；{list}；其他县未报道。',
    alsoReported: '另据{list}。',
    /** After the source line when a map draws figures of later pages ({pages}: ②③). */
    alsoFromPages: '；部分县数字据专刊{pages}',
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
    /** Between a place's name and its periods in the chart's note. */
    noteSeparator: '：',
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
