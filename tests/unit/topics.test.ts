import { describe, expect, it } from 'vitest';
import { deriveText } from '../../src/pipeline/extract/derive.ts';

const topicOf = (text: string) => deriveText('t-p1', text, '141129').find((f) => f.kind === 'figure')!.topic;

/** One clause per topic, written for this test (none is from page ①). */
const CLAUSES: Array<[string, string]> = [
  ['旧村拆除复垦率达到96%。', 'relocation'],
  ['全县易地扶贫搬迁安置点建成9个。', 'relocation'],
  ['村集体经济收入10万元以上的贫困村占到41%。', 'cooperatives'],
  ['新增低保兜底对象1260人。', 'welfare'],
  ['村级光伏电站总规模38.5MW。', 'pv'],
  ['开展技能培训47期，培训贫困劳动力3100人。', 'training'],
  ['落实雨露计划补助学生2150名。', 'education'],
  ['家庭医生签约服务覆盖贫困人口3.2万人。', 'health'],
  ['完成农村危房改造1380户。', 'housing'],
  ['新建淤地坝36道，治理水土流失面积2.4万亩。', 'ecology'],
  ['累计发放扶贫小额信贷2.3亿元。', 'finance'],
  ['通过电商平台销售农产品1.6亿元。', 'consumption'],
  ['新建通村硬化路186条，改造农村电网线路42条。', 'infrastructure'],
  ['全县核桃种植面积达12.6万亩。', 'industry'],
  ['贫困发生率由21.3%降至0.05%。', 'poverty'],
  ['农村居民人均可支配收入达到9537元。', 'income'],
];

describe('topics come from poverty relief’s programme words, on clauses not from page ①', () => {
  for (const [clause, topic] of CLAUSES) it(`${clause} → ${topic}`, () => expect(topicOf(clause)).toBe(topic));
});
