/**
 * The story read on a phone, a tablet and a desktop, in both languages (issue: the phone reader):
 * every featured county keeps its name on the live overview map; the legend box is opaque, holds
 * its content and folds to its title on phones; chart text is ≥ 12 px; each county step frames
 * its county where the card and the legend box leave the map free; the overview, its embed and
 * the legend carry the locator inset; the translation note is read with the headline, not as a
 * card over the map; no word of a legend figure is broken across lines.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, type PageProbe, builtSite } from './harness.ts';
import {
  liveMap,
  resizeStory,
  restStep,
  scrollToTop,
  STORY_LANGS as LANGS,
  STORY_SIZES as WIDTHS,
  waitForSettledMap,
} from './story-helpers.ts';

/** The story's counties: 临县, 岚县, 石楼县, 兴县. */
const FEATURED = ['141124', '141127', '141126', '141123'];

const site = builtSite();

/** Opens the story at `path` for the describe block (its hooks), live map drawn, and hands over its page. */
function liveStory(path: string, size: { width: number; height: number }, use: (page: Page) => void): void {
  let probe: PageProbe | undefined;
  beforeAll(async () => {
    probe = await newPage(site.browser, size);
    use(probe.page);
    await probe.page.goto(site.url(path), { waitUntil: 'load' });
    await liveMap(probe.page);
  });
  afterAll(async () => {
    await probe?.close();
  });
}

type Box = { left: number; right: number; top: number; bottom: number };
/** The locator inset's image (/maps/{lang}/locator/…svg) has loaded and is drawn at its own size, described by its alt text. */
async function expectLocatorImage(figure: Locator): Promise<void> {
  const img = figure.locator('img');
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  const drawn = await img.evaluate((i: HTMLImageElement) => ({
    natural: i.naturalWidth,
    shown: Math.round(i.getBoundingClientRect().width),
    alt: i.alt,
  }));
  expect(drawn.shown).toBe(drawn.natural);
  expect(drawn.alt).toMatch(/吕梁|Lüliang/);
}

const overlaps = (a: Box, b: Box) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

describe.each(LANGS)('the story in $lang', ({ lang, path }) => {
  // One page a language, from the phone's width to the tablet's and the desktop's: a page load
  // and a live map's start less for each width (issue 25). Each width's tests begin from a step
  // of their own; the story's state through a resize is story.test.ts's own test.
  let page: Page;
  liveStory(path, WIDTHS[0], (p) => (page = p));

  describe.each(WIDTHS)('at $width×$height', ({ width, height }) => {
    beforeAll(() => resizeStory(page, { width, height }));

    it('names every featured county on the live overview map, inside the map and clear of the legend box', async () => {
      // The overview, as a reader sees it under the first card.
      await restStep(page, '.step[data-view="overview"]');
      await waitForSettledMap(page);
      const labels = await page.evaluate((codes) => {
        const map = document.querySelector('.map-canvas')!.getBoundingClientRect();
        const covers = [...document.querySelectorAll('.map-chrome:not([hidden]), .map-steps')].map(
          (e) => e.getBoundingClientRect().toJSON() as DOMRect,
        );
        return codes.map((code) => {
          const el = document.querySelector<HTMLElement>(`.map-label--county[data-code="${code}"]`);
          return {
            code,
            text: el?.textContent ?? '',
            crowded: el?.classList.contains('is-crowded') ?? true,
            box: el?.getBoundingClientRect().toJSON() as DOMRect | undefined,
            map: map.toJSON() as DOMRect,
            covers,
          };
        });
      }, FEATURED);
      await screenshot(page, `phone-labels-${lang}-${width}`);
      for (const l of labels) {
        expect(l.text, l.code).not.toBe('');
        expect(l.crowded, `${l.code} ${l.text} hidden`).toBe(false);
        expect(l.box!.left, `${l.text} cut at the left`).toBeGreaterThanOrEqual(l.map.left);
        expect(l.box!.right, `${l.text} cut at the right`).toBeLessThanOrEqual(l.map.right);
        for (const c of l.covers) expect(overlaps(l.box!, c), `${l.text} under the legend box or buttons`).toBe(false);
      }
    });

    it('sets chart text at 12 px or more', async () => {
      // Each chart is an image of an SVG file: its text sizes, in its units, times the image's scale on the page.
      const sizes = await page.$$eval('.chart-figure img', async (imgs) =>
        (
          await Promise.all(
            imgs.map(async (img) => {
              const svg = new DOMParser().parseFromString(
                await (await fetch((img as HTMLImageElement).src)).text(),
                'image/svg+xml',
              ).documentElement;
              const scale = img.getBoundingClientRect().width / Number(svg.getAttribute('viewBox')!.split(' ')[2]);
              const base = Number(svg.getAttribute('font-size'));
              return [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size') ?? base) * scale);
            }),
          )
        ).flat(),
      );
      expect(sizes.length).toBeGreaterThan(10);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    });

    it('frames each county step so that its county’s name sits in the free part of the map', async () => {
      const steps = await page.$$eval('.step[data-view]', (els) =>
        els.map((e, i) => ({ i, region: (e as HTMLElement).dataset.region ?? '' })).filter((s) => s.region && s.region !== '141100'),
      );
      expect(steps.length).toBeGreaterThan(3);
      const seen = new Set<string>();
      for (const s of steps) {
        if (seen.has(s.region)) continue; // the first step of each county
        seen.add(s.region);
        await page.evaluate(
          (i) => document.querySelectorAll('.step[data-view]')[i]!.scrollIntoView({ block: 'start', behavior: 'instant' }),
          s.i,
        );
        await page.waitForFunction((i) => document.querySelectorAll('.step[data-view]')[i]!.classList.contains('is-active'), s.i);
        await waitForSettledMap(page);
        const r = await page.evaluate(
          ({ i, code }) => {
            const step = document.querySelectorAll<HTMLElement>('.step[data-view]')[i]!;
            const label = document.querySelector<HTMLElement>(`.map-label--county[data-code="${code}"]`)!;
            const map = document.querySelector('.map-canvas')!.getBoundingClientRect();
            const chrome = document.querySelector('.map-chrome:not([hidden])')?.getBoundingClientRect();
            const card = step.getBoundingClientRect();
            const l = label.getBoundingClientRect();
            return {
              l: l.toJSON() as DOMRect,
              map: map.toJSON() as DOMRect,
              chrome: chrome?.toJSON() as DOMRect | undefined,
              card: card.toJSON() as DOMRect,
              text: label.textContent,
            };
          },
          { i: s.i, code: s.region },
        );
        const where = `${s.region} (${r.text}) at step ${s.i}`;
        expect(r.l.top, `${where}: above the map`).toBeGreaterThanOrEqual(r.map.top);
        expect(r.l.bottom, `${where}: below the map`).toBeLessThanOrEqual(Math.min(r.map.bottom, height));
        // The card lies over the map only in the phone layout (below 900 px).
        if (width < 900) expect(overlaps(r.l, r.card), `${where}: under the card`).toBe(false);
        if (r.chrome && overlaps(r.chrome, r.map)) expect(overlaps(r.l, r.chrome), `${where}: under the legend box`).toBe(false);
      }
    });

    if (width < 900)
      it('keeps the legend box opaque, holding its content, and folds it to its title', async () => {
        await scrollToTop(page);
        // Every view's block, shown in turn (they arrive after the load event).
        await page.waitForFunction(() => document.querySelectorAll('.map-chrome[data-key]').length > 5);
        const blocks = await page.evaluate(() => {
          const all = [...document.querySelectorAll<HTMLElement>('.map-chrome[data-key]')];
          const was = all.map((b) => b.hidden);
          const out = all.map((b) => {
            all.forEach((x) => (x.hidden = x !== b));
            const cs = getComputedStyle(b);
            return { key: b.dataset.key!, bg: cs.backgroundColor, scroll: b.scrollHeight, client: b.clientHeight };
          });
          all.forEach((x, i) => (x.hidden = was[i]!));
          return out;
        });
        for (const b of blocks) {
          expect(b.bg, `${b.key}: background`).toMatch(/^rgb\(/); // rgb(), not rgba(…, 0.92)
          expect(b.scroll, `${b.key}: content taller than its box`).toBeLessThanOrEqual(b.client + 1);
        }
        const toggle = page.locator('[data-legend-toggle]');
        expect(await toggle.isVisible()).toBe(true);
        const shown = page.locator('.map-chrome:not([hidden])');
        const before = await shown.boundingBox();
        await toggle.click();
        try {
          expect(await toggle.getAttribute('aria-expanded')).toBe('false');
          const folded = await shown.boundingBox();
          expect(folded!.height).toBeLessThan(before!.height / 2);
          expect(await shown.locator('.map-title').isVisible()).toBe(true);
          expect(await shown.locator('.map-legend').isVisible()).toBe(false);
          await screenshot(page, `phone-legend-folded-${lang}-${width}`);
        } finally {
          // Unfolded again whatever happened: the tests after this one read the legend box.
          if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
        }
        expect(await shown.locator('.map-legend').isVisible()).toBe(true);
      });

    it('keeps the translation note with the headline, above the map (never a card over it)', async () => {
      const [note, map] = await Promise.all(
        ['.translation-note', '#story-map'].map((s) =>
          page
            .locator(s)
            .first()
            .evaluate((el) => el.getBoundingClientRect().top + scrollY),
        ),
      );
      const noteBottom = await page.locator('.translation-note').evaluate((el) => el.getBoundingClientRect().bottom + scrollY);
      expect(note).toBeLessThan(map!);
      expect(noteBottom).toBeLessThanOrEqual(map!);
      // The edition marker sits centred under the headline in both languages.
      const marker = await page.locator('.masthead-marker').evaluate((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        const b = r.getBoundingClientRect();
        return (b.left + b.right) / 2 - document.documentElement.clientWidth / 2;
      });
      expect(Math.abs(marker)).toBeLessThan(4);
    });

    it('breaks no figure or word of the legend box’s figures across lines', async () => {
      await scrollToTop(page);
      const broken = await page.locator('.map-chrome:not([hidden]) .legend-callout dd').evaluateAll((dds) =>
        dds.flatMap((dd) => {
          const text = dd.firstChild?.nodeType === Node.TEXT_NODE ? dd.firstChild : null;
          if (!text || !(dd as HTMLElement).offsetParent) return [];
          const value = text.textContent ?? '';
          // Words of an English figure, the numbers of a Chinese one (Chinese text may wrap anywhere).
          return [...value.matchAll(/[A-Za-z\d][\w,.%-]*/g)].flatMap((m) => {
            const range = document.createRange();
            range.setStart(text, m.index);
            range.setEnd(text, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            return lines.size > 1 ? [`${value}: “${m[0]}” on ${lines.size} lines`] : [];
          });
        }),
      );
      expect(broken).toEqual([]);
    });

    it('shows the locator inset with the overview', async () => {
      await scrollToTop(page);
      const locator = page.locator('.map-chrome:not([hidden]) [data-locator]');
      await locator.waitFor({ state: 'visible' });
      expect(await locator.textContent()).toContain(lang === 'zh' ? '山西省位于华北' : 'Shanxi, northern China');
      await expectLocatorImage(locator);
    });
  });

  describe('the reader’s details of the 临县 chapter at 1440×900 (issue 15)', () => {
    beforeAll(() => resizeStory(page, { width: 1440, height: 900 }));

    it('names the county of each photovoltaic circle: legend, circle title in the SVG, tooltip over the circle', async () => {
      const lin = lang === 'zh' ? '临县' : 'Lin County';
      const shilou = lang === 'zh' ? '石楼县' : 'Shilou County';
      await restStep(page, '.step[data-view="pv"][data-region="141124"]');
      await waitForSettledMap(page);
      const legend = await page.$$eval('.map-chrome:not([hidden]) .legend-circles li', (lis) => lis.map((li) => li.textContent!.trim()));
      expect(legend.some((t) => t.includes(lin) && t.includes('197.02'))).toBe(true);
      expect(legend.some((t) => t.includes(shilou))).toBe(true);
      for (const t of legend)
        expect(
          [lin, shilou, lang === 'zh' ? '全市' : 'City total'].some((p) => t.includes(p)),
          t,
        ).toBe(true);
      const titles = await page.evaluate(async (lang) => {
        const svg = new DOMParser().parseFromString(await (await fetch(`/maps/${lang}/pv.svg`)).text(), 'image/svg+xml');
        return [...svg.querySelectorAll('circle[data-metric] > title')].map((t) => t.textContent);
      }, lang);
      expect(titles).toContain(lang === 'zh' ? '临县：197.02MW' : 'Lin County: 197.02 MW');
      // Over the circle where it reaches beyond 临县's border: still 临县's figures.
      const live = await livePlaces(page, lang, 'pv');
      const c = live.circles.find((x) => x.region === '141124')!;
      await page.mouse.move(c.x, c.y);
      await page.waitForFunction(() => !document.querySelector<HTMLElement>('.map-tooltip')!.hidden);
      expect(await page.locator('.map-tooltip .map-tooltip-name').textContent()).toBe(lin);
      await page.mouse.move(2, 2);
    });

    it('keeps 临县’s name clear of its resettlement-site dots (live map and SVG)', async () => {
      await restStep(page, '.step[data-view="relocation"][data-region="141124"]');
      await waitForSettledMap(page);
      const live = await livePlaces(page, lang, 'relocation');
      expect(live.fitted).toBeGreaterThan(4);
      const name = await page.locator('.map-label--county[data-code="141124"]').boundingBox();
      const dots = live.dots.filter((d) => d.region === '141124');
      expect(dots.length).toBe(18);
      for (const d of dots) {
        const inside =
          d.x + 3.2 > name!.x && d.x - 3.2 < name!.x + name!.width && d.y + 3.2 > name!.y && d.y - 3.2 < name!.y + name!.height;
        expect(inside, `a dot at ${Math.round(d.x)},${Math.round(d.y)} under the name at ${JSON.stringify(name)}`).toBe(false);
      }
      await screenshot(page, `issue15-relocation-${lang}-1440`);
      const svgOverlaps = await page.evaluate(async (lang) => {
        const holder = document.createElement('div');
        holder.style.cssText = 'position:absolute;left:0;top:0;width:800px;height:1000px;';
        holder.innerHTML = await (await fetch(`/maps/${lang}/relocation.svg`)).text();
        document.body.append(holder);
        const svg = holder.querySelector('svg')!;
        const label = [...svg.querySelectorAll('#labels text')].find((t) => t.textContent === (lang === 'zh' ? '临县' : 'Lin County'));
        const l = label!.getBoundingClientRect();
        const hits = [...svg.querySelectorAll('#sites circle')].filter((c) => {
          const r = c.getBoundingClientRect();
          return r.left < l.right && r.right > l.left && r.top < l.bottom && r.bottom > l.top;
        }).length;
        holder.remove();
        return hits;
      }, lang);
      expect(svgOverlaps).toBe(0);
    });

    it('frames the 临县 photovoltaic step with the Shilou circle whole inside the map', async () => {
      await restStep(page, '.step[data-view="pv"][data-region="141124"]');
      await waitForSettledMap(page);
      const live = await livePlaces(page, lang, 'pv');
      await screenshot(page, `issue15-pv-lin-${lang}-1440`);
      for (const c of live.circles) {
        const seen = c.x + c.r > live.map.left && c.x - c.r < live.map.right && c.y + c.r > live.map.top && c.y - c.r < live.map.bottom;
        if (!seen) continue;
        const where = `${c.region} circle at ${Math.round(c.x)},${Math.round(c.y)} r ${c.r}`;
        expect(c.y + c.r, `${where}: cut at the bottom`).toBeLessThanOrEqual(Math.min(live.map.bottom, 900) + 1);
        expect(c.y - c.r, `${where}: cut at the top`).toBeGreaterThanOrEqual(live.map.top - 1);
        expect(c.x + c.r, `${where}: cut at the right`).toBeLessThanOrEqual(live.map.right + 1);
        expect(c.x - c.r, `${where}: cut at the left`).toBeGreaterThanOrEqual(live.map.left - 1);
      }
      expect(live.circles.some((c) => c.region === '141126' && c.y < live.map.bottom)).toBe(true);
    });
  });
});

/** What the page's WebGL and animation frames did, recorded from before its first script. */
interface StartProbe {
  /** Canvases a WebGL context was asked of. */
  canvases: HTMLCanvasElement[];
  /** The animation frame running now (its number: 1, 2… from the page's start), 0 between frames. */
  frame: number;
  /** The last animation frame begun (its number). */
  lastFrame: number;
  /** WebGL draw calls: all, and by animation frame. */
  draws: number;
  drawsInFrame: Record<number, number>;
  /** Draw calls made in an animation frame while the map was built behind its facade. */
  hiddenDrawsInFrames: number;
  /** After a tap: the frame that painted its answer, and the map canvas's widths frame by frame until still. */
  answer?: { frame: number; widths: number[] };
}

describe('while the live map starts and moves on a touch screen (issue 15)', () => {
  let probe: PageProbe;
  let page: Page;
  beforeAll(async () => {
    probe = await newPage(site.browser, { width: 390, height: 844, touch: true, deviceScaleFactor: 2, motion: 'no-preference' });
    page = probe.page;
    await page.addInitScript(() => {
      const p: StartProbe = { canvases: [], frame: 0, lastFrame: 0, draws: 0, drawsInFrame: {}, hiddenDrawsInFrames: 0 };
      (window as unknown as { probe: StartProbe }).probe = p;
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/.test(type) && !p.canvases.includes(this)) p.canvases.push(this);
        return (getContext as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof getContext;
      // Frames are told apart by number, not by the timestamp their callbacks get: on a busy
      // machine Chromium gave two frames in a row the same timestamp, and the map frame put off
      // to the next frame was counted in the answer's (issue 25). A callback runs in the frame
      // after the last one begun when it was asked for (the browser runs the callbacks listed
      // when a frame's callbacks begin; those asked for meanwhile wait for the next frame).
      const requestFrame = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => {
        const frame = p.lastFrame + 1;
        return requestFrame((time) => {
          p.frame = p.lastFrame = frame;
          try {
            callback(time);
          } finally {
            p.frame = 0;
          }
        });
      };
      // MapLibre redraws at once when its box is resized, from a ResizeObserver: those callbacks
      // run in the same frame, after its animation-frame callbacks and before it is painted.
      const Observer = window.ResizeObserver;
      window.ResizeObserver = class extends Observer {
        constructor(callback: ResizeObserverCallback) {
          super((entries, observer) => {
            p.frame = p.lastFrame;
            try {
              callback(entries, observer);
            } finally {
              p.frame = 0;
            }
          });
        }
      };
      for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced'] as const) {
        const draw = WebGL2RenderingContext.prototype[name] as (...a: unknown[]) => void;
        (WebGL2RenderingContext.prototype as unknown as Record<string, unknown>)[name] = function (this: unknown, ...a: unknown[]) {
          p.draws++;
          if (p.frame) {
            p.drawsInFrame[p.frame] = (p.drawsInFrame[p.frame] ?? 0) + 1;
            if (document.getElementById('story-map')?.dataset.map === 'loading') p.hiddenDrawsInFrames++;
          }
          return draw.apply(this, a);
        };
      }
    });
    await page.goto(site.url('/'), { waitUntil: 'load' });
    await page.touchscreen.tap(2, 2);
    await waitForSettledMap(page);
  });
  afterAll(async () => {
    await probe?.close();
  });
  /** The record so far, less its canvases (elements stay in the page). */
  const record = () =>
    page.evaluate(() => {
      const { canvases: _, ...rest } = (window as unknown as { probe: StartProbe }).probe;
      return rest;
    });

  it('draws on the WebGL context made by the probe at idle, not on a second one', async () => {
    const canvases = await page.evaluate(() => {
      const { canvases } = (window as unknown as { probe: StartProbe }).probe;
      return { count: canvases.length, isTheMaps: canvases[0] === document.querySelector('.map-canvas canvas') };
    });
    expect(canvases).toEqual({ count: 1, isTheMaps: true });
  });

  it('builds the map behind its facade in ordinary tasks, drawing nothing in an animation frame', async () => {
    const p = await record();
    expect(p.draws, 'the map drew').toBeGreaterThan(0);
    expect(p.hiddenDrawsInFrames).toBe(0);
  });

  // Whether a flight draws fewer pixels depends on the machine's GPU (software GL only): that
  // decision is tested as such in tests/unit/map-startup/resolution.test.ts, not here.
  it('paints a tap’s answer before the map frame it asked for, and rests at the resolution it rested at', async () => {
    const rest = await page.evaluate(() => document.querySelector<HTMLCanvasElement>('.map-canvas canvas')!.width);
    // Armed before the tap: the first frame after it (the one that paints its answer), then every
    // frame until the camera is still again (folding the legend box frees map space: the camera
    // flies to use it). A callback in every frame after the answer's also keeps the resize
    // observer's draws counted in the frame they were painted in.
    await page.evaluate(() => {
      const p = (window as unknown as { probe: StartProbe }).probe;
      const panel = document.getElementById('story-map')!;
      const canvas = document.querySelector<HTMLCanvasElement>('.map-canvas canvas')!;
      addEventListener(
        'click',
        () =>
          requestAnimationFrame(() => {
            const frame = p.frame;
            const widths: number[] = [];
            const each = () => {
              widths.push(canvas.width);
              if (panel.dataset.mapSettled === 'true') p.answer = { frame, widths };
              else requestAnimationFrame(each);
            };
            requestAnimationFrame(each);
          }),
        { capture: true, once: true },
      );
    });
    const drawsBefore = (await record()).draws;
    await page.locator('[data-legend-toggle]').tap();
    await page.waitForFunction(() => !!(window as unknown as { probe: StartProbe }).probe.answer, null, { timeout: 20_000 });
    const { answer, draws, drawsInFrame } = await record();
    expect(drawsInFrame[answer!.frame] ?? 0, 'map draw calls in the frame that painted the answer').toBe(0);
    expect(draws, 'the map drew the flight afterwards').toBeGreaterThan(drawsBefore);
    expect(answer!.widths.at(-1), 'at rest, the resolution it rested at').toBe(rest);
    expect(probe.errors()).toEqual([]);
  });

  // On the same page, after the test above (whose tap must be the first since the map started):
  // a page load and a live map's start less (issue 25); the legend box is folded now.
  it('leaves scrolling to the page (no touch listener that is not passive) and answers a tap on a county with its tooltip', async () => {
    // What the browser must wait for before it scrolls: touch listeners that may cancel.
    const cdp = await probe.context.newCDPSession(page);
    // The site's own scripts (Playwright's injected ones listen too).
    const urls = new Map<string, string>();
    cdp.on('Debugger.scriptParsed', (e) => urls.set(e.scriptId, e.url));
    await cdp.send('Debugger.enable');
    const blocking: string[] = [];
    for (const [what, expression] of [
      ['map box', `document.querySelector('.map-canvas .maplibregl-canvas-container')`],
      ['map', `document.querySelector('.map-canvas')`],
      ['document', 'document'],
      ['window', 'window'],
    ] as const) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      expect(result.objectId, what).toBeTruthy();
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      for (const l of listeners) {
        const url = urls.get(l.scriptId) ?? '';
        if (/^(touchstart|touchmove|wheel)$/.test(l.type) && !l.passive && url.startsWith(site.origin))
          blocking.push(`${what}: ${l.type} (${url})`);
      }
    }
    expect(blocking).toEqual([]);
    // A tap on 临县's name: the tooltip of the county under the finger.
    const label = await page.locator('.map-label--county[data-code="141124"]').boundingBox();
    await page.touchscreen.tap(label!.x + label!.width / 2, label!.y + label!.height + 6);
    await expect.poll(() => page.locator('.map-tooltip:not([hidden])').textContent()).toContain('临县');
    expect(probe.errors()).toEqual([]);
  });
});

describe('the overview embed', () => {
  it.each(['/embed/overview/', '/en/embed/overview/'])('%s carries the locator inset', async (path) => {
    const probe = await newPage(site.browser, { width: 390, height: 700 });
    try {
      await probe.page.goto(site.url(path), { waitUntil: 'load' });
      const locator = probe.page.locator('[data-locator]').first();
      await locator.waitFor({ state: 'visible' });
      await expectLocatorImage(locator);
    } finally {
      await probe.close();
    }
  });
});

/**
 * Where the live map draws a place, in viewport pixels: fitted (least squares, per axis, in Web
 * Mercator) to the names MapLibre has placed on their label points, the page's HTML markers.
 */
async function livePlaces(page: Page, lang: string, key: string) {
  return page.evaluate(
    async ({ lang, key }) => {
      const view = (await (await fetch(`/views/${lang}.json`)).json())[key] as {
        labels: Array<{ code: string; lonLat: [number, number]; dy: number }>;
        neighbourLabels: Array<{ code: string; lonLat: [number, number] }>;
        symbols: Array<{ region: string; lonLat: [number, number]; radius: number }>;
        sites: Array<{ region: string; lonLat: [number, number] }>;
      };
      const mx = (lon: number) => (lon + 180) / 360;
      const my = (lat: number) => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
      const pts: Array<{ m: [number, number]; p: [number, number] }> = [];
      const marks = [
        ...view.labels.map((l) => ({ ...l, kind: 'county' })),
        ...view.neighbourLabels.map((l) => ({ ...l, dy: 0, kind: 'neighbour' })),
      ];
      for (const l of marks) {
        if (l.dy) continue;
        const r = document.querySelector(`.map-label--${l.kind}[data-code="${l.code}"]`)?.getBoundingClientRect();
        if (r && r.width > 0) pts.push({ m: [mx(l.lonLat[0]), my(l.lonLat[1])], p: [r.left + r.width / 2, r.top + r.height / 2] });
      }
      const fit = (axis: 0 | 1) => {
        const n = pts.length;
        const sx = pts.reduce((a, q) => a + q.m[axis], 0),
          sy = pts.reduce((a, q) => a + q.p[axis], 0);
        const sxx = pts.reduce((a, q) => a + q.m[axis] ** 2, 0),
          sxy = pts.reduce((a, q) => a + q.m[axis] * q.p[axis], 0);
        const k = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return (v: number) => k * v + (sy - k * sx) / n;
      };
      const fx = fit(0),
        fy = fit(1);
      const at = ([lon, lat]: [number, number]) => ({ x: fx(mx(lon)), y: fy(my(lat)) });
      return {
        fitted: pts.length,
        circles: view.symbols.map((s) => ({ region: s.region, r: s.radius, ...at(s.lonLat) })),
        dots: view.sites.map((s) => ({ region: s.region, ...at(s.lonLat) })),
        map: document.querySelector('.map-canvas')!.getBoundingClientRect().toJSON() as DOMRect,
        chrome: document.querySelector('.map-chrome:not([hidden])')?.getBoundingClientRect().toJSON() as DOMRect | undefined,
      };
    },
    { lang, key },
  );
}
