import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { addInStages, beforeId, LAYER_STAGES, layersByStage, stageOf } from '../../../src/client/map-startup/staging.ts';
import { compiledViews } from '../../../src/data/load.ts';
import { toMapLibreStyle } from '../../../src/render/maplibre-style.ts';
import { FakeMap } from './fake-map.ts';

const layer = (id: string) => ({ id, type: 'background' }) as LayerSpecification;
const styleOf = (...ids: string[]): StyleSpecification => ({ version: 8, sources: {}, layers: ids.map(layer) });
const ids = (layers: LayerSpecification[]) => layers.map((l) => l.id);

describe('the layers in stages', () => {
  it('puts every layer of every view’s style in one stage, each stage in the style’s order, the fills first', () => {
    for (const { key, view } of compiledViews('zh')) {
      const style = toMapLibreStyle(view);
      const stages = layersByStage(style);
      expect(stages, key).toHaveLength(LAYER_STAGES.length);
      expect(ids(stages.flat()).sort(), key).toEqual(ids(style.layers).sort());
      for (const s of stages) expect(ids(s), key).toEqual(ids(style.layers.filter((l) => s.includes(l))));
      expect(ids(stages[0]!), key).toContain('background');
    }
  });

  it('puts a layer it does not know in the last stage', () => {
    expect(stageOf('background')).toBe(0);
    expect(stageOf('a-new-layer')).toBe(LAYER_STAGES.length - 1);
  });

  it('adds a later stage’s layer below the first later layer already on the map, or on top', () => {
    const order = styleOf('a', 'b', 'c', 'd').layers;
    expect(beforeId(order, order[1]!, (id) => id === 'd' || id === 'a')).toBe('d');
    expect(beforeId(order, order[1]!, (id) => id === 'a')).toBeUndefined();
  });
});

describe('addInStages', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sets the first stage as the style, adds each later stage after a frame, and ends in the style’s order', async () => {
    const map = new FakeMap();
    const style = styleOf('background', 'counties-fill', 'river', 'counties-line', 'symbols', 'precision');
    const seen: string[][] = [];
    const done = addInStages(map as unknown as MapLibreMap, style, {
      stopped: () => false,
      onFirstLayers: () => seen.push([...map.layers]),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(map.layers).toEqual(['background', 'counties-fill']);
    map.fire('load');
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([['background', 'counties-fill']]);
    // The next stage waits for a frame of the map (or 100 ms without one).
    expect(map.layers).toHaveLength(2);
    map.fire('render');
    await vi.advanceTimersByTimeAsync(0);
    expect(map.layers).toEqual(['background', 'counties-fill', 'river', 'counties-line']);
    // The last stage: no frame comes, so after 100 ms; then a last task boundary.
    await vi.runAllTimersAsync();
    expect(await done).toBe(true);
    expect(map.layers).toEqual(ids(style.layers));
  });

  it('stops, adding nothing more, once the start-up was given up', async () => {
    const map = new FakeMap();
    let stopped = false;
    const done = addInStages(map as unknown as MapLibreMap, styleOf('background', 'river', 'symbols'), { stopped: () => stopped });
    await vi.advanceTimersByTimeAsync(0);
    stopped = true;
    map.fire('error');
    expect(await done).toBe(false);
    expect(map.layers).toEqual(['background']);
  });
});
