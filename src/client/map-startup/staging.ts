/**
 * Start-up staging: the style's layers added in groups, one group a frame, each group behind a
 * task boundary. Each new layer type compiles a shader program, and a compile blocks the main
 * thread; spread over a few frames, a tap is answered between them where one long task made it
 * wait.
 */
import type { LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { nextFrame, nextTask } from './scheduling.ts';

/**
 * The style's layers in three groups: the first is drawn in the first frame, each other a frame
 * later, so that shader compiles (which block the main thread) are spread over three frames.
 * Each frame also costs a tap waiting for it a frame's work, so more, smaller groups did not
 * answer taps sooner: six groups measured a median slowest tap of 376 ms against 312 ms for
 * three (8 bench runs each), and drew the map later. A layer in no group joins the last.
 */
export const LAYER_STAGES: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['background', 'neighbours-fill', 'counties-fill']),
  new Set(['neighbours-line', 'counties-line', 'river', 'highlight', 'counties-hatch']),
  new Set(['precision', 'symbols', 'sites']),
];

export const stageOf = (id: string): number => {
  const i = LAYER_STAGES.findIndex((s) => s.has(id));
  return i < 0 ? LAYER_STAGES.length - 1 : i;
};

/** The style's layers by stage, each in the style's order. */
export function layersByStage(style: StyleSpecification): LayerSpecification[][] {
  return LAYER_STAGES.map((_, stage) => style.layers.filter((l) => stageOf(l.id) === stage));
}

/** Where `layer` goes among those already added (`added`): before the first later layer of `order` there, or on top. */
export function beforeId(
  order: readonly LayerSpecification[],
  layer: LayerSpecification,
  added: (id: string) => boolean,
): string | undefined {
  return order.slice(order.indexOf(layer) + 1).find((l) => added(l.id))?.id;
}

type Staged = Pick<MapLibreMap, 'setStyle' | 'once' | 'on' | 'off' | 'addLayer' | 'getLayer'>;

/**
 * `style` on the map in stages: the first stage's layers as the map's style (then `onFirstStyle`),
 * awaited until loaded, then the other stages one frame each, and a last task boundary. Resolves
 * false as soon as `stopped()` says the start-up was given up (an error, a lost context).
 */
export async function addInStages(
  map: Staged,
  style: StyleSpecification,
  o: { onFirstStyle?: () => void; stopped: () => boolean; onFirstLayers?: () => void },
): Promise<boolean> {
  const [first = [], ...rest] = layersByStage(style);
  const loaded = new Promise<void>((resolve) => {
    map.once('load', () => resolve());
    map.once('error', () => resolve());
  });
  await nextTask();
  map.setStyle({ ...style, layers: first });
  o.onFirstStyle?.();
  await loaded;
  o.onFirstLayers?.();
  if (o.stopped()) return false;
  for (const layers of rest) {
    if (!layers.length) continue;
    await nextFrame(map);
    if (o.stopped()) return false;
    for (const layer of layers)
      map.addLayer(
        layer,
        beforeId(style.layers, layer, (id) => !!map.getLayer(id)),
      );
  }
  await nextTask();
  return true;
}
