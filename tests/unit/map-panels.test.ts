import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/client/map-panels.ts';

describe('the panels partial, cut into blocks', () => {
  it('cuts before each top-level block, keeping every character of each block', () => {
    const a = '<div class="map-chrome" data-key="a" hidden><h2>A</h2><div class="map-legend"><svg><path d="M0,0"/></svg></div></div>';
    const b =
      '<div class="map-chrome" data-key="b" hidden><div class="map-tools"><dialog><select><option>x</option></select></dialog></div></div>';
    expect(splitBlocks(`${a}${b}\n`)).toEqual([a, `${b}\n`]);
  });

  it('finds no block in a page that has none', () => {
    expect(splitBlocks('<p>Not found</p>')).toEqual([]);
  });
});
