/**
 * An embed on another site: a host page on http://localhost:<port> frames /embed/… served from
 * http://127.0.0.1:<port>, with the snippet the Embed dialog gives (iframe + /embed/resize.js).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iframeSnippet } from '../../src/embed/snippet.ts';
import { articlePage } from './fixtures/host-server.ts';
import { embedFrame, expectFitted, fitOf, pointAtFrame } from './embed-helpers.ts';
import { newPage, screenshot, type PageProbe, builtSite } from './harness.ts';

const site = builtSite({ host: true });

const snippet = (key: string, lang: 'zh' | 'en' = 'zh', height = 700) =>
  iframeSnippet({ origin: site.origin, lang, key, title: `map ${key}`, description: 'd', height, storyUrl: site.url('/'), imageKey: key });

describe('one embed with resize.js', () => {
  let probe: PageProbe;
  beforeAll(async () => {
    probe = await newPage(site.browser, { width: 1280, height: 900, origin: site.host.origin });
    // The host's own `iframe { height: 100% }` must not win over the script (pym.js#168).
    const url = site.host.page('/one.html', articlePage('One embed', `<div id="slot">${snippet('pv')}</div>`, 'iframe{height:100%}'));
    await probe.page.goto(url);
  });
  afterAll(() => probe?.close());

  it('is as tall as its content (±1 px), with no scrollbar inside, and draws the live map', async () => {
    const frame = await embedFrame(probe.page, site.origin, '/embed/pv/');
    await pointAtFrame(probe.page, '#slot iframe', frame);
    await frame.waitForSelector('.embed-map[data-map="maplibre"]', { timeout: 20_000 });
    const fit = await expectFitted(probe.page, frame, '#slot iframe');
    console.log(`[embed] pv at 1280: frame ${fit.frame}px, content ${fit.content.toFixed(2)}px`);
    await screenshot(probe.page, 'embed-host-1280', true);
    expect(probe.errors()).toEqual([]);
  });

  it('grows when the host narrows to 375 px and shrinks back at 1280 px', async () => {
    const frame = await embedFrame(probe.page, site.origin, '/embed/pv/');
    const wide = await expectFitted(probe.page, frame, '#slot iframe');
    await probe.page.setViewportSize({ width: 375, height: 812 });
    await expect
      .poll(async () => (await fitOf(probe.page, frame, '#slot iframe')).frame, { timeout: 15_000 })
      .toBeGreaterThan(wide.frame + 50);
    const narrow = await expectFitted(probe.page, frame, '#slot iframe');
    await screenshot(probe.page, 'embed-host-375', true);
    await probe.page.setViewportSize({ width: 1280, height: 900 });
    await expect
      .poll(async () => (await fitOf(probe.page, frame, '#slot iframe')).frame, { timeout: 15_000 })
      .toBeLessThan(narrow.frame - 50);
    const back = await expectFitted(probe.page, frame, '#slot iframe');
    console.log(`[embed] pv: 1280 → ${wide.frame}px, 375 → ${narrow.frame}px, 1280 → ${back.frame}px`);
    expect(Math.abs(back.frame - wide.frame)).toBeLessThanOrEqual(1);
  });
});
