import { describe, expect, it } from 'vitest';
import { deriveText } from '../../src/pipeline/extract/derive.ts';

/** Region and its source for each figure of one sentence, in an article whose place is `article`. */
const regions = (text: string, article: string) =>
  deriveText('t-p1', text, article)
    .filter((f) => f.kind === 'figure')
    .map((f) => [f.raw, f.region, f.regionFrom]);

describe('a figure’s place is read from its clause (sentences written for this test, not from page ①)', () => {
  it('全市/本市/我市 inside a county’s article name 吕梁', () => {
    expect(regions('中阳县核桃种植面积达12.6万亩，全市核桃总面积达到160万亩。', '141129')).toEqual([
      ['12.6万亩', '141129', 'clause'],
      ['160万亩', '141100', 'clause'],
    ]);
    expect(regions('我市已建成扶贫车间326个。', '141128')).toEqual([['326个', '141100', 'clause']]);
  });

  it('in a county-level city’s own article, 全市 is that city', () => {
    expect(regions('全市累计脱贫1.2万人，其中易地搬迁3200人。', '141181')).toEqual([
      ['1.2万人', '141181', 'clause'],
      ['3200人', '141181', 'sentence'],
    ]);
  });

  it('全省 and 全国 as a subject are the province’s and the country’s; as a comparison or an object they are not', () => {
    expect(regions('全省共有深度贫困县58个。', '141130')).toEqual([['58个', '140000', 'clause']]);
    expect(regions('全国有832个贫困县全部摘帽。', '141130')).toEqual([['832个', '100000', 'clause']]);
    expect(regions('交口县蘑菇产量占全省的12%，产品销往全国20多个城市。', '141130')).toEqual([
      ['12%', '141130', 'clause'],
      ['20多个', '141130', 'sentence'],
    ]);
    expect(regions('农民人均收入增速高于全省平均水平2.1个百分点。', '141102')).toEqual([['2.1个百分点', '141102', 'article']]);
  });

  it('counties are recognised by their customary short names', () => {
    expect(regions('其中孝义3200户、汾阳2800户、石楼1500户。', '141100')).toEqual([
      ['3200户', '141181', 'clause'],
      ['2800户', '141182', 'clause'],
      ['1500户', '141126', 'clause'],
    ]);
  });

  it('吕梁 alone as a subject is the city; 吕梁山 is not', () => {
    expect(regions('全省光伏电站共有2.3万座，吕梁占18%。', '141124')).toEqual([
      ['2.3万座', '140000', 'clause'],
      ['18%', '141100', 'clause'],
    ]);
    expect(regions('全国评出示范村300个，其中吕梁27个。', '141124')).toEqual([
      ['300个', '100000', 'clause'],
      ['27个', '141100', 'clause'],
    ]);
    expect(regions('吕梁山区新修公路网220个村。', '141124')).toEqual([['220个', '141124', 'article']]);
  });

  it('a place after a coverb of direction or benefit (向, 为, 到) is not the figure’s: the giver is', () => {
    expect(regions('汾阳市累计向方山投入帮扶资金6000万元。', '141182')).toEqual([['6000万元', '141182', 'clause']]);
    expect(regions('离石区为交口培训致富带头人320名。', '141102')).toEqual([['320名', '141102', 'clause']]);
  });

  it('a later subject in the sentence takes over from the earlier one', () => {
    expect(regions('全市核桃面积达到160万亩，临县达到40万亩，占25%。', '141100')).toEqual([
      ['160万亩', '141100', 'clause'],
      ['40万亩', '141124', 'clause'],
      ['25%', '141124', 'sentence'],
    ]);
    expect(regions('文水与交城结成对子；交城2300名劳动力到文水务工，人均月收入3500元。', '141121')).toEqual([
      ['2300名', '141122', 'clause'],
      ['3500元', '141122', 'sentence'],
    ]);
  });

  it('a figure whose clause and sentence name no place takes the article’s, and says so', () => {
    expect(regions('新建淤地坝36道，治理水土流失面积2.4万亩。', '141125')).toEqual([
      ['36道', '141125', 'article'],
      ['2.4万亩', '141125', 'article'],
    ]);
  });
});
