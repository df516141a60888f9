import type { Text } from '../i18n/lang.ts';
import type { ViewSpec } from './view-types.ts';
import { CITY_CODE } from '../geo/divisions.ts';
import { SOURCE_PACKAGE } from '../geo/source.ts';
import { circled } from '../schema/edition.ts';
import type { Metric } from '../schema/metrics.ts';
import { placeName } from './places.ts';

const LIN = '141124';
const LAN = '141127';
const SHILOU = '141126';
const XING = '141123';
const FANGSHAN = '141128';

/** The source line of a page's maps: its mark in the series (①, ②…). */
export const editionSource = (page: string): Text => ({
  zh: `数据：《全国扶贫日·专刊${page}》吕梁脱贫攻坚报道；行政区划：${SOURCE_PACKAGE}（MIT）`,
  en: `Data: National Poverty Alleviation Day special edition ${page}, Lüliang; boundaries: ${SOURCE_PACKAGE} (MIT)`,
});
const EDITION_SOURCE: Text = editionSource('①');
const NOT_REPORTED_NOTE: Text = {
  zh: '斜线：本版未报道该县数字，不作推测',
  en: 'Hatched: the edition gives no figure for this county; nothing is estimated',
};
const SYMBOL_PLACE_NOTE: Text = {
  zh: '符号位于县域中部，只表示所属县，不表示具体位置',
  en: 'Symbols sit mid-county: they show the county only, not a location',
};

/** Every map view of the story, described once; renderers read only these. */
export const VIEWS: ViewSpec[] = [
  {
    id: 'overview',
    title: { zh: '吕梁市：13个县（市、区）', en: 'Lüliang: 13 county-level divisions' },
    description: {
      zh: '吕梁市地图。到2019年底，全市累计减贫{{city-people-lifted}}，贫困发生率降至{{city-poverty-incidence-2019}}。',
      en: 'Map of Lüliang. By the end of 2019 {{city-people-lifted}} had been lifted out of poverty and the incidence had fallen to {{city-poverty-incidence-2019}}.',
    },
    focus: [CITY_CODE],
    highlight: [LIN, LAN, SHILOU, XING],
    layers: [],
    locator: { caption: { zh: '山西省位于华北', en: 'Shanxi, northern China' } },
    callout: {
      title: { zh: '全市（到2019年底）', en: 'Whole city (to end-2019)' },
      metrics: [
        'city-people-lifted',
        'city-households-lifted',
        'city-poverty-incidence-2019',
        'city-poor-villages-exited',
        'city-poor-counties-delisted',
      ],
    },
    notes: [{ zh: '黑框：本版专文报道的四个县', en: 'Outlined: the four counties with their own articles' }],
    source: EDITION_SOURCE,
  },
  {
    id: 'incidence',
    title: { zh: '贫困发生率', en: 'Poverty incidence' },
    description: {
      zh: '贫困发生率地图：临县由{{lin-poverty-incidence-before}}降至{{lin-poverty-incidence-after}}；全市2014年底为{{city-poverty-incidence-2014}}，2019年底为{{city-poverty-incidence-2019}}',
      en: "Poverty incidence: Lin County's rate fell from {{lin-poverty-incidence-before}} to {{lin-poverty-incidence-after}}; the city stood at {{city-poverty-incidence-2014}} at the end of 2014 and {{city-poverty-incidence-2019}} at the end of 2019",
    },
    othersUnreported: true,
    focus: [CITY_CODE],
    highlight: [LIN],
    layers: [
      {
        kind: 'choropleth',
        ramp: 'incidence',
        thresholds: [1, 5, 10, 20, 30],
        states: [
          {
            id: 'before',
            label: { zh: '脱贫攻坚前', en: 'Before the campaign' },
            bindings: [{ region: LIN, metric: 'lin-poverty-incidence-before' }],
            measure: '贫困发生率',
            reference: 'city-poverty-incidence-2014',
          },
          {
            id: 'after',
            label: { zh: '2019年底', en: 'End of 2019' },
            bindings: [{ region: LIN, metric: 'lin-poverty-incidence-after' }],
            measure: '贫困发生率',
            reference: 'city-poverty-incidence-2019',
          },
        ],
      },
    ],
    notes: [NOT_REPORTED_NOTE],
    source: EDITION_SOURCE,
  },
  {
    id: 'forest',
    title: { zh: '临县森林覆盖率', en: 'Forest cover, Lin County' },
    seriesTitle: { zh: '森林覆盖率', en: 'Forest cover' },
    description: {
      zh: '临县森林覆盖率由2016年的{{lin-forest-cover-2016}}提高到{{lin-forest-cover-now}}',
      en: "Lin County's forest cover rose from {{lin-forest-cover-2016}} in 2016 to {{lin-forest-cover-now}}",
    },
    othersUnreported: true,
    focus: [LIN],
    highlight: [LIN],
    layers: [
      {
        kind: 'choropleth',
        ramp: 'forest',
        thresholds: [10, 15, 20, 25, 30],
        states: [
          {
            id: 'before',
            label: { zh: '2016年', en: '2016' },
            bindings: [{ region: LIN, metric: 'lin-forest-cover-2016' }],
            measure: '森林覆盖率',
          },
          {
            id: 'after',
            label: { zh: '目前', en: 'Now' },
            bindings: [{ region: LIN, metric: 'lin-forest-cover-now' }],
            measure: '森林覆盖率',
          },
        ],
      },
    ],
    facts: [
      { region: LIN, metric: 'lin-afforestation' },
      { region: LIN, metric: 'lin-grain-to-green' },
    ],
    notes: [NOT_REPORTED_NOTE],
    source: EDITION_SOURCE,
  },
  {
    id: 'pv',
    title: { zh: '光伏扶贫', en: 'Photovoltaic poverty relief' },
    description: {
      zh: '光伏扶贫地图：临县建成光伏扶贫电站{{lin-pv-capacity}}，石楼县{{shilou-pv-households}}贫困户关联光伏收益；全市共建成{{city-pv-stations}}电站，总规模{{city-pv-capacity}}。',
      en: 'Photovoltaic relief: Lin County built {{lin-pv-capacity}} of stations and {{shilou-pv-households}} in Shilou County are linked to solar income; the city built {{city-pv-stations}} stations totalling {{city-pv-capacity}}.',
    },
    focus: [CITY_CODE],
    highlight: [],
    layers: [
      {
        kind: 'symbols',
        series: [
          {
            id: 'mw',
            label: { zh: '光伏扶贫电站规模（MW）', en: 'Relief photovoltaic capacity (MW)' },
            color: 'symbolPv',
            bindings: [{ region: LIN, metric: 'lin-pv-capacity' }],
            measure: '光伏扶贫电站',
            maxRadius: 34,
            maxMetric: 'city-pv-capacity',
          },
          {
            id: 'households',
            label: { zh: '关联光伏收益的贫困户', en: 'Poor households linked to solar income' },
            color: 'symbolHouseholds',
            bindings: [{ region: SHILOU, metric: 'shilou-pv-households' }],
            measure: '阳光收入',
            maxRadius: 22,
            maxMetric: 'shilou-pv-households',
          },
        ],
      },
      { kind: 'county-precision', region: FANGSHAN, caption: 'cap-12' },
    ],
    callout: {
      title: { zh: '全市（到2020年）', en: 'Whole city (to 2020)' },
      metrics: ['city-pv-stations', 'city-pv-capacity', 'city-pv-poor-villages', 'city-pv-income'],
    },
    notes: [
      SYMBOL_PLACE_NOTE,
      { zh: '两种符号单位不同，大小不可互比', en: 'The two symbols measure different things; their sizes are not comparable' },
    ],
    source: EDITION_SOURCE,
  },
  {
    id: 'relocation',
    title: { zh: '易地扶贫搬迁集中安置点', en: 'Resettlement sites' },
    description: {
      zh: '易地扶贫搬迁：临县建成集中安置点{{lin-relocation-sites}}，搬迁{{lin-relocated-people}}；全市建成安置点{{city-relocation-sites}}，搬迁{{city-relocated-people}}。',
      en: 'Relocation: Lin County built {{lin-relocation-sites}} resettlement sites and moved {{lin-relocated-people}}; the city built {{city-relocation-sites}} sites for {{city-relocated-people}}.',
    },
    focus: [CITY_CODE],
    highlight: [],
    layers: [
      {
        kind: 'sites',
        color: 'site',
        bindings: [{ region: LIN, metric: 'lin-relocation-sites' }],
        measure: '集中安置点',
        extra: [
          { region: LIN, metric: 'lin-relocated-people' },
          { region: LIN, metric: 'lin-relocated-households' },
        ],
      },
    ],
    callout: {
      title: { zh: '全市（五年来）', en: 'Whole city (five years)' },
      metrics: ['city-relocation-sites', 'city-relocated-people', 'city-relocated-villages'],
    },
    notes: [
      {
        zh: '每个圆点代表一个安置点，在县内示意排布，不是实际位置；其他县的安置点本版未分县报道',
        en: 'Each dot is one site, arranged schematically inside its county, not at its real location; other counties’ sites are not reported by county',
      },
    ],
    source: EDITION_SOURCE,
  },
  {
    id: 'lanxian',
    title: { zh: '岚县：造林合作社与产业扶贫', en: 'Lan County: afforestation cooperatives and industry' },
    description: {
      zh: '岚县三年来新造林{{lan-afforestation}}，{{lan-afforestation-coops}}造林专业合作社覆盖{{lan-coop-villages}}村，造林总收益达{{lan-afforestation-income}}。',
      en: 'In three years Lan County planted {{lan-afforestation}} of new forest; {{lan-afforestation-coops}} afforestation cooperatives cover {{lan-coop-villages}} villages and afforestation earned {{lan-afforestation-income}}.',
    },
    focus: [LAN],
    highlight: [LAN],
    layers: [],
    callout: {
      title: { zh: '岚县', en: 'Lan County' },
      metrics: [
        'lan-afforestation',
        'lan-afforestation-coops',
        'lan-coop-villages',
        'lan-coop-households',
        'lan-afforestation-income',
        'lan-industry-funds',
      ],
    },
    facts: [
      { region: LAN, metric: 'lan-afforestation' },
      { region: LAN, metric: 'lan-afforestation-coops' },
      { region: LAN, metric: 'lan-afforestation-beneficiaries' },
      { region: LAN, metric: 'lan-industry-funds' },
    ],
    notes: [],
    source: EDITION_SOURCE,
  },
  {
    id: 'shilou',
    title: { zh: '石楼县：生态合作社与“金鸡产业”', en: 'Shilou County: eco-cooperatives and the “golden chicken” scheme' },
    description: {
      zh: '石楼县{{shilou-eco-beneficiaries}}贫困人口享受生态脱贫红利；“金鸡产业”每年租金{{shilou-golden-chicken-rent}}，可带动{{shilou-golden-chicken-people}}贫困人口稳定脱贫。',
      en: 'In Shilou County {{shilou-eco-beneficiaries}} benefit from ecological relief; the “golden chicken” scheme earns {{shilou-golden-chicken-rent}} a year in rent and can lift {{shilou-golden-chicken-people}} out of poverty for good.',
    },
    focus: [SHILOU],
    highlight: [SHILOU],
    layers: [],
    callout: {
      title: { zh: '石楼县', en: 'Shilou County' },
      metrics: ['shilou-eco-beneficiaries', 'shilou-golden-chicken-rent', 'shilou-golden-chicken-people', 'shilou-pv-households'],
    },
    facts: [
      { region: SHILOU, metric: 'shilou-eco-beneficiaries' },
      { region: SHILOU, metric: 'shilou-golden-chicken-rent' },
      { region: SHILOU, metric: 'shilou-golden-chicken-people' },
    ],
    notes: [],
    source: EDITION_SOURCE,
  },
  {
    id: 'xingxian',
    title: { zh: '兴县：合作总社与“爱心超市”', en: 'Xing County: village cooperatives and “love supermarkets”' },
    description: {
      zh: '兴县组建合作总社{{xing-coops}}，{{xing-coop-poor-members}}贫困户成员参与劳动；全县{{xing-love-markets}}“爱心超市”累计服务{{xing-love-market-visits}}。',
      en: 'Xing County formed {{xing-coops}} village cooperatives employing {{xing-coop-poor-members}} from poor households; its {{xing-love-markets}} “love supermarkets” recorded {{xing-love-market-visits}} visits.',
    },
    focus: [XING],
    highlight: [XING],
    layers: [],
    callout: {
      title: { zh: '兴县', en: 'Xing County' },
      metrics: [
        'xing-coops',
        'xing-coop-poor-members',
        'xing-coop-income-per-head',
        'xing-love-markets',
        'xing-love-market-visits',
        'xing-love-market-items',
      ],
    },
    facts: [
      { region: XING, metric: 'xing-coops' },
      { region: XING, metric: 'xing-love-markets' },
      { region: XING, metric: 'xing-love-market-visits' },
    ],
    notes: [],
    source: EDITION_SOURCE,
  },
  {
    id: 'cooperatives',
    title: { zh: '扶贫造林专业合作社', en: 'Poverty-relief afforestation cooperatives' },
    description: {
      zh: '全市建立{{city-afforestation-coops}}扶贫造林专业合作社，吸纳社员{{city-coop-members}}，其中贫困户社员占{{city-coop-poor-member-share}}；岚县有{{lan-afforestation-coops}}。',
      en: 'The city set up {{city-afforestation-coops}} afforestation cooperatives, which {{city-coop-members}} joined ({{city-coop-poor-member-share}} of them from poor households); Lan County has {{lan-afforestation-coops}}.',
    },
    focus: [CITY_CODE],
    highlight: [],
    layers: [
      {
        kind: 'symbols',
        series: [
          {
            id: 'coops',
            label: { zh: '扶贫造林专业合作社（个）', en: 'Afforestation cooperatives' },
            color: 'symbolPeople',
            bindings: [{ region: LAN, metric: 'lan-afforestation-coops' }],
            measure: '造林专业合作社',
            maxRadius: 34,
            maxMetric: 'city-afforestation-coops',
          },
        ],
      },
    ],
    callout: {
      title: { zh: '全市', en: 'Whole city' },
      metrics: ['city-afforestation-coops', 'city-coop-members', 'city-coop-poor-member-share'],
    },
    notes: [SYMBOL_PLACE_NOTE, { zh: '其他县的合作社数本版未分县报道', en: 'Other counties’ cooperatives are not reported by county' }],
    source: EDITION_SOURCE,
  },
  {
    id: 'training',
    title: { zh: '吕梁山护工培训', en: 'Lüliang Mountain carer training' },
    description: {
      zh: '吕梁山护工累计培训{{city-carers-trained}}，就业{{city-carers-employed}}；其中临县2016年以来培训{{lin-carers-trained}}，输出就业{{lin-carers-employed}}。',
      en: 'Lüliang Mountain carer training has trained {{city-carers-trained}} and placed {{city-carers-employed}} in jobs; Lin County has trained {{lin-carers-trained}} since 2016 and placed {{lin-carers-employed}}.',
    },
    focus: [CITY_CODE],
    highlight: [],
    layers: [
      {
        kind: 'symbols',
        series: [
          {
            id: 'trained',
            label: { zh: '培训人数', en: 'People trained' },
            color: 'symbolPeople',
            bindings: [{ region: LIN, metric: 'lin-carers-trained' }],
            measure: '护工培训',
            maxRadius: 34,
            maxMetric: 'city-carers-trained',
          },
        ],
      },
    ],
    callout: {
      title: { zh: '全市（目前）', en: 'Whole city (to date)' },
      metrics: ['city-carers-trained', 'city-carers-employed', 'city-carers-trained-poor', 'city-carers-employed-poor'],
    },
    facts: [
      { region: LIN, metric: 'lin-carers-employed' },
      { region: LIN, metric: 'lin-carer-employment-rate' },
    ],
    notes: [SYMBOL_PLACE_NOTE, { zh: '其他县的培训人数本版未分县报道', en: 'Other counties’ trainees are not reported by county' }],
    source: EDITION_SOURCE,
  },
  {
    id: 'incomes',
    title: { zh: '贫困地区农民收入', en: 'Incomes of farmers in poor areas' },
    description: {
      zh: '截至2019年底，全市贫困地区农民人均纯收入达到{{city-rural-income-2019}}，比2015年底增长{{city-rural-income-growth}}。',
      en: 'By the end of 2019 per-capita net income of farmers in poor areas reached {{city-rural-income-2019}}, {{city-rural-income-growth}} more than at the end of 2015.',
    },
    focus: [CITY_CODE],
    highlight: [],
    layers: [],
    callout: {
      title: { zh: '全市', en: 'Whole city' },
      metrics: ['city-rural-income-2019', 'city-rural-income-growth', 'city-consumption-sales', 'city-risk-loan-households'],
    },
    notes: [{ zh: '本版只给出全市数字', en: 'The edition gives city-wide figures only' }],
    source: EDITION_SOURCE,
  },
];

export const VIEW_IDS = VIEWS.map((v) => v.id);

export function viewById(id: string): ViewSpec {
  const v = VIEWS.find((x) => x.id === id);
  if (!v) throw new Error(`unknown map view "${id}" (known: ${VIEW_IDS.join(', ')})`);
  return v;
}

/** The id of a later page's overview map (its own figures): `overview-<page>`. */
export const pageOverviewId = (page: string) => `overview-${page}`;

/** The view a page's chapters mean by a view id: a later page's `overview` is its own (pageOverview), every other map is the series'. */
export const viewOfPage = (view: string, page: string | undefined) => (page && view === 'overview' ? pageOverviewId(page) : view);

/**
 * A later page's overview: the city with the counties the page reports outlined, its own city-wide
 * figures in the callout (up to six, in print order) and each county's figures on the page in its
 * tooltip. Page ①'s overview (`overview`) shows page ①'s figures; this one never does.
 */
export function pageOverview(page: { name: string; number: number; regions: string[]; metrics: Metric[] }): ViewSpec {
  const base = viewById('overview');
  const mark = circled(page.number);
  const counties = page.regions.filter((r, i, a) => r !== CITY_CODE && a.indexOf(r) === i);
  const own = page.metrics.filter((m) => m.restates === null);
  const city = own.filter((m) => m.region === CITY_CODE).slice(0, 6);
  const names = (lang: 'zh' | 'en', sep: string) => counties.map((c) => placeName(c, lang)).join(sep);
  return {
    id: pageOverviewId(page.name),
    page: page.name,
    title: base.title,
    description: {
      zh: `吕梁市地图。专刊${mark}报道${names('zh', '、')}。`,
      en: `Map of Lüliang. Page ${mark} reports on ${names('en', ', ')}.`,
    },
    focus: [CITY_CODE],
    highlight: counties,
    layers: [],
    locator: base.locator,
    callout: city.length
      ? { title: { zh: `全市（专刊${mark}）`, en: `Whole city (page ${mark})` }, metrics: city.map((m) => m.id) }
      : undefined,
    facts: own.filter((m) => counties.includes(m.region)).map((m) => ({ region: m.region, metric: m.id })),
    notes: [{ zh: `黑框：专刊${mark}专文报道的县`, en: `Outlined: the counties with their own articles on page ${mark}` }],
    source: editionSource(mark),
  };
}
