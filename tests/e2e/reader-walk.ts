/**
 * The reader's walk (reader-walk-*.test.ts): two whole-site gates on one walk a reader makes,
 * through nginx with the headers of public/_headers (so the CSP is enforced):
 * - accessibility: axe-core (axe.ts) at WCAG 2.2 AA finds nothing at any state it reaches;
 * - security: no CSP violation (a `securitypolicyviolation` listener in every frame), no error
 *   and nothing from another origin while the reader uses the site.
 * The walk: the story whole in both languages at 390 and 1440 px, then its map panel and active
 * step once per distinct map (view + state; every other one in Chinese at 390, the rest in
 * English at 1440) with the live map drawn, a tooltip, the Export menu (a PNG made, blob: image)
 * and the Embed dialog (its preview live); an embed page of each kind of map with its live map
 * and state switch; the data pages (sorted, filtered), the reading view and the galleries.
 *
 * Walking once for both gates halves the work: each state is reached once, the live map drawn
 * once. The walk is three files (phone, desktop, embeds) so that the suite's workers take them
 * side by side: as one file it was the suite's longest (110–175 s), alone on one worker at the end.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations as violations } from './axe.ts';
import { watchCsp } from './csp.ts';
import { pointAtFrame, until } from './embed-helpers.ts';
import { sampleEmbedPaths } from './embed-sample.ts';
import { DIST, newPage, type PageProbe } from './harness.ts';
import { nginxSite, type NginxServer } from './nginx.ts';
import { distinctMapStepIndices, firstInput, liveMap, restStepAt, waitForSettledMap } from './story-helpers.ts';

type Site = { server: NginxServer; browser: Browser };
type Size = { width: number; height: number };

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

interface WalkProbe extends PageProbe {
  /** CSP violations in any frame of the context. */
  csp: string[];
}

/** A page through nginx that records CSP violations besides errors and foreign requests. */
async function open(site: Site, { width, height }: Size): Promise<WalkProbe> {
  const probe = await newPage(site.browser, { width, height, origin: site.server.origin });
  // The camera jumps instead of flying between views (newPage's default): the same states to
  // check, without rendering every frame of each flight (keyboard.test.ts checks the motion).
  const csp = await watchCsp(probe.context);
  return Object.assign(probe, { csp });
}

/** Both gates at the end of a walk: no axe violation found on the way, and nothing went wrong. */
function expectClean(probe: WalkProbe, found: string[], what: string, options: { navigatedAway?: boolean } = {}) {
  expect(found, `${what}: axe`).toEqual([]);
  expect(probe.csp, `${what}: CSP violations`).toEqual([]);
  // Leaving a page while its map or thumbnails still load cancels those requests: no failure.
  const errors = probe.errors().filter((e) => !(options.navigatedAway && e.endsWith(': net::ERR_ABORTED')));
  expect(errors, `${what}: errors`).toEqual([]);
  expect(probe.foreignRequests, `${what}: foreign requests`).toEqual([]);
}

/**
 * The story at `path` in `size`: its share of the story's maps (if `path` is the language walked
 * at that width), a tooltip, the Export menu and the Embed dialog.
 */
export async function walkStory(site: Site, size: Size, path: string, walked: string): Promise<void> {
  const probe = await open(site, size);
  const { page } = probe;
  const response = await page.goto(site.server.url(path), { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await liveMap(page);
  const found = await violations(page, `${path} top`);
  // Each step changes the map panel (its view's title, legend, data, labels) and which step
  // is active; the rest of the page stays as checked above.
  // Each distinct map once in the whole walk: the phone takes every other one, the desktop the
  // rest (what differs between them is a view's data and strings, in one legend component).
  const mine = (_: unknown, i: number) => i % 2 === (size.width < 900 ? 0 : 1);
  for (const { key, index } of path === walked ? (await distinctMapStepIndices(page)).filter(mine) : []) {
    await restStepAt(page, index);
    await waitForSettledMap(page);
    found.push(...(await violations(page, `${path} ${key}`, ['#story-map', '.step.is-active'])));
  }
  await page.locator('.map-counties button').first().focus();
  await page.waitForFunction(() => !document.querySelector<HTMLElement>('.map-tooltip')!.hidden);
  found.push(...(await violations(page, `${path} tooltip`, ['#story-map'])));
  // The editor's tools sit beside the map on desktop; the phone's compact box leaves them out.
  const menu = page.locator('.map-chrome:not([hidden]) [data-export-menu]');
  if (await menu.isVisible()) {
    await menu.locator('summary').click();
    found.push(...(await violations(page, `${path} export menu`, ['#story-map'])));
    if (path === walked) {
      // The exporter draws a PNG through a blob: image, which the CSP must allow.
      await menu.locator('select').selectOption('proof');
      const [download] = await Promise.all([page.waitForEvent('download'), menu.locator('button[data-format="png"]').click()]);
      expect(download.suggestedFilename()).toMatch(/\.png$/);
    }
    await menu.locator('summary').click();
    await page.locator('.map-chrome:not([hidden]) button[data-embed-open]').click();
    await page.waitForSelector('dialog[open]');
    found.push(...(await violations(page, `${path} embed dialog`, ['dialog[open]'])));
    // The dialog's preview frame loads an embed page; closing the dialog before it has
    // loaded would cancel its requests (net::ERR_ABORTED), which is no failure of the site.
    const preview = await until('the preview frame', () => page.frames().find((f) => f.url().includes('/embed/')));
    await preview.waitForLoadState('load');
    if (path === walked) {
      // The preview starts its live map at the reader's pointer, as the embed page does.
      await pointAtFrame(page, 'dialog[open] iframe', preview);
      await preview.waitForFunction(() => document.querySelector<HTMLElement>('.embed-map')?.dataset.map === 'maplibre');
    }
    await page.keyboard.press('Escape');
  } else expect(size.width).toBeLessThan(900);
  expectClean(probe, found, `${path} at ${size.width}`);
  await probe.close();
}

/** The data page (sorted and filtered), the reading view and the gallery, in one language per width. */
export async function walkDataPages(site: Site, size: Size): Promise<void> {
  const probe = await open(site, size);
  const { page } = probe;
  const found: string[] = [];
  // The data page and the galleries in one language per width, the other at the other width:
  // each is one component given the other language's strings (the story above is checked in both).
  const zh = size.width < 900;
  for (const path of [zh ? '/data/' : '/en/data/']) {
    await page.goto(site.server.url(path), { waitUntil: 'load' });
    found.push(...(await violations(page, path)));
    // The table's own script sorts and filters (CSP: no inline handler, no eval).
    await page.locator('th[data-sort] button').first().click();
    await page.waitForFunction(() => document.querySelector('th[data-sort]')?.getAttribute('aria-sort') === 'ascending');
    const select = page.locator('.table-filters select').first();
    await select.selectOption((await select.locator('option').nth(1).getAttribute('value'))!);
    await page.waitForFunction(() => [...document.querySelectorAll('.metrics-table tbody tr')].some((r) => (r as HTMLElement).hidden));
    found.push(...(await violations(page, `${path} sorted and filtered`, ['.metrics-table'])));
  }
  for (const path of ['/edition/', zh ? '/embed/' : '/en/embed/']) {
    const response = await page.goto(site.server.url(path), { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    found.push(...(await violations(page, path)));
  }
  // The galleries' lazy thumbnails may still be loading when the next page is opened.
  expectClean(probe, found, `data, edition, galleries at ${size.width}`, { navigatedAway: true });
  await probe.close();
}

/** Every embed page is one component and one script given another view: each kind once, the languages taking turns. */
export const EMBED_PATHS = sampleEmbedPaths().filter((path, i) => (i >> 1) % 2 === i % 2);

/** An embed page of each kind of map on a phone, with its live map and its state switch. */
export async function walkEmbeds(site: Site): Promise<void> {
  const paths = EMBED_PATHS;
  const probe = await open(site, PHONE);
  const { page } = probe;
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(site.server.url(path), { waitUntil: 'load' });
    await firstInput(page);
    await waitForSettledMap(page);
    found.push(...(await violations(page, path)));
    const states = page.locator('.embed-states button[aria-pressed="false"]');
    if (await states.count()) {
      await states.first().click();
      await waitForSettledMap(page);
      found.push(...(await violations(page, `${path} switched`, ['.embed-map'])));
    }
  }
  expectClean(probe, found, 'embeds');
  await probe.close();
}

/**
 * The walk at one width, as a test file of its own: the story in both languages (the one walked
 * through its share of the maps: Chinese on the phone, English on the desktop; both languages are
 * one component), then the data page, the reading view and the gallery.
 */
export function describeWalkAt(size: Size): void {
  const site = nginxSite(DIST);
  const walked = size.width < 900 ? '/' : '/en/';
  describe(`a reader at ${size.width} px: axe (WCAG 2.2 AA) and the CSP`, () => {
    for (const path of ['/', '/en/'])
      it(
        `story ${path}: ${path === walked ? 'its share of the story’s maps, ' : ''}a tooltip, the Export menu and the Embed dialog`,
        () => walkStory(site, size, path, walked),
        180_000,
      );
    it('the data page (sorted and filtered), the reading view and the gallery', () => walkDataPages(site, size), 120_000);
  });
}
