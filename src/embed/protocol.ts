/**
 * The sizing messages between an embed page and its host. public/embed/resize.js is hand-written
 * (no build step) and repeats these constants; tests/e2e/embed-protocol.test.ts checks they agree.
 *
 * The page posts three forms so that common hosts work unchanged:
 * - ours:  { type: 'lvliang-map:height', v: 1, id, height }   (read by /embed/resize.js)
 * - AMP:   { sentinel: 'amp', type: 'embed-size', height }    (amp-iframe resizable, @newswire/frames)
 * - pym:   'pymxPYMx<childId>xPYMxheightxPYMx<height>'        (pym.js, only when pym passed a childId)
 */
export const HEIGHT_TYPE = 'lvliang-map:height';
export const ASK_TYPE = 'lvliang-map:ask';
export const PROTOCOL_VERSION = 1;
/** resize.js drops heights outside (0, MAX_PLAUSIBLE] and clamps the rest to [MIN, MAX] px. */
export const HEIGHT_LIMITS = { min: 60, max: 20000, maxPlausible: 100000 } as const;

const PYM = 'xPYMx';

export function heightMessages(id: string, height: number, childId: string | null): unknown[] {
  const out: unknown[] = [
    { type: HEIGHT_TYPE, v: PROTOCOL_VERSION, id, height },
    { sentinel: 'amp', type: 'embed-size', height },
  ];
  if (childId) out.push(['pym', childId, 'height', String(height)].join(PYM));
  return out;
}

/**
 * Is this message a host asking for the height? Ours, @newswire/frames' init and pym's width
 * message (pym sends it on load and on every resize of the host) all are.
 */
export function isHeightRequest(data: unknown, childId: string | null): boolean {
  if (typeof data === 'string') return !!childId && data.startsWith(`pym${PYM}${childId}${PYM}width${PYM}`);
  if (!data || typeof data !== 'object') return false;
  const d = data as Record<string, unknown>;
  return (d.type === ASK_TYPE && d.v === PROTOCOL_VERSION) || (d.sentinel === 'amp' && d.type === 'frames-init');
}
