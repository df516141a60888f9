/**
 * Debian's Chromium as the browser tests run it, without vitest (global-setup.ts imports this in
 * vitest's main process, harness.ts in the test workers).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, with its background traffic to Google switched off. No name but the loopback ones
 * resolves: a request to another origin fails at once in the browser, with no network and no
 * route (a Playwright route sends every request through the test process and turns the HTTP
 * cache off). The harness still records each such request (`foreignRequests`).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Switches for a Chromium without WebGL at all, as a reader's browser without it (the story keeps its SVG map). */
export const NO_WEBGL_ARGS = ['--disable-webgl', '--disable-3d-apis'];

function checkInstalled(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run \`bash scripts/install-test-deps.sh\` (apt-get install chromium).`);
  }
}

/** A Chromium of this process's own (extra switches, e.g. `--disable-webgl`, need their own). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  checkInstalled();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** The Chromium every browser test file connects to (started once per run by global-setup.ts). */
export function launchChromiumServer(): Promise<BrowserServer> {
  checkInstalled();
  return chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
