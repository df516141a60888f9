/**
 * The built site behind Debian's nginx with the headers of `_headers` (scripts/lib/nginx.ts, which
 * `npm run bench` uses too), for browser test files: `nginxSite()` registers the hooks that start
 * nginx and connect to the run's shared Chromium, and stop both.
 *
 *   const site = nginxSite();
 *   it('…', async () => {
 *     const probe = await newPage(site.browser, { width: 390, height: 844, origin: site.server.origin });
 *     await probe.page.goto(site.server.url('/'));
 *   });
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { startNginx, type NginxServer } from '../../scripts/lib/nginx.ts';
import { DIST, launchBrowser } from './harness.ts';

export { nginxConfig, startNginx, NGINX, type NginxOptions, type NginxServer } from '../../scripts/lib/nginx.ts';

/**
 * The built site behind nginx and the shared Chromium, for a whole test file: registers the hooks
 * that start them (after checking the build) and stop them. Read `.server`/`.browser` in tests.
 */
export function nginxSite(root: string = DIST): { server: NginxServer; browser: Browser } {
  const site = {} as { server: NginxServer; browser: Browser };
  beforeAll(async () => {
    const buildError = inject('siteBuildError');
    if (buildError) throw new Error(buildError);
    site.server = await startNginx(root);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
