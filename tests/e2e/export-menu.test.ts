/**
 * The story's Export menu in the built site: loaded only when opened, and its SVG is the same
 * file `npm run export` writes for that view and preset; its PNG has the preset's exact pixels
 * and pHYs. The menus arrive with the panel blocks after the page has loaded (map-panels.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { pngSize, readPhys } from '../../src/render/png-phys.ts';
import { launchBrowser, newPage, ROOT, startServer, type StaticServer } from './harness.ts';

const PAGE = '/';

describe('Export menu on the story page', () => {
  let server: StaticServer;
  let browser: Browser;
  const out = mkdtempSync(join(tmpdir(), 'export-menu-'));
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('loads the exporter on first open and downloads the same SVG as the command line, and an exact PNG', async () => {
    const probe = await newPage(browser, { width: 1280, height: 900 });
    const requests: string[] = [];
    probe.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await probe.page.goto(server.url(PAGE));
    const menu = probe.page.locator('[data-export-menu]:visible').first();
    await menu.waitFor();
    expect(requests.some((r) => /export-menu\.[\w-]+\.js$/.test(r))).toBe(false);
    const key = (await menu.getAttribute('data-key'))!;
    const lang = (await menu.getAttribute('data-lang'))!;

    await menu.locator('summary').click();
    await menu.locator('select').selectOption('3col');
    const [svgDownload] = await Promise.all([probe.page.waitForEvent('download'), menu.locator('button[data-format="svg"]').click()]);
    expect(requests.some((r) => /export-menu\.[\w-]+\.js$/.test(r))).toBe(true);
    const svgPath = join(out, 'menu.svg');
    await svgDownload.saveAs(svgPath);
    expect(svgDownload.suggestedFilename()).toBe(`${key}-3col-${lang}.svg`);

    const cli = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/export.ts', '--view', key, '--preset', '3col', '--lang', lang, '--format', 'svg', '--out', join(out, 'cli')],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const [batch] = readdirSync(join(out, 'cli'));
    expect(readFileSync(svgPath, 'utf8')).toBe(readFileSync(join(out, 'cli', batch!, `${key}.svg`), 'utf8'));

    const [pngDownload] = await Promise.all([probe.page.waitForEvent('download'), menu.locator('button[data-format="png"]').click()]);
    const pngPath = join(out, 'menu.png');
    await pngDownload.saveAs(pngPath);
    const png = readFileSync(pngPath);
    expect(pngSize(png)).toEqual({ width: Math.round((128.75 / 25.4) * 300), height: Math.round((171.67 / 25.4) * 300) });
    expect(readPhys(png)).toEqual({ x: 11811, y: 11811, unit: 1 });
    await expect.poll(() => menu.locator('[data-status]').textContent()).toContain('px');
    // The status names the file as saved (with its resolution), not another name.
    expect(pngDownload.suggestedFilename()).toBe(`${key}-3col-${lang}-300dpi.png`);
    expect(await menu.locator('[data-status]').textContent()).toContain(pngDownload.suggestedFilename());

    expect(probe.foreignRequests).toEqual([]);
    expect(probe.errors()).toEqual([]);
    await probe.close();
  }, 90_000);

  it('prints the story without controls or the menu, with the step maps as images', async () => {
    const probe = await newPage(browser, { width: 1280, height: 900 });
    await probe.page.goto(server.url(PAGE));
    // The menus and the before/after switches come with the panel blocks after load: on the page first.
    await probe.page.waitForFunction(
      () =>
        document.getElementById('story-map')?.dataset.chrome === 'ready' && !!document.querySelector('[data-export-menu]:not([hidden])'),
    );
    await probe.page.emulateMedia({ media: 'print' });
    const shown = await probe.page.evaluate(() =>
      ['.export-menu', '.map-steps', '.map-states', '.map-canvas'].map((s) => {
        const all = [...document.querySelectorAll(s)];
        return { count: all.length, shown: all.some((e) => getComputedStyle(e).display !== 'none') };
      }),
    );
    for (const s of shown) expect(s.count).toBeGreaterThan(0);
    expect(shown.map((s) => s.shown)).toEqual([false, false, false, false]);
    const sticky = await probe.page.evaluate(
      () => [...document.querySelectorAll('.story-map, .story-map > *')].filter((e) => getComputedStyle(e).position === 'sticky').length,
    );
    expect(sticky).toBe(0);
    // Each map a chapter brings in (kept in <noscript> for readers without JavaScript) prints as an image.
    expect(await probe.page.locator('img.print-step-map').count()).toBe(await probe.page.locator('.step noscript').count());
    await probe.close();
  });
});
