/**
 * Every URL an editor can copy answers 200: every Embed dialog (the galleries' and the story's,
 * both languages of page and of embed, both versions where a period switch exists, every form:
 * web page, page without scripts, WeChat picture / 阅读原文 link / QR code, AMP) is opened and
 * every URL in what it offers is fetched.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, builtSite } from './harness.ts';

const site = builtSite();

interface Offer {
  dialog: string;
  lang: string;
  variant: string;
  urls: string[];
}

/** Opens each dialog, goes through its languages and versions, and lists every URL it offers. */
function collectOffers(page: Page): Promise<Offer[]> {
  return page.evaluate(() => {
    const out: Offer[] = [];
    const urlsIn = (text: string) => [...text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-embed-open]')) {
      button.click();
      const dialog = document.getElementById(button.dataset.embedOpen!) as HTMLDialogElement;
      const radios = (name: string) => [...dialog.querySelectorAll<HTMLInputElement>(`input[data-option="${name}"]`)];
      const variants = radios('variant').length ? radios('variant') : [null];
      for (const langRadio of radios('lang'))
        for (const variant of variants) {
          langRadio.checked = true;
          langRadio.dispatchEvent(new Event('change'));
          if (variant) {
            variant.checked = true;
            variant.dispatchEvent(new Event('change'));
          }
          const urls = [
            ...[...dialog.querySelectorAll<HTMLTextAreaElement>('textarea[data-form]')].flatMap((a) =>
              a.dataset.form === 'wechat-caption' ? [] : urlsIn(a.value),
            ),
            dialog.querySelector<HTMLInputElement>('[data-form="wechat-url"]')!.value,
            ...[...dialog.querySelectorAll<HTMLImageElement>('[data-panel] img')].map((i) => i.src),
            ...[...dialog.querySelectorAll<HTMLAnchorElement>('[data-panel] a[href]')].map((a) => a.href),
            ...[...dialog.querySelectorAll<HTMLIFrameElement>('[data-preview] iframe')].map((f) => f.src),
          ];
          out.push({ dialog: dialog.id, lang: langRadio.value, variant: variant?.value ?? '', urls });
        }
      dialog.close();
    }
    return out;
  });
}

async function statusOf(url: string): Promise<number> {
  const u = new URL(url);
  // QR codes hold the public origin (SITE_URL): its path is fetched here; the snippets use this origin.
  const r = await fetch(site.url(u.pathname + u.search));
  await r.arrayBuffer();
  return r.status;
}

describe('every URL in every Embed dialog answers 200', () => {
  it.each([
    ['/embed/', 'gallery (zh)'],
    ['/en/embed/', 'gallery (en)'],
    ['/', 'story (zh)'],
    ['/en/', 'story (en)'],
  ])('%s: %s', async (path) => {
    const probe = await newPage(site.browser, { width: 1280, height: 874 });
    // The previews' maps are not what is tested here.
    await probe.page.route('**/embed/*/', (route) =>
      route.request().frame() === probe.page.mainFrame() ? route.continue() : route.fulfill({ body: '' }),
    );
    await probe.page.goto(site.url(path));
    // The story's dialogs arrive with its panel blocks, after load.
    await probe.page.locator('button[data-embed-open]').first().waitFor({ state: 'attached' });
    if (path === '/' || path === '/en/')
      // Every view's block is wired, one per idle slice (map-panels.ts): wait for the last.
      await probe.page.waitForFunction(
        () =>
          document.querySelectorAll('button[data-embed-open]').length >= 13 &&
          document.querySelectorAll('button[data-embed-open]:not([data-embed-ready])').length === 0,
      );
    const offers = await collectOffers(probe.page);
    expect(offers.length).toBeGreaterThanOrEqual(path.includes('embed') ? 30 : 20);
    const urls = [...new Set(offers.flatMap((o) => o.urls))];
    // Every form is there: frame, resize.js, 800-px and 1080-px pictures, the live map, QR codes, the story link.
    for (const kind of [
      /\/embed\/[\w-]+\/(\?|$)/,
      /\/embed\/resize\.js$/,
      /\/embed\/img\/(zh|en)\/[\w-]+\.png$/,
      /\/wechat\/[\w-]+\.png$/,
      /\/embed\/qr\/(zh|en)\/[\w-]+\.svg$/,
      /\/embed\/qr\/(zh|en)\/[\w-]+\.png$/,
      /\/(en\/)?#[\w-]+$/,
    ])
      expect(
        urls.some((u) => kind.test(u)),
        String(kind),
      ).toBe(true);
    const bad: string[] = [];
    for (const url of urls) {
      const status = await statusOf(url);
      if (status !== 200) bad.push(`${status} ${url}`);
    }
    expect(bad).toEqual([]);
    await probe.close();
  });
});
