import { describe, expect, it } from 'vitest';
import { placeNames, shortName } from '../../../src/client/map-startup/labels.ts';

const box = (left: number, top: number, width: number, height = 12) => ({ left, top, right: left + width, bottom: top + height });
const MAP = box(0, 0, 390, 600);

describe('names on the map', () => {
  it('shortens a county name by its kind only', () => {
    expect(shortName('Lan County')).toBe('Lan');
    expect(shortName('Xiaoyi City')).toBe('Xiaoyi');
    expect(shortName('Lishi District')).toBe('Lishi');
    expect(shortName('临县')).toBe('临县');
    expect(shortName('County Road')).toBe('County Road');
  });

  it('shows a name in full where it fits', () => {
    expect(placeNames([{ rank: 1, full: box(10, 10, 80), short: box(30, 10, 30), hasShort: true }], MAP, [])).toEqual([
      { useShort: false, shown: true },
    ]);
  });

  it('shortens a name that would overlap one placed before it, and hides one that overlaps even short', () => {
    const placed = placeNames(
      [
        { rank: 1, full: box(100, 100, 80), short: box(120, 100, 40), hasShort: true },
        { rank: 1, full: box(40, 100, 80), short: box(50, 100, 40), hasShort: true },
        { rank: 2, full: box(110, 104, 60), short: box(110, 104, 60), hasShort: false },
      ],
      MAP,
      [],
    );
    expect(placed).toEqual([
      { useShort: false, shown: true },
      { useShort: true, shown: true },
      { useShort: false, shown: false },
    ]);
  });

  it('keeps names clear of what covers the map and inside its edges, and leaves the obstacles as given', () => {
    const legend = box(0, 0, 390, 80);
    const obstacles = [legend];
    const placed = placeNames(
      [
        { rank: 1, full: box(10, 70, 80), short: box(10, 70, 30), hasShort: true },
        { rank: 2, full: box(350, 300, 60), short: box(350, 300, 30), hasShort: true },
        { rank: 2, full: box(370, 400, 60), short: box(370, 400, 30), hasShort: true },
      ],
      MAP,
      obstacles,
    );
    expect(placed.map((p) => p.shown)).toEqual([false, true, false]);
    expect(placed[1]!.useShort).toBe(true);
    expect(obstacles).toEqual([legend]);
  });

  it('always shows a subject county’s name, and the names after it give way to it', () => {
    const placed = placeNames(
      [
        { rank: 0, full: box(10, 30, 80), short: box(10, 30, 80), hasShort: false },
        { rank: 2, full: box(20, 32, 60), short: box(20, 32, 60), hasShort: false },
      ],
      MAP,
      [box(0, 0, 390, 50)],
    );
    expect(placed).toEqual([
      { useShort: false, shown: true },
      { useShort: false, shown: false },
    ]);
  });
});
