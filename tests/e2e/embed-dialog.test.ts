/**
 * The editor's Embed dialog (EmbedDialog.astro + embed-dialog.ts), on the gallery of embeddable
 * maps (/embed/), which renders the same component the story puts beside each map.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedFrame, expectFitted } from './embed-helpers.ts';
import { launchBrowser, newPage, screenshot, startServer, type PageProbe, type StaticServer } from './harness.ts';

let site: StaticServer;
let browser: Browser;
let probe: PageProbe;

beforeAll(async () => {
  site = await startServer();
  browser = await launchBrowser();
  probe = await newPage(browser, { width: 1280, height: 900 });
  await probe.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  await probe.page.goto(site.url('/embed/'));
});
afterAll(async () => {
  await probe?.close();
  await browser?.close();
  await site?.close();
});

const dialog = () => probe.page.locator('dialog#embed-pv');
const textarea = (form: string) => dialog().locator(`textarea[data-form="${form}"]`);

describe('the Embed dialog', () => {
  it('opens from its button with the keyboard, focus inside', async () => {
    const button = probe.page.getByRole('button', { name: '嵌入: 光伏扶贫' });
    await button.focus();
    await probe.page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'visible' });
    expect(await dialog().evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
    expect(await probe.page.evaluate(() => document.activeElement?.closest('dialog')?.id)).toBe('embed-pv');
  });

  it('gives the snippet for this origin: titled, lazy, sandboxed iframe at a fixed height, then resize.js', async () => {
    const html = await textarea('iframe').inputValue();
    expect(html).toMatch(
      new RegExp(
        `^<iframe src="${site.origin}/embed/pv/" title="光伏扶贫" width="100%" height="\\d+" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"`,
      ),
    );
    expect(html).toContain(`<script src="${site.origin}/embed/resize.js" async></script>`);
    expect(await textarea('amp').inputValue()).toContain('<amp-iframe ');
    expect(await textarea('image').inputValue()).toContain(`<img src="${site.origin}/embed/img/zh/wechat/pv.png"`);
  });

  it('fits an 874 px-high window down to its first form’s copy button, one form (tab) shown at a time', async () => {
    await probe.page.setViewportSize({ width: 1280, height: 874 });
    const copy = await dialog().locator('button[data-copy="iframe"]').boundingBox();
    expect(copy!.y + copy!.height).toBeLessThanOrEqual(874);
    expect(await dialog().evaluate((d) => d.scrollTop)).toBe(0);
    expect(await dialog().locator('[role="tabpanel"]:not([hidden])').count()).toBe(1);
    await dialog().getByRole('tab', { name: '微信公众号' }).click();
    expect(await dialog().locator('[data-form="wechat-url"]').inputValue()).toBe(`${site.origin}/#linxian`);
    expect(await dialog().locator('[data-qr]').getAttribute('src')).toBe(`${site.origin}/embed/qr/zh/linxian.svg`);
    await screenshot(probe.page, 'embed-dialog-wechat');
    await dialog().getByRole('tab', { name: /^网页/ }).click();
    await probe.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('writes the chosen title, source, theme, interactivity and width into the frame', async () => {
    await dialog().getByLabel('标题').uncheck();
    await dialog().getByLabel('深色').check();
    await dialog().locator('select[data-option="width"]').selectOption('480');
    const html = await textarea('iframe').inputValue();
    expect(html).toContain(`src="${site.origin}/embed/pv/?title=0&amp;theme=dark"`);
    expect(html).toContain('width:480px;max-width:100%');
    await dialog().getByLabel('标题').check();
    await dialog().getByLabel('浅色').check();
    await dialog().locator('select[data-option="width"]').selectOption('');
  });

  it('shows a preview sized by resize.js', async () => {
    const frame = await embedFrame(probe.page, site.origin, '/embed/pv/');
    await expectFitted(probe.page, frame, 'dialog#embed-pv iframe');
    await screenshot(probe.page, 'embed-dialog');
  });

  it('switches language', async () => {
    await dialog().getByLabel('English').check();
    expect(await textarea('iframe').inputValue()).toContain(`src="${site.origin}/en/embed/pv/" title="Photovoltaic poverty relief"`);
    expect(await textarea('amp').inputValue()).toContain('/embed/img/en/pv.png');
    await embedFrame(probe.page, site.origin, '/en/embed/pv/');
  });

  it('copies with the clipboard API', async () => {
    await dialog().locator('button[data-copy="iframe"]').click();
    // The confirmation sits next to the button pressed.
    await expect.poll(() => dialog().locator('[data-status="iframe"]').innerText()).toBe('已复制到剪贴板');
    const [b, s] = await Promise.all([
      dialog().locator('button[data-copy="iframe"]').boundingBox(),
      dialog().locator('[data-status="iframe"]').boundingBox(),
    ]);
    expect(Math.abs(b!.y + b!.height / 2 - (s!.y + s!.height / 2))).toBeLessThan(b!.height);
    expect(await probe.page.evaluate(() => navigator.clipboard.readText())).toBe(await textarea('iframe').inputValue());
  });

  it('falls back to selecting the text where the clipboard API fails', async () => {
    await probe.page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
        configurable: true,
      });
    });
    await dialog().getByRole('tab', { name: 'AMP 页面' }).click();
    await dialog().locator('button[data-copy="amp"]').click();
    await expect.poll(() => dialog().locator('[data-status="amp"]').innerText()).toMatch(/已复制到剪贴板|Ctrl\+C/);
    const selected = await probe.page.evaluate(() => {
      const a = document.activeElement as HTMLTextAreaElement;
      return a.dataset.form === 'amp' && a.selectionStart === 0 && a.selectionEnd === a.value.length;
    });
    expect(selected).toBe(true);
  });

  it('closes with Escape and gives focus back to its button', async () => {
    await probe.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    expect(await probe.page.evaluate(() => document.activeElement?.getAttribute('data-embed-open'))).toBe('embed-pv');
    // Closing (and switching language) removes the preview frame: its loads in flight are aborted on purpose.
    expect(probe.errors().filter((e) => !e.endsWith('net::ERR_ABORTED'))).toEqual([]);
  });
});

describe('the Embed button beside the story’s map', () => {
  it('opens the dialog for the view on the panel, out of the panel, and closes back to the button', async () => {
    const story = await newPage(browser, { width: 1440, height: 900 });
    const { page } = story;
    // The story's HTML has no tools: they come with the panel blocks, fetched once the page has
    // loaded. The blocks are held in flight while we count, so the moment cannot pass first.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/views/*/panels/', async (route) => {
      await held;
      await route.continue();
    });
    const asked = page.waitForRequest('**/views/*/panels/');
    await page.goto(site.url('/'));
    await asked;
    expect(await page.locator('button[data-embed-open]').count()).toBe(0);
    release();
    const button = page.locator('.map-chrome:not([hidden]) button[data-embed-open]');
    await button.waitFor({ state: 'visible' });
    const id = (await button.getAttribute('data-embed-open'))!;
    await button.click();
    const open = page.locator(`dialog#${id}`);
    await open.waitFor({ state: 'visible' });
    expect(await open.evaluate((d) => d.parentElement === document.body)).toBe(true);
    expect(await open.locator('textarea[data-form="iframe"]').inputValue()).toContain(`${site.origin}/embed/${id.replace(/^embed-/, '')}/`);
    await page.keyboard.press('Escape');
    await open.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-embed-open'))).toBe(id);
    expect(story.errors().filter((e) => !e.endsWith('net::ERR_ABORTED'))).toEqual([]);
    await story.close();
  });

  it('a chapter’s share control copies its deep link and shows its QR code', async () => {
    const story = await newPage(browser, { width: 1440, height: 900 });
    const { page } = story;
    await story.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.goto(site.url('/#linxian'));
    const share = page.locator('#linxian .chapter-share');
    await share.locator('[data-share-copy][data-ready]').waitFor({ state: 'attached' });
    await share.locator('summary').click();
    expect(await share.locator('[data-share-url]').inputValue()).toBe(`${site.origin}/#linxian`);
    await share.locator('[data-share-copy]').click();
    await expect.poll(() => share.locator('[data-share-status]').innerText()).toBe('已复制到剪贴板');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.origin}/#linxian`);
    const qr = share.locator('img');
    expect(await qr.getAttribute('src')).toBe('/embed/qr/zh/linxian.svg');
    await qr.evaluate((i: HTMLImageElement) => i.decode());
    expect(await qr.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
    expect(story.errors()).toEqual([]);
    await story.close();
  });
});
