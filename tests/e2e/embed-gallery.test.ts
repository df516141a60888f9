/**
 * The editors' embed gallery (/embed/, /en/embed/) on a phone and a desktop (issue 26): nothing
 * in a card runs out of it — the URL wraps after its slashes, never inside a word, and the Embed
 * button sits on its own line under it.
 */
import { describe, expect, it } from 'vitest';
import { builtSite, newPage } from './harness.ts';

const site = builtSite();

describe.each([
  { lang: 'zh', path: '/embed/' },
  { lang: 'en', path: '/en/embed/' },
])('the embed gallery in $lang', ({ path }) => {
  it.each([390, 1440])('at %i px wide, every card holds its thumbnail, title, URL and Embed button', async (width) => {
    const probe = await newPage(site.browser, { width, height: 900 });
    try {
      await probe.page.goto(site.url(path), { waitUntil: 'load' });
      await probe.page.waitForSelector('.embed-gallery button.embed-open:not([hidden])');
      const report = await probe.page.$$eval('.embed-gallery li', (cards) =>
        cards.map((card) => {
          const box = card.getBoundingClientRect();
          const out: string[] = [];
          // Every element's box, and every line of every text, inside the card's box.
          for (const el of card.querySelectorAll('*')) {
            if (el.closest('dialog')) continue;
            const r = el.getBoundingClientRect();
            if (r.width && (r.left < box.left - 0.5 || r.right > box.right + 0.5))
              out.push(`${el.tagName.toLowerCase()} ${r.left}–${r.right}`);
          }
          const text = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
          for (let n = text.nextNode(); n; n = text.nextNode()) {
            if (n.parentElement!.closest('dialog')) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const l of range.getClientRects()) if (l.right > box.right + 0.5) out.push(`"${n.textContent!.trim()}" to ${l.right}`);
          }
          const url = card.querySelector('code')!;
          const lines = new Set([...url.querySelectorAll('span')].map((s) => Math.round(s.getBoundingClientRect().top)));
          // Each URL part whole on one line (no break inside a word), the button below the URL.
          const parts = [...url.querySelectorAll('span')].filter((s) => s.getClientRects().length !== 1).map((s) => s.textContent);
          const button = card.querySelector('button.embed-open')!.getBoundingClientRect();
          return {
            url: url.textContent,
            overflow: out,
            brokenParts: parts,
            lines: lines.size,
            buttonBelow: button.top >= url.getBoundingClientRect().bottom - 0.5,
            scrolls: card.scrollWidth > card.clientWidth,
          };
        }),
      );
      expect(report.length).toBeGreaterThan(10);
      for (const r of report) {
        expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(en\/)?embed\/[a-z-]+\/$/);
        expect({ url: r.url, overflow: r.overflow, brokenParts: r.brokenParts, scrolls: r.scrolls, buttonBelow: r.buttonBelow }).toEqual({
          url: r.url,
          overflow: [],
          brokenParts: [],
          scrolls: false,
          buttonBelow: true,
        });
      }
    } finally {
      await probe.close();
    }
  });
});
