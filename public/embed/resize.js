/*!
 * Lüliang story-map embeds: resize.js — sets the height of this site's embed frames on a host page.
 * Hand-written, no dependencies, no build step. Protocol: src/embed/protocol.ts.
 *
 * <iframe src="https://MAPS/embed/pv/" …></iframe>
 * <script src="https://MAPS/embed/resize.js" async></script>
 *
 * Trusted origin: this script's own (data-origin="https://…" on the script tag overrides it).
 * A height is applied only to the frame whose window sent it, only from that origin, only if the
 * message has our shape; it is clamped, set as style.height (a host's `iframe { height: 100% }`
 * would beat the attribute, pym.js#168), and nothing else is ever done on request: no navigation.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin;
  try {
    origin = new URL((script && script.getAttribute('data-origin')) || script.src).origin;
  } catch (_e) {
    return;
  }
  if (!/^https?:\/\//.test(origin)) return;
  // One listener per embed origin, however many snippets paste this script.
  var flag = '__lvliangMapResize ' + origin;
  if (window[flag]) return;
  window[flag] = true;

  var MIN = 60, MAX = 20000, PLAUSIBLE = 100000;
  var EMBED_PATH = /^\/(en\/)?embed\/[a-z0-9-]+\/$/;

  function embedFrames() {
    var out = [], all = document.getElementsByTagName('iframe');
    for (var i = 0; i < all.length; i++) {
      var url;
      try {
        url = new URL(all[i].src, location.href);
      } catch (_e) {
        continue;
      }
      if (url.origin === origin && EMBED_PATH.test(url.pathname)) out.push(all[i]);
    }
    return out;
  }

  function ask(frame) {
    var win = frame.contentWindow, at = null;
    if (!win) return;
    // A frame not loaded yet is about:blank on the host's origin: skip it (its page reports on load).
    try {
      at = win.location.origin;
    } catch (_e) {
      // Another origin's page: the frame has loaded, and `at` stays null.
    }
    // Delivered only if the frame is on the embed origin.
    if (at === null || at === origin) win.postMessage({ type: 'lvliang-map:ask', v: 1 }, origin);
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'lvliang-map:height' || d.v !== 1) return;
    var h = d.height;
    if (typeof h !== 'number' || !(h > 0 && h <= PLAUSIBLE)) return;
    var frames = embedFrames();
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.min(MAX, Math.max(MIN, Math.ceil(h))) + 'px';
        return;
      }
    }
  });

  // A frame that reported before this (async) script ran is asked again, as is every frame that loads later.
  function askAll() {
    var frames = embedFrames();
    for (var i = 0; i < frames.length; i++) ask(frames[i]);
  }
  document.addEventListener(
    'load',
    function (e) {
      if (e.target && e.target.tagName === 'IFRAME' && embedFrames().indexOf(e.target) >= 0) ask(e.target);
    },
    true
  );
  askAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', askAll);
})();
