/**
 * The page header of a PDF page, read from positions (src/pipeline/pdf/page-layout.ts), on pages
 * drawn here line by line: a slogan band is the header; a band of headlines apart from their
 * columns (naming a county, or 县名：) is not, and a page may print none.
 */
import { describe, expect, it } from 'vitest';
import { readPageLayout } from '../../src/pipeline/pdf/page-layout.ts';
import type { Line } from '../../src/pipeline/pdf/lines.ts';

const line = (text: string, x0: number, y: number, size: number, bold = false): Line => ({
  text,
  x0,
  x1: x0 + size * Array.from(text).length,
  y,
  top: y - size,
  bottom: y,
  size,
  font: bold ? 'NotoSansCJKsc-Bold' : 'NotoSerifCJKsc-Regular',
  bold,
  fakeBold: false,
});

/** One column of body text under `top`, its first line indented: two paragraphs about 汾阳市. */
const column = (top: number): Line[] => {
  const text = [
    '汾阳市是全国著名的酒都，也是农业',
    '大市。全市建成优质高粱基地15万',
    '亩，带动8600户农户增收。',
    '汾阳还与方山结成帮扶对子，每年',
    '收购方山高粱5000吨，带动贫困户',
    '1200户增收。',
  ];
  return text.map((t, i) => line(t, i === 0 || i === 3 ? 52 : 30, top + 16 * (i + 1), 11));
};
const MARKER_AT_FOOT = line('全国扶贫日·专刊⑨', 30, 400, 15, true);

describe('the page header, from the page’s top or bottom band', () => {
  it('a slogan band over the articles is the header', () => {
    const layout = readPageLayout(
      [
        line('决战脱贫攻坚 决胜全面小康', 30, 40, 22, true),
        line('汾阳市：酒都扶贫有“醇”', 30, 110, 21, true),
        ...column(120),
        MARKER_AT_FOOT,
      ],
      'x.pdf',
      'seeds/x.pdf',
    );
    expect(layout.manifest.pageHeader).not.toBeNull();
    expect(layout.lines.find((l) => l.role === 'header')!.text).toBe('决战脱贫攻坚 决胜全面小康');
  });

  it('a band of headlines apart from their columns is no header: none, reported', () => {
    const layout = readPageLayout(
      [line('汾阳市：酒都扶贫有“醇”', 30, 60, 21, true), ...column(100), MARKER_AT_FOOT],
      'x.pdf',
      'seeds/x.pdf',
    );
    expect(layout.manifest.pageHeader).toBeNull();
    expect(layout.lines.filter((l) => l.role === 'headline').map((l) => l.text)).toEqual(['汾阳市：酒都扶贫有“醇”']);
    expect(layout.undecided.join('\n')).toMatch(
      /«汾阳市：酒都扶贫有“醇”»\) names a place or a headline's colon: read as a headline, not the page header/,
    );
    expect(layout.found.join('\n')).toMatch(/page header: none/);
  });
});
