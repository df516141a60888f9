import { describe, expect, it } from 'vitest';
import { restoreLine } from '../../src/pipeline/restore-line.ts';
import { damageLine, wrap } from '../fixtures/damage.ts';
import { syntheticPages } from '../fixtures/pages/index.ts';

/** Every printed line of the synthetic pages, cut at their column width. */
const printedLines = syntheticPages.flatMap((p) =>
  p.articles.flatMap((a) => [...a.paragraphs.flatMap((t) => wrap(t, p.columnWidth)), ...(a.headline ?? [])]),
);

function rnd(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('restore copes with every damage pattern of the generator', () => {
  it('a spaced line whose last run’s second copy is cut short (转 移转)', () => {
    const l = restoreLine('劳 动 力 转 移劳 动 力 转', 3);
    expect(l).toMatchObject({ text: '劳动力转移', cutShort: true, printedOnce: false, justified: true });
    expect(restoreLine('吕梁品牌吕梁品牌。。劳 动 力 转 移劳 动 力 转', 1).text).toBe('吕梁品牌。劳动力转移');
    expect(restoreLine('累计发放累计发放，，配套配', 1)).toMatchObject({ text: '累计发放，配套', cutShort: true });
  });

  it('a fully doubled line is never read as cut short', () => {
    expect(restoreLine('也是省也是省', 1)).toMatchObject({ text: '也是省', cutShort: false });
  });

  it('says which lines it could not undouble: kept as printed', () => {
    expect(restoreLine('牢记嘱托 决战脱贫攻坚', 9)).toMatchObject({ printedOnce: true, cutShort: false, text: '牢记嘱托 决战脱贫攻坚' });
  });

  for (const justified of [false, true])
    for (const cutShort of [false, true])
      it(`restores every printed line of the synthetic pages (justified: ${justified}, cut short: ${cutShort})`, () => {
        const r = rnd(justified ? 7 : 3);
        const wrong = printedLines
          .map((clean, i) => ({ clean, got: restoreLine(damageLine(clean, { justified, cutShort, rnd: r }), i + 1) }))
          .filter(({ clean, got }) => got.text !== clean || got.printedOnce);
        expect(wrong.map((w) => `${w.clean} → ${w.got.text}`)).toEqual([]);
      });
});
