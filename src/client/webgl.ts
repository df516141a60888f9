/**
 * The context attributes MapLibre 6 asks for (its required alpha, depth, stencil and premultiplied
 * alpha, and its defaults for the rest but one): a canvas whose WebGL 2 context was made with them can
 * be handed to MapLibre, which then gets that context back from getContext.
 */
const MAP_CONTEXT: WebGLContextAttributes = {
  alpha: true,
  depth: true,
  stencil: true,
  premultipliedAlpha: true,
  antialias: false,
  preserveDrawingBuffer: false,
  // MapLibre's default is 'high-performance'; made at idle on every visit, that would wake a
  // laptop's discrete GPU for a reader who never starts the map. A flat map needs no more.
  powerPreference: 'default',
  failIfMajorPerformanceCaveat: false,
  desynchronized: false,
};

/**
 * A canvas with the WebGL 2 context the map will draw with, or null: WebGL 2 is what MapLibre 6
 * needs. Asked before the map code is imported: a browser without it keeps the build-time SVG
 * and never downloads the ~1 MB it could not run. The probe's context is the map's (startMap's
 * `canvas`), so the reader's first input does not wait for a second one to be made. No imports,
 * so the pages' first scripts can carry it.
 */
export function webglCanvas(): HTMLCanvasElement | null {
  try {
    const canvas = document.createElement('canvas');
    return canvas.getContext('webgl2', MAP_CONTEXT) ? canvas : null;
  } catch {
    return null;
  }
}
