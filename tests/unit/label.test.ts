/**
 * The drafted zh label names the measure: what is measured, of whom, with its basis, and no more
 * than the clause says (issue 22, item 4). Every sentence is our own, none from page ①; each is
 * read through deriveText, so the context derive hands the label rule (unit, change role, the
 * sentence before the clause) is tested with it.
 */
import { describe, expect, it } from 'vitest';
import { deriveText } from '../../src/pipeline/extract/derive.ts';

/** The label of every figure of one paragraph, by raw. */
function labels(text: string, region: string | null = null): Map<string, string> {
  return new Map(
    deriveText('t-p1', text, region)
      .filter((f) => f.kind === 'figure')
      .map((f) => [f.raw, f.label]),
  );
}

describe('measure + number: the measure without the place, the date or the joining verb', () => {
  it('drops the county that is the subject and the change verb after the measure', () => {
    const l = labels('2019年，中阳县农村居民人均可支配收入增长到9537元。');
    expect(l.get('9537元')).toBe('农村居民人均可支配收入');
  });

  it('由X降至Y: the measure printed before 由 labels both numbers', () => {
    const l = labels('文水县贫困发生率由2014年的15.2%降至目前的0.1%。');
    expect(l.get('15.2%')).toBe('贫困发生率');
    expect(l.get('0.1%')).toBe('贫困发生率');
  });

  it('keeps 全县 with a total it scopes, and 累计 as the basis', () => {
    const l = labels('三年来，全县光伏扶贫总收益达1.2亿元，全县累计易地扶贫搬迁2.1万人。');
    expect(l.get('1.2亿元')).toBe('全县光伏扶贫总收益');
    expect(l.get('2.1万人')).toBe('累计易地扶贫搬迁人数');
  });
});

describe('a share', () => {
  it('X占到N% → X占比, a figure inside X kept as part of it', () => {
    const l = labels('截至目前，全县集体经济收入10万元以上的贫困村占到41%。');
    expect(l.get('41%')).toBe('集体经济收入10万元以上的贫困村占比');
    // The threshold is an amount of the villages' income, not a count of villages.
    expect(l.get('10万元以上')).toBe('贫困村集体经济收入');
  });

  it('占全省的N%、全市的M%: a share of each base, of the previous clause’s measure', () => {
    const l = labels('石楼县易地扶贫搬迁1.2万人，占全省的2%、全市的11%。');
    expect(l.get('2%')).toBe('易地扶贫搬迁人数占全省比重');
    expect(l.get('11%')).toBe('易地扶贫搬迁人数占全市比重');
  });
});

describe('a counted noun after the number, with its modifier', () => {
  it('takes the predicate as a modifier: 56个贫困村全部脱贫出列 → 脱贫出列的贫困村', () => {
    expect(labels('离石区56个贫困村全部脱贫出列。').get('56个')).toBe('脱贫出列的贫困村');
  });

  it('gives both things joined by 和 their shared predicate, and claims nothing for one it cannot name', () => {
    const l = labels('兴县在8个乡镇和3个易地移民集中安置点开设“爱心超市”。');
    expect(l.get('8个')).toBe('开设“爱心超市”的乡镇');
    // 3 sites with a love supermarket, not 3 sites.
    expect(l.get('3个')).toBe('开设“爱心超市”的易地移民集中安置点');
    const unknown = labels('汾阳市9个乡镇和3个街道办建成“扶贫车间”。');
    expect(unknown.get('3个')).not.toBe('乡镇');
    expect(unknown.get('3个')).toContain('街道办');
  });

  it('drops a verb that only makes the thing, keeps one that relates it, with the actor counted before', () => {
    const l = labels('汾阳市组建了36个专业合作社，覆盖52个行政村。');
    expect(l.get('36个')).toBe('专业合作社');
    expect(l.get('52个')).toBe('专业合作社覆盖的行政村');
  });

  it('reads a thing the noun table does not know after its count', () => {
    expect(labels('兴县新建12个日间照料中心。').get('12个')).toBe('日间照料中心');
  });
});

describe('a figure beside another, and a noun that goes on', () => {
  it('贫困人口3200户8100人: both figures take the noun before the first; 户 counts its households', () => {
    const l = labels('交口县有贫困村45个、贫困人口3200户8100人。');
    expect(l.get('3200户')).toBe('贫困人口户数');
    expect(l.get('8100人')).toBe('贫困人口');
  });

  it('a known noun running into another is one compound (党员干部), and N%的X is a share of X', () => {
    expect(labels('交城县1200名党员干部与贫困户结成帮扶对子。').get('1200名')).toBe('结成帮扶对子的党员干部');
    expect(labels('中阳县产业扶贫覆盖90%以上的贫困户。').get('90%以上')).toBe('产业扶贫覆盖贫困户比例');
  });
});

describe('a measure word with no noun names its count', () => {
  it('户 → 户数, 人 → 人数, for each figure of a list sharing one verb', () => {
    const l = labels('石楼县累计脱贫1.8万户5.2万人。');
    expect(l.get('1.8万户')).toBe('累计脱贫户数');
    expect(l.get('5.2万人')).toBe('累计脱贫人数');
  });
});

describe('a clause with no subject of its own takes the head of the clause before', () => {
  it('其中: a part of the previous measure', () => {
    expect(labels('交城县造林面积达到6.8万亩，其中经济林2.1万亩。').get('2.1万亩')).toBe('造林面积中的经济林');
  });

  it('其中 + a county alone: the previous measure itself, for that county', () => {
    const l = labels('全区扶贫小额信贷惠及贫困户5800户，其中交城县1200户、文水县900户。');
    expect(l.get('1200户')).toBe(l.get('5800户'));
    expect(l.get('900户')).toBe(l.get('5800户'));
  });

  it('a bare change (比上年增长, 年均增长) is the previous measure’s 增幅', () => {
    const l = labels('2019年，中阳县农村居民人均可支配收入增长到9537元，比上年增长11.2%。');
    expect(l.get('11.2%')).toBe('农村居民人均可支配收入增幅');
    const y = labels('离石区贫困人口人均纯收入比2015年提高了62.4%，年均增长12.9%。');
    expect(y.get('62.4%')).toBe('贫困人口人均纯收入增幅');
    expect(y.get('12.9%')).toBe('贫困人口人均纯收入年均增幅');
  });

  it('a comparison in points is the previous measure’s', () => {
    const l = labels('交口县贫困劳动力转移就业率为78%，高于全省平均水平5个百分点。');
    expect(l.get('5个百分点')).toBe('贫困劳动力转移就业率高于全省平均水平');
  });

  it('a measure noun alone (总规模) is of the thing counted before', () => {
    const l = labels('全县建成村级光伏电站43座，总规模38.5MW。');
    expect(l.get('43座')).toBe('村级光伏电站');
    expect(l.get('38.5MW')).toBe('村级光伏电站总规模');
  });
});

describe('the same measure on two pages gets the same label (src/views/kinds.ts fills a map only when the label names it)', () => {
  it('贫困发生率: 下降为 on one page, 由…降至 on another', () => {
    const a = labels('截至2019年底，交口县贫困发生率下降为0.26%。').get('0.26%');
    const b = labels('文水县贫困发生率由2014年的15.2%降至2019年底的0.1%。').get('0.1%');
    expect(a).toBe('贫困发生率');
    expect(b).toBe(a);
  });

  it('光伏扶贫电站规模: a capacity printed after the stations, or after 规模', () => {
    const a = labels('中阳县累计建成光伏扶贫电站52.3MW。').get('52.3MW');
    const b = labels('文水县光伏扶贫电站规模达到48MW。').get('48MW');
    expect(a).toBe('光伏扶贫电站规模');
    expect(b).toBe(a);
    expect(a).toContain('光伏扶贫电站');
  });

  it('造林面积: with 完成 before it or 达到 after it', () => {
    const a = labels('方山县完成造林面积6.8万亩。').get('6.8万亩');
    const b = labels('交城县造林面积达到12.3万亩。').get('12.3万亩');
    expect(a).toBe('造林面积');
    expect(b).toBe(a);
  });
});
