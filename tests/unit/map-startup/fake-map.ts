/**
 * A stand-in for the parts of MapLibre's Map that the start-up modules call (events, repaint,
 * render, style and layers, pixel ratio): it records the calls, so that each module's decisions
 * are tested without a browser or a GPU.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

type Listener = (...args: unknown[]) => void;

export class FakeMap {
  private listeners = new Map<string, Listener[]>();
  readonly calls: string[] = [];
  readonly ratios: Array<number | null> = [];
  readonly layers: string[] = [];
  style: StyleSpecification | null = null;

  on(type: string, fn: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
    return this;
  }
  off(type: string, fn: Listener) {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((l) => l !== fn),
    );
    return this;
  }
  once(type: string, fn: Listener) {
    const once: Listener = (...a) => {
      this.off(type, once);
      fn(...a);
    };
    return this.on(type, once);
  }
  fire(type: string, ...args: unknown[]) {
    for (const l of [...(this.listeners.get(type) ?? [])]) l(...args);
  }
  listening(type: string) {
    return (this.listeners.get(type) ?? []).length;
  }

  triggerRepaint() {
    this.calls.push('triggerRepaint');
  }
  redraw() {
    this.calls.push('redraw');
    return this;
  }
  _render(time: number) {
    this.calls.push(`render ${time}`);
    return this;
  }
  setPixelRatio(ratio: number | null) {
    this.ratios.push(ratio);
  }
  setStyle(style: StyleSpecification) {
    this.style = style;
    this.layers.splice(0, this.layers.length, ...style.layers.map((l) => l.id));
    return this;
  }
  addLayer(layer: LayerSpecification, before?: string) {
    const at = before === undefined ? this.layers.length : this.layers.indexOf(before);
    this.layers.splice(at, 0, layer.id);
    return this;
  }
  getLayer(id: string) {
    return this.layers.includes(id) ? { id } : undefined;
  }
}
