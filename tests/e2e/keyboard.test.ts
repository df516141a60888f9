/**
 * Keyboard-only use of the story (desktop, where the editor's tools sit beside the map): Tab
 * reaches every chapter link, every control of the map panel, the county buttons (tooltips),
 * Export and Embed, each visible and outlined when focused; chapter links, tooltips, the Export
 * menu and the Embed dialog all work from the keyboard. And prefers-reduced-motion: no smooth
 * scrolling, no camera flights, no transitions.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from './embed-helpers.ts';
import { DIST, newPage, type PageProbe } from './harness.ts';
import { nginxSite } from './nginx.ts';
import { distinctMapStepIndices, liveMap, restStepAt, scrollToTop, waitForSettledMap } from './story-helpers.ts';

const site = nginxSite(DIST);

interface Focused {
  what: string;
  /** Inside the viewport, not zero-sized, not hidden, and the topmost element at its centre. */
  visible: boolean;
  /** An outline or a box-shadow drawn because of focus. */
  indicated: boolean;
}

/** Presses Tab and describes what has focus now. */
async function tab(page: Page, shift = false): Promise<Focused> {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', visible: false, indicated: false };
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(cx, cy);
    const visible = inView && style.visibility !== 'hidden' && !!top && (el.contains(top) || top.contains(el));
    const indicated = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const cls = el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '';
    return { what: `${el.tagName.toLowerCase()}${cls} “${label}”`, visible, indicated };
  });
}

// The keyboard's story page, with the live map: reduced motion (newPage's default) is the
// motion test's first case too, on this page (a page load and a map start less, issue 25).
let probe: PageProbe;
let page: Page;
beforeAll(async () => {
  probe = await newPage(site.browser, { width: 1440, height: 900, origin: site.server.origin });
  page = probe.page;
  await page.goto(site.server.url('/'), { waitUntil: 'load' });
  await liveMap(page);
});
afterAll(async () => {
  await probe?.close();
});

describe('keyboard only, 1440 × 900', () => {
  it('Tab reaches the skip link, every chapter link and every control of the panel, each visible and outlined', async () => {
    const chapters = await page.$$eval('.chapter-nav a', (as) => as.map((a) => a.textContent!.trim()));
    const counties = await page.$$eval('.map-counties button', (bs) => bs.map((b) => b.textContent!.trim()));
    const seen: Focused[] = [];
    for (let i = 0; i < 80; i++) {
      const f = await tab(page);
      if (f.what === 'body' || seen.some((s) => s.what === f.what)) break;
      seen.push(f);
    }
    const names = seen.map((s) => s.what);
    expect(names[0]).toMatch(/^a\.skip-link/);
    for (const c of chapters)
      expect(
        names.some((n) => n.startsWith('a') && n.includes(c.slice(0, 30))),
        `chapter link ${c}`,
      ).toBe(true);
    for (const c of counties)
      expect(
        names.some((n) => n.startsWith('button') && n.includes(c)),
        `county ${c}`,
      ).toBe(true);
    for (const control of ['summary', 'button.embed-open', 'button “上一步', 'button “下一步', 'div.map-chrome']) {
      expect(
        names.some((n) => n.startsWith(control.split(' ')[0]!) && (!control.includes('“') || n.includes(control.split('“')[1]!))),
        control,
      ).toBe(true);
    }
    const hidden = seen.filter((s) => !s.visible).map((s) => s.what);
    const unmarked = seen.filter((s) => !s.indicated).map((s) => s.what);
    expect(hidden, 'focused but not visible').toEqual([]);
    expect(unmarked, 'focused without an outline').toEqual([]);
  });

  it('a chapter link (Enter) brings that chapter and its map', async () => {
    const links = await page.$$eval('.chapter-nav a', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    for (const id of links) {
      await page.focus(`.chapter-nav a[href="#${id}"]`);
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => location.hash === `#${id}`, id);
      await page.waitForFunction(
        (id) =>
          document.querySelector(`#${id} .step`)!.classList.contains('is-active') ||
          document.querySelector(`#${id} .step.is-active`) !== null,
        id,
        { timeout: 10_000 },
      );
      const step = await page.$eval(`#${id} .step`, (s) => ({
        view: (s as HTMLElement).dataset.view,
        state: (s as HTMLElement).dataset.state ?? '',
      }));
      await page.waitForFunction((t) => {
        const d = document.getElementById('story-map')!.dataset;
        return d.view === t.view && d.state === t.state;
      }, step);
    }
  });

  it('county buttons show their tooltip on focus, Escape hides it', async () => {
    const steps = await distinctMapStepIndices(page);
    await restStepAt(page, steps.find((s) => s.key === 'incidence-before')!.index);
    await page.locator('.map-counties button').first().focus();
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('.map-tooltip')!.hidden);
    const tip = await page.locator('.map-tooltip').boundingBox();
    expect(tip && tip.width > 0 && tip.y >= 0 && tip.y + tip.height <= 900).toBe(true);
    const next = await tab(page);
    expect(next.what).toMatch(/^button/);
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('.map-tooltip')!.hidden);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.map-tooltip')!.hidden);
  });

  it('Export opens with Enter and its size and buttons are reachable; Embed opens a dialog with focus inside and gives it back', async () => {
    await page.focus('.map-chrome:not([hidden]) [data-export-menu] summary');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.map-chrome:not([hidden]) [data-export-menu][open]');
    const inside = [await tab(page), await tab(page), await tab(page)];
    expect(inside.map((f) => f.what.split(' ')[0])).toEqual(['select', 'button', 'button']);
    expect(inside.every((f) => f.visible && f.indicated)).toBe(true);
    await page.focus('.map-chrome:not([hidden]) [data-export-menu] summary');
    await page.keyboard.press('Enter');
    await page.focus('.map-chrome:not([hidden]) button[data-embed-open]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    // Let the preview load (its static map; the live one waits for a pointer), so that closing
    // does not cancel its requests.
    const preview = await until('the preview frame', () => page.frames().find((f) => f.url().includes('/embed/')));
    await preview.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img.map-svg');
      return document.readyState === 'complete' && !!img?.complete && img.naturalWidth > 0;
    });
    for (let i = 0; i < 4; i++) {
      const f = await tab(page);
      expect(f.visible && f.indicated, f.what).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]') && document.activeElement?.matches('button[data-embed-open]'));
    expect(probe.errors()).toEqual([]);
  });
});

describe('prefers-reduced-motion', () => {
  /** Distinct screen positions a county label passes through while the map moves to another region. */
  async function labelPath(page: Page, to: number): Promise<number> {
    return page.evaluate(async (to) => {
      const label = document.querySelector<HTMLElement>('.map-label--county')!;
      const seen = new Set<string>([label.style.transform]);
      const panel = document.getElementById('story-map')!;
      document.querySelectorAll('.step[data-view]')[to]!.scrollIntoView({ block: 'start', behavior: 'instant' });
      // Every frame until the camera has moved and MapLibre is idle again.
      await new Promise<void>((done) => {
        let started = false;
        const frame = () => {
          seen.add(label.style.transform);
          if (panel.dataset.mapSettled === 'false') started = true;
          if (started && panel.dataset.mapSettled === 'true') done();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      return seen.size;
    }, to);
  }

  async function storyWithMotion() {
    const probe = await newPage(site.browser, { width: 1440, height: 900, origin: site.server.origin, motion: 'no-preference' });
    await probe.page.goto(site.server.url('/'), { waitUntil: 'load' });
    await liveMap(probe.page);
    return probe;
  }

  it('jumps instead of scrolling smoothly or flying the camera, and nothing transitions', async () => {
    // The keyboard's page (reduced motion), back at the first step with the map still.
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    await scrollToTop(page);
    await waitForSettledMap(page);
    const steps = await page.$$eval('.step[data-view]', (s) => s.map((x) => (x as HTMLElement).dataset.region));
    // A step whose region differs from the first: the camera must move there.
    const to = steps.findIndex((r) => r !== steps[0]);
    expect(await labelPath(page, to)).toBeLessThanOrEqual(2);
    // Next: the scroll has happened by the time the click returns (no smooth scroll).
    const moved = await page.evaluate(() => {
      const y = scrollY;
      document.querySelector<HTMLButtonElement>('[data-go="next"]')!.click();
      return scrollY !== y;
    });
    expect(moved).toBe(true);
    const transitions = await page.$$eval('.map-canvas, .step', (els) => [
      ...new Set(els.map((e) => getComputedStyle(e).transitionDuration)),
    ]);
    expect(transitions.every((d) => d.split(',').every((x) => parseFloat(x) === 0))).toBe(true);
    expect(probe.errors()).toEqual([]);
  });

  it('(without the preference, the same probes see the flight and the smooth scroll)', async () => {
    const probe = await storyWithMotion();
    const { page } = probe;
    const steps = await page.$$eval('.step[data-view]', (s) => s.map((x) => (x as HTMLElement).dataset.region));
    const to = steps.findIndex((r) => r !== steps[0]);
    expect(await labelPath(page, to)).toBeGreaterThan(2);
    const moved = await page.evaluate(() => {
      const y = scrollY;
      document.querySelector<HTMLButtonElement>('[data-go="next"]')!.click();
      return scrollY !== y;
    });
    expect(moved).toBe(false);
    await probe.close();
  });
});
