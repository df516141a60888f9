/**
 * The script-free form (the Embed dialog's "page without scripts"): pasted into a page on another
 * origin whose CMS strips <script> (stripped here, and JavaScript off on the host), it must show
 * the map whole — title, legend and source included — at 320, 600 and 1000 px, with no message
 * from the embed to size anything.
 */
import { strings } from '../../src/i18n/strings.ts';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { embedMeta } from '../../src/embed/meta.ts';
import { imageSnippet, WECHAT_IMAGE } from '../../src/embed/snippet.ts';
import { storyPath } from '../../src/site/urls.ts';
import { articlePage } from './fixtures/host-server.ts';
import { screenshot, builtSite } from './harness.ts';

const site = builtSite({ host: true });

/** What a CMS that strips scripts leaves of the snippet. */
const stripScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, '');

const snippetFor = (lang: 'zh' | 'en', key: string) => {
  const m = embedMeta(lang, key);
  return stripScripts(
    imageSnippet({
      origin: site.origin,
      lang,
      key,
      title: m.title,
      description: m.description,
      height: m.height,
      storyUrl: site.url(storyPath(lang, m.chapter)),
      imageKey: m.views[0]!.key,
      source: m.views[0]!.view.source,
      say: strings(lang).snippet,
    }),
  );
};

describe('the script-free form stays whole at any width', () => {
  it.each([
    [320, 'zh', 'incidence'],
    [600, 'en', 'pv'],
    [1000, 'zh', 'forest-after'],
    [320, 'en', 'incidence-before'],
  ] as const)('%i px, %s, %s: picture whole (title, legend and source inside), source as text, nothing cut', async (width, lang, key) => {
    const html = snippetFor(lang, key);
    expect(html).not.toMatch(/<script|<iframe/);
    const context = await site.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(site.host.page(`/noscript-${width}-${lang}-${key}.html`, articlePage(`No script ${width}`, html)));
    const img = page.locator('figure img');
    await img.evaluate((i: HTMLImageElement) => i.decode());
    const m = await page.evaluate(() => {
      const i = document.querySelector<HTMLImageElement>('figure img')!;
      const r = i.getBoundingClientRect();
      const cap = document.querySelector('figcaption')!.getBoundingClientRect();
      return {
        natural: [i.naturalWidth, i.naturalHeight],
        box: [r.left, r.width, r.height],
        page: [document.documentElement.scrollWidth, innerWidth],
        cap: [cap.width, cap.height],
      };
    });
    expect(m.natural).toEqual([WECHAT_IMAGE.width, WECHAT_IMAGE.height]);
    // The whole picture, scaled to the column: not cropped, not wider than the page.
    expect(m.box[0]).toBeGreaterThanOrEqual(0);
    expect(m.box[0]! + m.box[1]!).toBeLessThanOrEqual(width);
    expect(Math.abs(m.box[2]! - (m.box[1]! * WECHAT_IMAGE.height) / WECHAT_IMAGE.width)).toBeLessThanOrEqual(1);
    expect(m.page[0]).toBeLessThanOrEqual(m.page[1]!);
    expect(m.cap[1]).toBeGreaterThan(0);
    expect(await page.locator('figcaption').innerText()).toContain(embedMeta(lang, key).views[0]!.view.source);
    // The picture's last rows (the source line) and its legend band are drawn on screen, not blank.
    const shot = PNG.sync.read(await img.screenshot());
    const inked = (from: number, to: number) => {
      let n = 0;
      for (let y = Math.floor(shot.height * from); y < Math.floor(shot.height * to); y++)
        for (let x = 0; x < shot.width; x++) if (shot.data[(y * shot.width + x) * 4]! < 128) n++;
      return n;
    };
    expect(inked(0.93, 1), 'source line').toBeGreaterThan(10);
    expect(inked(0.7, 0.93), 'legend').toBeGreaterThan(10);
    await screenshot(page, `embed-noscript-${width}-${lang}-${key}`, true);
    expect(messages).toEqual([]);
    await context.close();
  });
});
