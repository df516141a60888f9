/**
 * Hosts that already use a resizing library size our embeds without our script:
 * pym.js (string messages, childId in the URL) and @newswire/frames (AMP's embed-size message).
 * Both libraries come from node_modules, served by the host server.
 */
import { describe, expect, it } from 'vitest';
import { articlePage } from './fixtures/host-server.ts';
import { embedFrame, expectFitted, until } from './embed-helpers.ts';
import { newPage, type PageProbe, builtSite } from './harness.ts';

const site = builtSite({ host: true });

/** Loads a host page at 1280 px, then checks the frame fits, grows at 375 px and shrinks back. */
async function checkHost(path: string, html: string, selector: string, embedPath: string) {
  const probe: PageProbe = await newPage(site.browser, { width: 1280, height: 900, origin: site.host.origin });
  try {
    await probe.page.goto(site.host.page(path, html));
    const frame = await embedFrame(probe.page, site.origin, embedPath);
    const wide = await expectFitted(probe.page, frame, selector);
    await probe.page.setViewportSize({ width: 375, height: 812 });
    // The frame is narrower now (its page re-lays itself out); then it must fit again.
    await until('the frame to narrow', () => frame.evaluate(() => innerWidth < 400));
    const narrow = await expectFitted(probe.page, frame, selector);
    await probe.page.setViewportSize({ width: 1280, height: 900 });
    await until('the frame to widen', () => frame.evaluate(() => innerWidth > 700));
    const back = await expectFitted(probe.page, frame, selector);
    expect(Math.abs(back.frame - wide.frame)).toBeLessThanOrEqual(1);
    expect(probe.errors()).toEqual([]);
    return { frame, probe, wide, narrow };
  } catch (error) {
    await probe.close();
    throw error;
  }
}

describe('a pym.js host', () => {
  it('sizes the embed from its pym messages, with childId/initialWidth/parentTitle/parentUrl in the URL', async () => {
    const html = articlePage(
      'pym.js host',
      `<div id="lvliang-pv"></div>
<script src="/vendor/pym.v1.min.js"></script>
<script>window.pymParent = new pym.Parent('lvliang-pv', ${JSON.stringify(`${site.origin}/en/embed/pv/`)}, { title: 'Photovoltaic map' });</script>`,
    );
    const { frame, probe, wide, narrow } = await checkHost('/pym.html', html, '#lvliang-pv iframe', '/en/embed/pv/');
    try {
      const url = new URL(frame.url());
      expect([...url.searchParams.keys()].sort()).toEqual(['childId', 'initialWidth', 'parentTitle', 'parentUrl']);
      expect(url.searchParams.get('childId')).toBe('lvliang-pv');
      // The parameters pym adds change nothing on the page.
      expect(await frame.locator('.embed-title').isVisible()).toBe(true);
      console.log(`[embed] pym.js host: 1280 → ${wide.frame}px, 375 → ${narrow.frame}px`);
    } finally {
      await probe.close();
    }
  });
});

describe('an @newswire/frames host', () => {
  it('sizes the embed from its AMP embed-size messages (auto-initialised frame)', async () => {
    const html = articlePage(
      '@newswire/frames host',
      `<div id="frames-slot" data-frame-src=${JSON.stringify(`${site.origin}/embed/relocation/`)} data-frame-attribute-title="Relocation map"></div>
<script src="/vendor/frames.umd.js"></script>
<script>newswireFrames.autoInitFrames();</script>`,
    );
    const { probe, wide, narrow } = await checkHost('/frames.html', html, '#frames-slot iframe', '/embed/relocation/');
    console.log(`[embed] @newswire/frames host: 1280 → ${wide.frame}px, 375 → ${narrow.frame}px`);
    await probe.close();
  });
});
