/**
 * The reader's first input: a pointer moving or pressing, a key, a wheel, a touch, a scroll.
 *
 * The live map is ~1 MB of MapLibre whose start-up keeps the main thread busy for a few hundred
 * milliseconds (WebGL set-up included). Until the reader does something, the build-time SVG is a
 * complete map — a facade, as Lighthouse's "lazy load with a facade" advice calls it — so the
 * map library starts only once the map is near the viewport AND the reader has begun to read,
 * point or scroll. A page that is only opened blocks nothing (Total Blocking Time stays ≈ 0).
 */
const EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

let happened = false;
const waiting: Array<() => void> = [];

/** Counts as the first input: a page opened mid-story (reload, #chapter link) is being read. */
export function markFirstInput(): void {
  fire();
}

function fire() {
  if (happened) return;
  happened = true;
  for (const type of EVENTS) removeEventListener(type, fire, true);
  for (const fn of waiting.splice(0)) fn();
}
for (const type of EVENTS) addEventListener(type, fire, { capture: true, passive: true });

/** Runs `fn` at the reader's first input (now, if there was one already). */
export function afterFirstInput(fn: () => void): void {
  if (happened) fn();
  else waiting.push(fn);
}
