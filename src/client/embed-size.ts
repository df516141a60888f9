/**
 * The embed's side of the sizing protocol (src/embed/protocol.ts): report the root element's
 * height, rounded up, to the host whenever it changes by ≥ 1 px, and whenever the host asks.
 *
 * The height must never depend on the frame's own height, or frame and content would chase each
 * other: embed.css sizes everything from the width (no `height: 100%`, no `vh`; pym.js#176).
 */
import { heightMessages, isHeightRequest } from '../embed/protocol.ts';

export interface Sizing {
  /** Post the height now; `force` posts it even if unchanged (fonts ready, map drawn, host asked). */
  report(force?: boolean): void;
}

/** How long a host may take to apply a larger height before the frame lets its content scroll. */
const HOST_GRACE_MS = 1000;

export function startSizing(id: string, childId: string | null): Sizing {
  const root = document.documentElement;
  const host = window.parent !== window ? window.parent : null;
  let last = -1;
  let graceTimer = 0;

  const measure = () => Math.ceil(root.getBoundingClientRect().height);

  /**
   * While the host keeps the frame as tall as its content, the frame never shows a scrollbar, not
   * even for the frame or two before a taller height arrives (a scrollbar would narrow the page
   * and change its height again). A host that does not resize (the script stripped, iframely#272)
   * leaves the content scrollable at the frame's fixed height.
   */
  const fit = () => {
    if (innerHeight >= last - 1) {
      clearTimeout(graceTimer);
      graceTimer = 0;
      root.classList.add('embed-fitted');
    } else if (root.classList.contains('embed-fitted') && !graceTimer) {
      graceTimer = window.setTimeout(() => {
        graceTimer = 0;
        if (innerHeight < last - 1) root.classList.remove('embed-fitted');
      }, HOST_GRACE_MS);
    }
  };

  const report = (force = false) => {
    const height = measure();
    if (!force && Math.abs(height - last) < 1) return;
    last = height;
    root.dataset.reportedHeight = String(height);
    // '*': the host's origin is unknown and a height is no secret; hosts check who sent it.
    if (host) for (const message of heightMessages(id, height, childId)) host.postMessage(message, '*');
    fit();
  };

  // At most one measurement per animation frame, however many boxes resized.
  let queued = false;
  new ResizeObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      report();
    });
  }).observe(root);

  addEventListener('resize', fit);
  addEventListener('message', (e) => {
    if (host && e.source === host && isHeightRequest(e.data, childId)) report(true);
  });
  report(true);
  return { report };
}
