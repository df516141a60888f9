/**
 * The word tables the text-understanding step (derive.ts) reads a figure's clause with. Each
 * table is documented in docs/data.md ("Fields of a figure"); extend a table, not the code,
 * when a new page uses a word the tables do not know.
 */

/** Measure words and unit words that may follow a number, longest first (matched greedily). */
export const UNIT_WORDS = [
  '个百分点',
  '万千瓦时',
  '千瓦时',
  '万千瓦',
  '平方公里',
  '平方米',
  '公里',
  '千米',
  '千瓦',
  '公斤',
  '人次',
  '户次',
  '小时',
  '%',
  'MW',
  'kW',
  '户',
  '人',
  '名',
  '亩',
  '元',
  '座',
  '期',
  '道',
  '省',
  '支',
  '件',
  '只',
  '棒',
  '个',
  '头',
  '根',
  '吨',
  '家',
  '所',
  '条',
  '套',
  '间',
  '处',
  '项',
  '次',
  '辆',
  '台',
  '株',
  '斤',
  '眼',
  '倍',
  '批',
  '场',
  '届',
  '区',
  '村',
  '县',
  '种',
  '类',
  '天',
] as const;

/**
 * Unit words that also open a verb or a noun: not a unit before these characters (3万种植户 is
 * 3万 and 种植户, 60多种 is sixty-odd kinds).
 */
export const UNIT_WORD_NOT_BEFORE: Partial<Record<(typeof UNIT_WORDS)[number], string>> = { 种: '植养地田树草' };

/**
 * What a measure word counts when its sense does not depend on the noun (zh, en). 个/座/支/家…
 * need the noun (NOUNS); the words of MEASURE_SENSES need the clause; 头/只 fall back to head.
 */
export const MEASURE_COUNTS: Record<string, { zh: string; en: string }> = {
  人: { zh: '人', en: 'people' },
  名: { zh: '人', en: 'people' },
  户: { zh: '户', en: 'households' },
  人次: { zh: '人次', en: 'person-visits' },
  户次: { zh: '户次', en: 'household-visits' },
  根: { zh: '根', en: 'logs' },
  只: { zh: '只', en: 'head' },
  头: { zh: '头', en: 'head of livestock' },
  件: { zh: '件', en: 'items' },
  省: { zh: '省', en: 'provinces' },
  次: { zh: '次', en: 'times' },
  届: { zh: '届', en: 'editions' },
  场: { zh: '场', en: 'events' },
  项: { zh: '项', en: 'items' },
  株: { zh: '株', en: 'plants' },
  辆: { zh: '辆', en: 'vehicles' },
  台: { zh: '台', en: 'machines' },
  村: { zh: '村', en: 'villages' },
  种: { zh: '种', en: 'kinds' },
  类: { zh: '类', en: 'kinds' },
  县: { zh: '县', en: 'counties' },
};

/**
 * Measure words whose English depends on what they count, chosen by a word of the clause
 * (108道土豆宴 dishes, 36道淤地坝 dams; 26期培训 courses, 二期工程 phases). Where no sense's word
 * is in the clause and no known noun stands beside the number, the English is left untranslated.
 */
export const MEASURE_SENSES: Record<string, Array<{ words: string[]; en: string }>> = {
  道: [
    { words: ['淤地坝', '坝'], en: 'dams' },
    { words: ['宴', '菜', '美食'], en: 'dishes' },
    { words: ['工序', '程序', '环节', '手续'], en: 'procedures' },
  ],
  期: [
    { words: ['培训', '班'], en: 'training courses' },
    { words: ['工程', '项目'], en: 'phases' },
    { words: ['刊', '杂志', '简报'], en: 'issues' },
  ],
  棒: [{ words: ['菌', '菇', '木耳'], en: 'mushroom logs' }],
  座: [
    { words: ['电站'], en: 'stations' },
    { words: ['桥'], en: 'bridges' },
    { words: ['水库'], en: 'reservoirs' },
    { words: ['淤地坝', '坝'], en: 'dams' },
    { words: ['大棚', '棚'], en: 'greenhouses' },
  ],
  所: [
    { words: ['学校', '小学', '中学', '幼儿园'], en: 'schools' },
    { words: ['卫生院', '卫生室', '医院'], en: 'clinics' },
  ],
  处: [{ words: ['景点', '景区'], en: 'scenic spots' }],
  眼: [{ words: ['井', '水窖'], en: 'wells' }],
  只: [
    { words: ['羊'], en: 'sheep' },
    { words: ['鸡'], en: 'chickens' },
  ],
  头: [
    { words: ['牛'], en: 'cattle' },
    { words: ['猪'], en: 'pigs' },
  ],
};

/**
 * Nouns a figure counts, zh → en, matched as the longest noun right after the figure (1481个单位)
 * or right before it (建成集中安置点18个). Person nouns also name what 人/名 counts.
 */
export const NOUNS: Record<string, string> = {
  单位: 'units',
  工作队: 'work teams',
  工作队员: 'work-team members',
  第一书记: 'first Party secretaries',
  机关干部: 'government officials',
  干部: 'officials',
  驻村干部: 'village-based officials',
  县市区: 'counties, county-level cities and districts',
  贫困县区: 'poor counties and districts',
  贫困县: 'poor counties',
  深度贫困县: 'deeply poor counties',
  贫困人口: 'poor people',
  老年贫困人口: 'poor elderly people',
  贫困群众: 'poor people',
  群众: 'people',
  贫困户: 'poor households',
  建档立卡贫困户: 'registered poor households',
  贫困村: 'poor villages',
  非贫困村: 'non-poor villages',
  贫困自然村: 'poor hamlets',
  自然村: 'hamlets',
  行政村: 'administrative villages',
  村: 'villages',
  乡镇: 'townships',
  城市: 'cities',
  合作社: 'cooperatives',
  专业合作社: 'cooperatives',
  扶贫造林专业合作社: 'poverty-relief afforestation cooperatives',
  脱贫攻坚造林专业合作社: 'poverty-relief afforestation cooperatives',
  合作总社: 'cooperatives',
  社员: 'members',
  贫困户社员: 'members from poor households',
  培训基地: 'training bases',
  基地: 'bases',
  电站: 'stations',
  光伏电站: 'photovoltaic stations',
  光伏扶贫电站: 'poverty-relief photovoltaic stations',
  村级电站: 'village power stations',
  安置点: 'resettlement sites',
  集中安置点: 'resettlement sites',
  易地移民集中安置点: 'relocation sites',
  易地扶贫搬迁安置点: 'resettlement sites',
  扶贫车间: 'poverty-relief workshops',
  车间: 'workshops',
  产业园区: 'industrial parks',
  园区: 'parks',
  项目: 'projects',
  基础设施和公共服务项目: 'infrastructure and public-service projects',
  卫生室: 'clinics',
  贫困村卫生室: 'poor-village clinics',
  村级综合文化服务中心: 'village cultural service centres',
  学校: 'schools',
  公益岗位: 'public-welfare jobs',
  岗位: 'jobs',
  企业: 'enterprises',
  爱心超市: 'love supermarkets',
  超市: 'supermarkets',
  物品: 'items',
  土豆宴: 'potato-banquet dishes',
  菜品: 'dishes',
  大棚: 'greenhouses',
  贫困劳动力: 'poor workers',
  劳动力: 'workers',
  学生: 'students',
  党员: 'Party members',
  就业人员: 'workers',
};

/** A person noun: 人/名 counts it (1769名第一书记 counts first Party secretaries). */
export const PERSON_NOUNS = new Set([
  '工作队员',
  '第一书记',
  '机关干部',
  '干部',
  '驻村干部',
  '贫困人口',
  '老年贫困人口',
  '贫困群众',
  '群众',
  '社员',
  '贫困户社员',
  '贫困劳动力',
  '劳动力',
  '学生',
  '党员',
  '就业人员',
]);

/**
 * Head nouns of a group of people: a bare 万 before a noun phrase ending in one of them counts
 * people (46.8万农村人口, 11.8万农村困难群众, 1.2万农民), and so does one closing a clause after one
 * (接待游客120万).
 */
export const PERSON_HEADS = [
  '人口',
  '群众',
  '农民',
  '村民',
  '居民',
  '游客',
  '劳动力',
  '职工',
  '工人',
  '妇女',
  '学生',
  '儿童',
  '老人',
  '患者',
];

/**
 * Topics by keyword, in priority order: the first topic whose keyword the clause holds wins;
 * `strong` keywords name a programme, `weak` ones (增收, 贫困人口) only a general aim, so a
 * clause with only weak words takes its sentence's or paragraph's strong topic first.
 *
 * The keywords are poverty relief's own programme names and their usual objects (产业扶贫,
 * 就业扶贫, 易地扶贫搬迁, 生态扶贫, 光伏扶贫, 教育扶贫, 健康扶贫, 危房改造, 金融扶贫, 消费扶贫,
 * 兜底保障, 村集体经济…), not one page's words; tests/unit/topics.test.ts reads each topic
 * from clauses written for it.
 */
export const TOPICS: Array<{ topic: string; strong: string[]; weak?: string[] }> = [
  { topic: 'cooperatives', strong: ['合作总社', '村集体股', '股金', '村集体经济', '集体经济'] },
  {
    topic: 'welfare',
    strong: ['爱心超市', '爱心服务', '孝心', '兑换物品', '兑换', '养老', '低保', '救助', '兜底', '特困供养', '残疾', '五保'],
  },
  { topic: 'pv', strong: ['光伏', '电站', '阳光收入'] },
  { topic: 'relocation', strong: ['搬迁', '安置点', '安置', '移民', '复垦', '旧村拆除', '拆旧'] },
  { topic: 'training', strong: ['培训', '护工', '就业', '务工', '劳务输出', '技能', '公益岗位', '扶贫车间'] },
  { topic: 'education', strong: ['教育', '学校', '助学', '学生', '辍学', '雨露计划', '营养餐'] },
  { topic: 'health', strong: ['医疗', '健康扶贫', '医保', '大病', '家庭医生', '签约服务', '住院', '报销', '先诊疗后付费'] },
  { topic: 'housing', strong: ['危房', '住房安全', '农房'] },
  {
    topic: 'ecology',
    strong: ['造林', '退耕还林', '森林', '生态', '林业', '提质增效', '护林', '管护', '淤地坝', '水土流失', '水土保持', '治理'],
  },
  { topic: 'cadres', strong: ['工作队', '第一书记', '机关干部', '帮扶单位', '结对帮扶', '干部', '驻村'] },
  { topic: 'finance', strong: ['贷款', '金融', '风险补偿', '信贷', '保险'] },
  { topic: 'consumption', strong: ['销售额', '消费扶贫', '展销', '电商', '直播带货', '农产品销售'] },
  {
    topic: 'infrastructure',
    strong: ['卫生室', '文化服务中心', '硬化路', '动力电', '通电', '饮水', '网络', '道路', '公路', '自来水', '宽带', '桥'],
  },
  {
    topic: 'industry',
    strong: [
      '产业',
      '种植',
      '养殖',
      '红枣',
      '核桃',
      '杂粮',
      '食用菌',
      '香菇',
      '中药材',
      '畜禽',
      '土豆',
      '马铃薯',
      '金鸡',
      '菜品',
      '大棚',
      '乡村旅游',
      '旅游',
      '龙头企业',
      '特色农业',
      '一村一品',
    ],
  },
  { topic: 'poverty', strong: ['贫困发生率', '减贫', '累计脱贫', '摘帽', '退出', '深度贫困', '贫困县'], weak: ['脱贫', '贫困人口'] },
  { topic: 'income', strong: ['纯收入', '可支配收入'], weak: ['收入', '增收', '收益'] },
];

/** Words that make a money figure per unit (basis.per). */
export const PER_WORDS: Array<{ per: 'person' | 'household' | 'village'; words: string[] }> = [
  { per: 'person', words: ['人均', '每人', '每名', '工资', '月薪', '年薪'] },
  { per: 'household', words: ['户均', '每户'] },
  { per: 'village', words: ['村均', '每村', '每个村', '每个贫困村', '每一个贫困村'] },
];

/** Words that make a money figure per time (basis.every). */
export const EVERY_WORDS: Array<{ every: 'month' | 'year'; words: string[] }> = [
  { every: 'month', words: ['每月', '月工资', '月均', '月收入', '月薪', '月人均'] },
  { every: 'year', words: ['每年', '年均', '年收益', '年收入', '年薪', '纯收入', '可支配收入', '年人均'] },
];

/**
 * Verbs that bring the counted thing into being (建立了1301个合作社: the label is the cooperatives,
 * not “the established cooperatives”); a label keeps every other verb before a counted noun
 * (覆盖1129个贫困村 → 覆盖的贫困村). Matched at the end of the verb phrase (择优确立).
 */
export const CREATION_VERBS = ['建立', '建成', '组建', '成立', '新建', '设立', '确立', '形成', '培育', '有', '拥有'];

/**
 * Nouns that name a measure but not what it is of (总规模, 面积, 收益): a clause made of one of them
 * takes the thing its sentence counted before (建成村级光伏电站105座，总规模58.6MW → 村级光伏电站总规模).
 */
export const MEASURE_NOUNS = ['规模', '面积', '收益', '收入', '产值', '产量', '人数', '户数', '金额', '投资', '资金'];

/** What a measure word with no noun counts, as a label's last word (累计脱贫7.97万户 → 累计脱贫户数). */
export const COUNT_NOUNS: Record<string, string> = {
  人: '人数',
  名: '人数',
  户: '户数',
  期: '期数',
  次: '次数',
  人次: '人次',
  户次: '户次',
  省: '省份',
};
