import { describe, expect, it } from 'vitest';
import { compactPath, compactSvgPaths } from '../../src/render/svg-compact.ts';
import { loadSiteData } from '../../src/data/load.ts';
import { renderSvg } from '../../src/render/svg.ts';
import { compileView } from '../../src/views/compile.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';

/** The absolute vertices of compacted path data (relative l pairs, implied repeats). */
function vertices(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
    const nums = (args!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    for (let i = 0; i < nums.length; i += 2) {
      if (cmd === 'M' || cmd === 'L') [x, y] = [nums[i]!, nums[i + 1]!];
      else [x, y] = [x + nums[i]!, y + nums[i + 1]!];
      out.push([x, y]);
    }
  }
  return out;
}

describe('compactPath', () => {
  it('rounds each vertex to the unit (never drifting) and writes relative, implied pairs', () => {
    expect(compactPath('M10.4,20.6L12.2,20.4L12.4,18.6L10,18Z')).toBe('M10 21l2-1 0-1-2-1z');
    const d = 'M0.4,0.4' + Array.from({ length: 500 }, (_, i) => `L${(i * 1.37) % 97.3},${(i * 2.91) % 83.1}`).join('') + 'Z';
    const original = vertices(d);
    const compact = vertices(compactPath(d));
    // Every kept vertex is within half a unit of its original (rounding is absolute, not cumulative).
    let j = 0;
    for (const [x, y] of compact) {
      while (Math.abs(original[j]![0] - x) > 0.5 || Math.abs(original[j]![1] - y) > 0.5) j++;
      j++;
    }
    expect(j).toBeLessThanOrEqual(original.length);
  });

  it('leaves path data it does not understand alone', () => {
    for (const d of ['M0,0C1,1,2,2,3,3', 'm0 0l1 1', 'M0,0A5,5,0,0,1,10,10']) expect(compactPath(d)).toBe(d);
  });

  it('keeps every page SVG the same drawing, about 40 % of the bytes', () => {
    const { compileInput, geo } = loadSiteData();
    const k = allViewKeys()[0]!;
    const svg = renderSvg(compileView(k.view, compileInput, 'zh', k.state), geo, { width: 800, height: 1000, labelSize: 18, frame: false });
    const compact = compactSvgPaths(svg);
    expect(compact.replace(/ d="[^"]*"/g, '')).toBe(svg.replace(/ d="[^"]*"/g, ''));
    expect(compact.length).toBeLessThan(svg.length * 0.6);
  });
});
