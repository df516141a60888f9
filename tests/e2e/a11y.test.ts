/**
 * Accessibility gate: axe-core (via @axe-core/playwright) at WCAG 2.2 AA on every page of the
 * built site at 390 px and 1440 px wide — the story whole in both languages, then its map panel
 * and active step once per distinct map (view + state; Chinese at 390, English at 1440) with the
 * live map drawn, plus a tooltip, the Export menu and the Embed dialog open; an embed page of each kind of map in each language (embed-sample.ts);
 * the data pages, the reading view and the galleries. Zero violations.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, newPage, type PageProbe } from './harness.ts';
import { sampleEmbedPaths } from './embed-sample.ts';
import { nginxSite } from './nginx.ts';
import { distinctMapStepIndices, liveMap, restStepAt, waitForSettledMap } from './story-helpers.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];
const EMBEDS = sampleEmbedPaths();

const site = nginxSite(DIST);

/**
 * axe's violations as one line each: rule, impact, the first nodes and what axe says about them.
 * `within`: only these parts of the page (what changed since the whole page was checked).
 */
async function violations(page: Page, where: string, within: string[] = []): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const selector of within) builder.include(selector);
  const result = await builder.analyze();
  return result.violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`)
        .join(' | ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`,
  );
}

describe.each(WIDTHS)('axe, WCAG 2.2 AA, at $width px', ({ width, height }) => {
  let probe: PageProbe;
  beforeAll(async () => {
    probe = await newPage(site.browser, { width, height, origin: site.server.origin });
    // The camera jumps instead of flying between views: the same pages and states to check,
    // without rendering every frame of each flight (keyboard.test.ts checks the motion itself).
    await probe.page.emulateMedia({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await probe?.close();
  });

  // Both languages are one component: the walk through every map is made in one language per
  // width (Chinese on the phone, English on the desktop); each page is checked whole in both.
  const walked = width < 900 ? '/' : '/en/';
  for (const path of ['/', '/en/'])
    it(`story ${path}: ${path === walked ? 'each map of the story, ' : ''}a tooltip, the Export menu and the Embed dialog`, async () => {
      const { page } = probe;
      await page.goto(site.server.url(path), { waitUntil: 'load' });
      await liveMap(page);
      const found: string[] = [];
      found.push(...(await violations(page, `${path} top`)));
      // Each step changes the map panel (its view's title, legend, data, labels) and which step
      // is active; the rest of the page stays as checked above.
      for (const { key, index } of path === walked ? await distinctMapStepIndices(page) : []) {
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
        await menu.locator('summary').click();
        await page.locator('.map-chrome:not([hidden]) button[data-embed-open]').click();
        await page.waitForSelector('dialog[open]');
        found.push(...(await violations(page, `${path} embed dialog`, ['dialog[open]'])));
        await page.keyboard.press('Escape');
      } else expect(width).toBeLessThan(900);
      expect(found).toEqual([]);
    }, 300_000);

  it('an embed page of each kind of map, in each language, with its live map', async () => {
    const { page } = probe;
    const found: string[] = [];
    for (const path of EMBEDS) {
      await page.goto(site.server.url(path), { waitUntil: 'load' });
      await liveMap(page);
      found.push(...(await violations(page, path)));
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('data pages, the reading view and the galleries', async () => {
    const { page } = probe;
    const found: string[] = [];
    for (const path of ['/data/', '/en/data/', '/edition/', '/embed/', '/en/embed/']) {
      await page.goto(site.server.url(path), { waitUntil: 'load' });
      found.push(...(await violations(page, path)));
    }
    expect(found).toEqual([]);
  }, 120_000);
});
