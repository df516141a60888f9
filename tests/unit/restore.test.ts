import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitDoubledRuns } from '../../src/pipeline/undouble.ts';
import { dropLayoutSpaces, joinLines, restoreLine } from '../../src/pipeline/restore-line.ts';
import { buildAll } from '../../src/pipeline/generate.ts';

const text = (raw: string) => restoreLine(raw, 1).text;

describe('undoubling one line', () => {
  it('halves runs printed twice, digits and punctuation included', () => {
    expect(text('全 市 累 计 减 贫全 市 累 计 减 贫 2121..77 万 户万 户')).toBe('全市累计减贫21.7万户');
    expect(text('00..1818%%，，14391439个贫困村全部退出个贫困村全部退出')).toBe('0.18%，1439个贫困村全部退出');
    expect(text('，，')).toBe('，');
  });

  it('keeps real reduplication: the fewest doubled runs win', () => {
    expect(text('营造出营造出““人人持证人人持证，，技能社会技能社会””氛围氛围')).toBe('营造出“人人持证，技能社会”氛围');
    expect(text('家家户户家家户户')).toBe('家家户户');
    expect(text('千千万万千千万万')).toBe('千千万万');
    expect(splitDoubledRuns('人人持证人人持证')).toEqual(['人人持证']);
  });

  it('keeps a line printed once exactly as printed, its spaces too', () => {
    const l = restoreLine(' 牢记嘱托 决战脱贫攻坚 决胜全面小康', 7);
    expect(l).toMatchObject({ text: '牢记嘱托 决战脱贫攻坚 决胜全面小康', printedOnce: true, line: 7 });
  });

  it('drops justification spaces inside runs and between runs', () => {
    const l = restoreLine('五 胜五 胜 。。 到到 20192019 年 底年 底', 1);
    expect(l.text).toBe('五胜。到2019年底');
    expect(l.justified).toBe(true);
  });

  it('keeps decimals, percents, fractions and units whole', () => {
    expect(text('建成光伏扶贫电站建成光伏扶贫电站 197197..0202MWMW，，占全省的占全省的 11//77。。')).toBe(
      '建成光伏扶贫电站197.02MW，占全省的1/7。',
    );
    expect(text('收益收益 1010%%——2020%%对贫困户对贫困户')).toBe('收益10%—20%对贫困户');
    expect(text('““33++66+X+X””产业产业')).toBe('“3+6+X”产业');
  });

  it('keeps a space only between two ASCII words or numbers', () => {
    expect(dropLayoutSpaces('7 乘 3X')).toBe('7乘3X');
    expect(dropLayoutSpaces('Lin County 2019')).toBe('Lin County 2019');
  });

  it('joins words cut across lines with nothing between CJK glyphs', () => {
    expect(joinLines(['也是省', '委、省政府'])).toBe('也是省委、省政府');
    expect(joinLines(['total of', 'words'])).toBe('total of words');
  });
});

describe('the whole seed', () => {
  const { edition } = buildAll(process.cwd());
  const all = [
    edition.pageHeader!.text,
    edition.editionMarker.text,
    ...edition.articles.flatMap((a) => [a.headline?.text ?? '', a.deck?.text ?? '', ...a.paragraphs.map((p) => p.text)]),
    ...edition.captions.map((c) => c.text),
  ].join('\n');

  it('has the page header (printed once), the marker and the five articles in reading order', () => {
    expect(edition.pageHeader!.text).toBe('牢记嘱托 决战脱贫攻坚 决胜全面小康');
    expect(edition.editionMarker.text).toBe('全国扶贫日·专刊①');
    expect(edition.articles.map((a) => [a.id, a.region, a.headline?.text ?? null])).toEqual([
      ['lead', '141100', '吕梁脱贫这几年'],
      ['linxian', '141124', '临县：“精准”书写脱贫攻坚答卷'],
      ['lanxian', '141127', '岚县：走出“产业”“生态”别样扶贫路'],
      ['shilou', '141126', null],
      ['xingxian', '141123', '兴县：脱贫攻坚走出特色之路'],
    ]);
    expect(edition.articles[0]!.deck?.text).toBe(
      '全市累计减贫21.7万户58.5万人，贫困发生率下降为0.18%，1439个贫困村全部退出，10个贫困县区全部摘帽',
    );
  });

  it('loses no glyph and invents none: the restored text doubled back gives the seed minus spaces', () => {
    const seed = readFileSync('seeds/000_0be6d20330056c62.txt', 'utf8');
    const count = (s: string) => {
      const m = new Map<string, number>();
      for (const c of s.replace(/\s/g, '')) m.set(c, (m.get(c) ?? 0) + 1);
      return m;
    };
    const printedOnce = edition.pageHeader!.text.replace(/\s/g, '');
    const restored = count(all.replace(edition.pageHeader!.text, ''));
    const expected = count(seed.replace(/\s/g, '').replace(printedOnce, ''));
    for (const [c, n] of expected) expect([c, restored.get(c) ?? 0]).toEqual([c, n / 2]);
    expect(restored.size).toBe(expected.size);
  });

  it('restores sentences cut across lines and columns as they read', () => {
    expect(all).toContain('临县是山西、吕梁脱贫攻坚的主战场，也是省委、省政府确定的10个深度贫困县之一。');
    expect(all).toContain('全县累计脱贫7.97万户20.53万人，贫困发生率由39.5%降至0.39%。');
    expect(all).toContain('“千万重担众人挑”的目标顺利完成');
    expect(all).toContain('营造出“人人持证，技能社会”氛围');
    expect(all).toContain('经营所得优先拿出收益10%—20%对贫困户分配');
  });

  it('splits paragraphs where the columns end them, with stable ids', () => {
    const lin = edition.articles.find((a) => a.id === 'linxian')!;
    expect(lin.paragraphs.map((p) => p.text.slice(0, 8))).toEqual([
      '临县是山西、吕梁',
      '生态扶贫打赢增绿',
      '易地搬迁4万名贫',
      '光伏扶贫实现三个',
      '扶贫孝心基金工程',
      '护工护理培训让劳',
    ]);
    expect(lin.paragraphs.map((p) => p.id)).toEqual(['linxian-p1', 'linxian-p2', 'linxian-p3', 'linxian-p4', 'linxian-p5', 'linxian-p6']);
  });

  it('flags the defects of the source and keeps them as printed', () => {
    expect(all).toContain('带动11.5贫困人口脱贫增收');
    expect(edition.flags).toContainEqual(expect.objectContaining({ at: 'lead-p7', kind: 'missing-unit', excerpt: '11.5贫困人口' }));
    expect(edition.flags).toContainEqual(expect.objectContaining({ kind: 'reversed-quotes', excerpt: '”党支部+合作总社“引领脱贫攻坚' }));
    expect(edition.flags.filter((f) => f.kind === 'printed-once').map((f) => f.excerpt)).toEqual(['牢记嘱托 决战脱贫攻坚 决胜全面小康']);
  });

  it('splits the captions and names the county each one names', () => {
    expect(edition.captions).toHaveLength(12);
    const byText = new Map(edition.captions.map((c) => [c.text, c.regions]));
    expect(byText.get('市委副书记、市长王立伟在临县移民小区调研')).toEqual(['141124']);
    expect(byText.get('岚县马铃薯产业基地')).toEqual(['141127']);
    expect(byText.get('方山县积翠乡刘家庄村光伏发电项目')).toEqual(['141128']);
    expect(byText.get('易地扶贫搬迁4万名贫困群众走出大山')).toEqual([]);
    expect(byText.get('金蛋助脱贫')).toEqual([]);
  });
});
