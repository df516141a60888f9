/**
 * WebGL 2 is what MapLibre 6 needs. Asked before the map code is imported: a browser without it
 * keeps the build-time SVG and never downloads the ~1 MB it could not run. No imports, so the
 * pages' first scripts can carry it.
 */
export function webglAvailable(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}
