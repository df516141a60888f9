import { describe, expect, it } from 'vitest';
import { deriveText } from '../../src/pipeline/extract/derive.ts';

const countedEn = (text: string, raw: string) => deriveText('t-p1', text, '141125').find((f) => f.raw === raw)!.counted?.en ?? null;

/** A measure word's English is chosen by what it counts; clauses written for this test. */
describe('measure words in English by the noun they count, else not translated', () => {
  const cases: Array<[string, string, string | null]> = [
    ['新建淤地坝36道。', '36道', 'dams'],
    ['研发特色菜品48道。', '48道', 'dishes'],
    ['审批流程压减到5道。', '5道', null],
    ['举办电商培训12期。', '12期', 'training courses'],
    ['移民新村二号楼已完成3期工程。', '3期', 'phases'],
    ['编印扶贫简报24期。', '24期', 'issues'],
    ['发展香菇400万棒。', '400万棒', 'mushroom logs'],
    ['新建村级光伏电站52座。', '52座', 'photovoltaic stations'],
    ['新建水库2座。', '2座', 'reservoirs'],
    ['新修便民桥9座。', '9座', 'bridges'],
    ['改造乡村学校14所。', '14所', 'schools'],
    ['打旱井120眼。', '120眼', 'wells'],
    ['养殖湖羊3000只。', '3000只', 'sheep'],
    ['新增肉牛800头。', '800头', 'cattle'],
  ];
  for (const [clause, raw, en] of cases) it(`${clause} ${raw} → ${en ?? 'not translated'}`, () => expect(countedEn(clause, raw)).toBe(en));
});
