/**
 * A site with a second page (issue 12): the synthetic 交城/文水/方山 page damaged, drafted and built
 * with no hand edit into a scratch copy of the project, then read in Chromium. Page ②'s story shows
 * its own overview and a share control on every chapter; page ①'s “now” forest map takes page ②'s
 * 方山县 figure (the same kind: 森林覆盖率, to date), marked with its page.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftPage } from '../../src/pipeline/draft/draft-page.ts';
import { generateData } from '../../src/pipeline/generate.ts';
import { damagePage } from '../fixtures/damage.ts';
import { scratchSite } from '../fixtures/scratch-project.ts';
import { syntheticPages } from '../fixtures/pages/index.ts';
import { launchBrowser, newPage, ROOT, startServer, type PageProbe, type StaticServer } from './harness.ts';

const PAGE = 'test-jiaocheng';

let dir: string;
let site: StaticServer;
let browser: Browser;
let probe: PageProbe;

beforeAll(async () => {
  dir = scratchSite('lvliang-series-site', ROOT);
  writeFileSync(join(dir, `seeds/${PAGE}.txt`), damagePage(syntheticPages[0]!));
  draftPage(dir, `seeds/${PAGE}.txt`);
  generateData(dir);
  const build = spawnSync('npx', ['astro', 'build'], {
    cwd: dir,
    env: { ...process.env, PREVIEW: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the scratch build failed:\n${(build.stdout + build.stderr).slice(-3000)}`);
  site = await startServer(join(dir, 'dist'));
  browser = await launchBrowser();
  probe = await newPage(browser, { width: 1280, height: 900 });
});
afterAll(async () => {
  await probe?.close();
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a later page’s story', () => {
  it('opens on its own overview: its counties, its figures, its source; none of page ①’s city figures', async () => {
    await probe.page.goto(site.url(`/pages/${PAGE}/`));
    expect(await probe.page.locator('#story-map').getAttribute('data-view')).toBe('overview-test-jiaocheng');
    const chrome = probe.page.locator('.story-map .map-chrome[data-key="overview-test-jiaocheng"]');
    const text = (await chrome.textContent()) ?? '';
    expect(text).toContain('吕梁市地图。专刊②报道方山县、交城县、文水县。');
    expect(text).toContain('《全国扶贫日·专刊②》');
    expect(text).toContain('3.41万人');
    expect(text).not.toContain('58.5万人'); // page ①'s city-people-lifted
    expect(await probe.page.locator('img.map-svg').getAttribute('src')).toBe('/maps/zh/overview-test-jiaocheng.svg');
    expect(probe.errors()).toEqual([]);
  });

  it('has a share control on every chapter, linking to its own story, with a QR code that loads', async () => {
    const chapters = await probe.page.locator('section.chapter').evaluateAll((s) => s.map((x) => x.id));
    expect(chapters.length).toBe(3);
    for (const id of chapters) {
      const share = probe.page.locator(`#${id} .chapter-share`);
      expect(await share.count(), id).toBe(1);
      // The build's public origin (PREVIEW: 127.0.0.1:4321), not this server's port.
      const url = new URL(await share.locator('[data-share-url]').inputValue());
      expect(`${url.pathname}${url.hash}`).toBe(`/pages/${PAGE}/#${id}`);
      const qr = (await share.locator('img').getAttribute('src'))!;
      expect(qr).toBe(`/embed/qr/zh/pages/${PAGE}/${id}.svg`);
      expect((await probe.page.request.get(site.url(qr))).status(), qr).toBe(200);
    }
    await probe.page.goto(site.url(`/en/pages/${PAGE}/`));
    expect(await probe.page.locator('.chapter-share').count()).toBe(3);
    expect(await probe.page.locator('.chapter-share [data-share-url]').first().inputValue()).toMatch(new RegExp(`/en/pages/${PAGE}/#`));
  });
});

describe('page ①’s maps across the series', () => {
  it('the “now” forest map colours 方山县 from page ②, marked with its page; the 2016 map does not', async () => {
    const views = (await (await probe.page.request.get(site.url('/views/zh.json'))).json()) as Record<
      string,
      {
        fills: Record<string, { status: string }>;
        tooltips: Record<string, { lines: Array<{ label: string; value: string }> }>;
        source: string;
      }
    >;
    expect(views['forest-after']!.fills['141128']!.status).toBe('value');
    expect(views['forest-after']!.tooltips['141128']!.lines[0]).toMatchObject({ value: '38.5%', label: expect.stringContaining('专刊②') });
    expect(views['forest-after']!.source).toContain('专刊②');
    expect(views['forest-before']!.fills['141128']!.status).toBe('not-reported');
    // Page ①'s story panel shows the same.
    await probe.page.goto(site.url('/'));
    const panels = await (await probe.page.request.get(site.url('/views/zh/panels/'))).text();
    expect(panels).toMatch(/data-key="forest-after"[\s\S]*?部分县数字据专刊②/);
  });
});
