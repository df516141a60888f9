import type { Lang } from '../views/format.ts';

/** Every interface string, once per language; components take them from here, never inline. */
export const UI = {
  zh: {
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
    englishEdition: 'English edition',
    /** The story page in this language (language switch, hreflang alternates). */
    home: '/',
    /** The language switch: the other language's name, in that language. */
    switchLang: 'English',
  },
  en: {
    htmlLang: 'en',
    siteTitle: 'Lüliang: the years out of poverty · a story map',
    siteDescription: 'National Poverty Alleviation Day special edition: Lüliang city and Lin, Lan, Shilou and Xing counties, chapter by chapter on the map.',
    skip: 'Skip to the story',
    mapLabel: 'Story map',
    prev: 'Previous step',
    next: 'Next step',
    legendToggle: 'Legend',
    data: 'Data',
    region: 'Region',
    figure: 'Figure',
    value: 'Value',
    quote: 'Source text',
    counties: 'County figures',
    noHeadline: '(no headline in the original)',
    captions: 'Photo captions',
    captionsNote: 'Captions of the printed photos (the photos are not on this site)',
    sourceEdition: 'All text and figures come from the National Poverty Alleviation Day special edition ①, restored from its PDF text.',
    readingView: 'The restored edition (Chinese)',
    dataPage: 'Data and methods: where every figure comes from',
    chapterNav: 'Chapters',
    closeTip: 'Close',
    leadLabel: 'In brief',
    storyLink: 'The story map',
    englishEdition: 'English edition (the whole text, translated)',
    home: '/en/',
    switchLang: '中文',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type UiStrings = (typeof UI)[Lang];
