/**
 * The text-understanding step on clauses it was not tuned to: other counties of 吕梁, other
 * money, basis and period phrasings. Each case is a sentence of our own.
 */
import { describe, expect, it } from 'vitest';
import { deriveText, readFigure } from '../../src/pipeline/extract/derive.ts';
import { isoOf } from '../../src/pipeline/extract/period.ts';

const JIAOCHENG = '141122';
const FANGSHAN = '141128';
const ZHONGYANG = '141129';
const LIULIN = '141125';
const FENYANG = '141182';
const XIAOYI = '141181';
const WENSHUI = '141121';
const JIAOKOU = '141130';
const LISHI = '141102';

/** The figures of one paragraph, by raw. */
function figures(text: string, region: string | null = null) {
  return new Map(deriveText('t-p1', text, region).map((f) => [f.raw, f]));
}

describe('value, unit, qualifier, counted thing', () => {
  it('reads 余 inside the 万 (4000余万元) and outside it (11万余人次)', () => {
    const f = figures('截至2020年底，交城县贫困群众累计增收3000余万元，服务群众8万余人次。', JIAOCHENG);
    expect(f.get('3000余万元')).toMatchObject({ value: 30000000, unit: 'yuan', qualifier: 'more-than', region: JIAOCHENG });
    expect(f.get('8万余人次')).toMatchObject({
      value: 80000,
      unit: 'count',
      qualifier: 'more-than',
      counted: { zh: '人次', en: 'person-visits' },
    });
  });

  it('names the counted thing from the measure word or the noun beside it', () => {
    const f = figures('方山县建成光伏电站36座，举办培训班12期，发展食用菌500万根，养殖肉牛1200头，新建扶贫车间15个。', FANGSHAN);
    expect(f.get('36座')!.counted).toEqual({ zh: '光伏电站', en: 'photovoltaic stations' });
    expect(f.get('12期')!.counted).toEqual({ zh: '期', en: 'training courses' });
    expect(f.get('500万根')).toMatchObject({ value: 5000000, counted: { zh: '根', en: 'logs' } });
    expect(f.get('1200头')!.counted).toEqual({ zh: '头', en: 'cattle' });
    expect(f.get('15个')!.counted).toEqual({ zh: '扶贫车间', en: 'poverty-relief workshops' });
  });

  it('takes the unit of a bare 万 from the noun after it, and refuses a bare number with none', () => {
    const f = figures('中阳县带动近3万贫困人口增收，惠及1.2万贫困户，另有7.5贫困劳动力。', ZHONGYANG);
    expect(f.get('近3万')).toMatchObject({ value: 30000, unit: 'people', qualifier: 'nearly' });
    expect(f.get('1.2万')).toMatchObject({ value: 12000, unit: 'households' });
    expect(f.get('7.5')).toMatchObject({ kind: 'unreadable' });
  });

  it('a bare 万 counts people when a noun phrase headed by people follows it, or closes a clause after one', () => {
    const f = figures('交口县带动2.3万农村妇女就业，接待游客36万，惠及4.1万农村困难群众；投资5万建设，3万种植户受益。', JIAOKOU);
    expect(f.get('2.3万')).toMatchObject({ value: 23000, unit: 'people' });
    expect(f.get('36万')).toMatchObject({ value: 360000, unit: 'people' });
    expect(f.get('4.1万')).toMatchObject({ value: 41000, unit: 'people' });
    expect(f.get('5万')).toMatchObject({ kind: 'unreadable' });
    expect(f.get('3万')).toMatchObject({ kind: 'unreadable' });
  });

  it('种/类 count kinds; 平方公里, 小时, 天 are kept with their word, outside the codebook', () => {
    const f = figures('柳林县开发红枣产品60多种、服务12类，治理水土流失面积180平方公里，日照2700小时以上，工期缩短45天。', LIULIN);
    expect(f.get('60多种')).toMatchObject({ value: 60, unit: 'count', qualifier: 'more-than', counted: { zh: '种', en: 'kinds' } });
    expect(f.get('12类')).toMatchObject({ value: 12, unit: 'count', counted: { zh: '类', en: 'kinds' } });
    expect(f.get('180平方公里')).toMatchObject({ kind: 'figure', unit: null, unitWord: '平方公里' });
    expect(f.get('2700小时以上')).toMatchObject({ kind: 'figure', unit: null, unitWord: '小时', qualifier: 'at-least' });
    expect(f.get('45天')).toMatchObject({ kind: 'figure', unit: null, unitWord: '天' });
  });

  it('reads 以上 and 约 as qualifiers', () => {
    const f = figures('柳林县每个贫困村集体经济收入达到5万元以上，约2000户受益。', LIULIN);
    expect(f.get('5万元以上')).toMatchObject({ value: 50000, qualifier: 'at-least' });
    expect(f.get('约2000户')).toMatchObject({ value: 2000, qualifier: 'about', unit: 'households' });
  });

  it('keeps ranges and fractions whole', () => {
    const f = figures('汾阳市将收益的15%—25%用于公益岗位，覆盖全市1/4的贫困村，约占全省的五分之一，每户补助3—5万元。', FENYANG);
    expect(f.get('15%—25%')).toMatchObject({ range: { low: 15, high: 25 }, unit: 'percent' });
    expect(f.get('1/4')).toMatchObject({ fraction: { numerator: 1, denominator: 4 } });
    expect(f.get('五分之一')).toMatchObject({ fraction: { numerator: 1, denominator: 5 } });
    expect(f.get('3—5万元')).toMatchObject({ range: { low: 30000, high: 50000 }, unit: 'yuan', basis: { per: 'household', every: null } });
  });

  it('reads a range written with 至 as one figure, and a span of dates with 至 as dates', () => {
    const f = figures('交口县每棚年收益4至6万元，护林员月工资600至900元，带动10%至15%的农户；2016至2020年，1至9月，连续3至5年。', '141130');
    expect(f.get('4至6万元')).toMatchObject({ kind: 'figure', range: { low: 40000, high: 60000 }, unit: 'yuan' });
    expect(f.get('600至900元')).toMatchObject({ range: { low: 600, high: 900 }, unit: 'yuan', basis: { per: 'person', every: 'month' } });
    expect(f.get('10%至15%')).toMatchObject({ range: { low: 10, high: 15 }, unit: 'percent' });
    expect(f.get('2016至2020年')).toMatchObject({ kind: 'date' });
    expect(f.get('1至9')).toMatchObject({ kind: 'date' });
    expect(f.get('3至5')).toMatchObject({ kind: 'date' });
  });
});

describe('basis of money figures', () => {
  it('per person, per household, per village; per month, per year; else a total', () => {
    const f = figures(
      '2019年，孝义市农民人均可支配收入达到16000元，户均增收2300元，每个贫困村每年分红8万元，护工月工资4500元，全市投入资金2.5亿元。',
      XIAOYI,
    );
    expect(f.get('16000元')!.basis).toEqual({ per: 'person', every: 'year' });
    expect(f.get('2300元')!.basis).toEqual({ per: 'household', every: null });
    expect(f.get('8万元')!.basis).toEqual({ per: 'village', every: 'year' });
    expect(f.get('4500元')!.basis).toEqual({ per: 'person', every: 'month' });
    expect(f.get('2.5亿元')!.basis).toEqual({ per: null, every: null });
  });

  it('gives no basis to other units', () => {
    expect(figures('文水县造林3万亩。', WENSHUI).get('3万亩')!.basis).toBeNull();
  });
});

describe('period and asOf from the nearest date phrase', () => {
  it('a point phrase holds for its sentence, with an ISO date', () => {
    const f = figures('截至2019年底，交口县累计脱贫1.5万人。目前，全县有合作社120个。', JIAOKOU);
    expect(f.get('1.5万人')).toMatchObject({ period: '截至2019年底', asOf: '2019-12-31' });
    expect(f.get('120个')).toMatchObject({ period: '目前', asOf: null });
  });

  it('a span (以来, 期间, N年来) holds for the paragraph until another phrase', () => {
    const f = figures('“十三五”期间，离石区搬迁3000户。全区建成安置点6个。2020年6月底，剩余贫困人口200人全部脱贫。', LISHI);
    expect(f.get('3000户')!.period).toBe('“十三五”期间');
    expect(f.get('6个')!.period).toBe('“十三五”期间');
    expect(f.get('200人')).toMatchObject({ period: '2020年6月底', asOf: '2020-06-30' });
  });

  it('连续N年 holds only in its own clause', () => {
    const f = figures('方山县连续三年实施造林工程10万亩，组建合作社80个。', FANGSHAN);
    expect(f.get('10万亩')!.period).toBe('连续三年');
    expect(f.get('80个')!.period).toBeNull();
  });

  it('a starting value (由X降至Y) takes no span as its time; its own date if printed', () => {
    const f = figures('2016年以来，中阳县贫困发生率由28.6%降至0.5%，森林覆盖率由2015年20.1%提高到目前的26.3%。', ZHONGYANG);
    expect(f.get('28.6%')).toMatchObject({ period: null, changeRole: 'from' });
    expect(f.get('0.5%')).toMatchObject({ period: '2016年以来', changeRole: 'to' });
    expect(f.get('20.1%')).toMatchObject({ period: '2015年', asOf: '2015', changeRole: 'from' });
    expect(f.get('26.3%')).toMatchObject({ period: '目前', changeRole: 'to' });
  });

  it('比X增长 makes a from–to period', () => {
    const f = figures('到2020年底，柳林县农民人均纯收入比2016年底增长了52.3%。', LIULIN);
    expect(f.get('52.3%')).toMatchObject({ period: '2016年底至2020年底', asOf: '2020-12-31' });
  });

  it('turns phrases into ISO dates only where the text gives one', () => {
    expect(isoOf('截至2019年底')).toBe('2019-12-31');
    expect(isoOf('至2020年6月')).toBe('2020-06');
    expect(isoOf('2020年2月底')).toBe('2020-02-29');
    expect(isoOf('2016年以来')).toBeNull();
    expect(isoOf('目前')).toBeNull();
  });
});

describe('region', () => {
  it('is the article’s county, or a county the clause names', () => {
    const f = figures('全市建成安置点87个，其中交城县12个、方山县9个。', '141100');
    expect(f.get('87个')!.region).toBe('141100');
    expect(f.get('12个')!.region).toBe(JIAOCHENG);
    expect(f.get('9个')!.region).toBe(FANGSHAN);
  });

  it('is Shanxi for a figure the province sets, not for a share of it', () => {
    const f = figures('汾阳市是省委、省政府确定的36个贫困县之一，搬迁人口占全省的2%。', FENYANG);
    expect(f.get('36个')!.region).toBe('140000');
    expect(f.get('2%')!.region).toBe(FENYANG);
  });

  it('is the county a caption names', () => {
    const [f] = deriveText('cap-1', '文水县800亩蔬菜大棚', WENSHUI);
    expect(f).toMatchObject({ region: WENSHUI, value: 800, unit: 'mu' });
  });
});

describe('topic from keywords', () => {
  it('prefers the clause’s programme word, then its sentence’s', () => {
    const f = figures('交口县建成光伏电站20座，带动贫困人口3000人增收；培训护工500人；开设爱心超市8个，其中在安置点2个。', JIAOKOU);
    expect(f.get('20座')!.topic).toBe('pv');
    expect(f.get('3000人')!.topic).toBe('pv');
    expect(f.get('500人')!.topic).toBe('training');
    expect(f.get('8个')!.topic).toBe('welfare');
    expect(f.get('2个')!.topic).toBe('welfare');
  });
});

describe('names and dates are not figures', () => {
  it('detects number names in quotes and bare', () => {
    const fs = deriveText('t-p1', '孝义市推行“1+2+N”帮扶模式和“33111”产业发展模式，打好“5乘2X”组合拳，落实3+1工作法。', XIAOYI);
    expect(fs.filter((f) => f.kind === 'name').map((f) => f.raw)).toEqual(['1+2+N', '33111', '5乘2X', '3+1']);
    expect(fs.some((f) => f.kind === 'figure')).toBe(false);
  });

  it('detects years, months and counts of years', () => {
    const fs = deriveText('t-p1', '2018年6月，离石区实施了3年行动。', LISHI);
    expect(fs.map((f) => f.kind)).toEqual(['date', 'date', 'date']);
  });

  // Issue 26: quoted digits before 工程/模式/计划 name a programme, unit word or not.
  it('reads 三个“100万亩”工程 as a programme’s name, and a quoted quantity without a name word as a figure', () => {
    expect(figures('实施三个“100万亩”工程。').get('100万亩')).toMatchObject({ kind: 'name' });
    expect(figures('启动“5万人”培训计划。').get('5万人')).toMatchObject({ kind: 'name' });
    expect(figures('造林面积完成“100万亩”的目标。').get('100万亩')).toMatchObject({ kind: 'figure', value: 1000000, unit: 'mu' });
  });
});

describe('readFigure on one number', () => {
  it('reads the extent from the start it is given, with the 近 before it', () => {
    const t = '全县累计销售额近5亿元。';
    const f = readFigure(t, t.indexOf('5'), null, JIAOCHENG);
    expect(f).toMatchObject({ raw: '近5亿元', value: 500000000, qualifier: 'nearly', region: JIAOCHENG, topic: 'consumption' });
  });
});

describe('robust on damaged text', () => {
  it('reads any mix of digits, units, marks and words without throwing, every figure found in the text', () => {
    const pieces = [
      '1',
      '23',
      '4.5',
      '万',
      '亿',
      '余',
      '多',
      '近',
      '约',
      '%',
      '—',
      '元',
      '人',
      '户',
      '个',
      '亩',
      '以上',
      '“',
      '”',
      '，',
      '。',
      '；',
      '年',
      '月',
      '底',
      '截至',
      '以来',
      '由',
      '降至',
      '其中',
      '交城县',
      '全县',
      '贫困户',
      '+',
      '/',
      '分之',
      '三',
      ' ',
      '\n',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 5 + (next() % 40) }, () => pieces[next() % pieces.length]).join('');
      const figs = deriveText('t-p1', text, '141122');
      for (const f of figs) {
        expect(text.slice(f.start, f.start + f.raw.length), text).toBe(f.raw);
        if (f.kind === 'figure') expect(f.value === null ? f.range : f.value, text).not.toBeNull();
      }
    }
  });
});

describe('English periods', () => {
  it('translates the date phrases by rule, and nothing it does not know', async () => {
    const { periodEnglish } = await import('../../src/pipeline/extract/period-en.ts');
    expect(periodEnglish('截至2019年底')).toBe('as of the end of 2019');
    expect(periodEnglish('至2020年6月')).toBe('by June 2020');
    expect(periodEnglish('2015年底至2019年底')).toBe('from the end of 2015 to the end of 2019');
    expect(periodEnglish('2016年以来')).toBe('since 2016');
    expect(periodEnglish('“十三五”期间')).toBe('during the 13th Five-Year Plan (2016–2020)');
    expect(periodEnglish('近五年来')).toBe('over the past five years');
    expect(periodEnglish('连续三年')).toBe('three years running');
    expect(periodEnglish('今年6月底')).toBe('the end of June this year');
    expect(periodEnglish('预计从2020年起')).toBe('expected from 2020');
    expect(periodEnglish('春耕时节')).toBeNull();
    expect(periodEnglish(null)).toBeNull();
  });
});

describe('units outside the codebook', () => {
  it('converts power to MW and leaves other measures without a unit, their word kept', () => {
    const f = figures('交城县建成光伏电站3万千瓦，村级电站300千瓦，修建道路120公里，产量提高2倍。', JIAOCHENG);
    expect(f.get('3万千瓦')).toMatchObject({ value: 30, unit: 'MW' }); // 30,000 kW
    expect(f.get('300千瓦')).toMatchObject({ value: 0.3, unit: 'MW' });
    expect(f.get('120公里')).toMatchObject({ kind: 'figure', value: 120, unit: null, unitWord: '公里', region: JIAOCHENG });
    expect(f.get('2倍')).toMatchObject({ unit: null, unitWord: '倍' });
  });
});
