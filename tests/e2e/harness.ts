/**
 * Browser test harness: a tiny static file server for dist/ and Debian's Chromium driven by
 * playwright-core. The site is built, and one Chromium started, once per run by
 * tests/e2e/global-setup.ts; every test file connects to that Chromium.
 *
 *   const server = await startServer();          // serves dist/ on 127.0.0.1:<free port>
 *   const browser = await launchBrowser();       // the run's shared Chromium (close() disconnects)
 *   const probe = await newPage(browser, { width: 390, height: 844 });
 *   await probe.page.goto(server.url('/'));
 *   expect(probe.foreignRequests).toEqual([]);   // nothing left the origin
 *   expect(probe.errors()).toEqual([]);          // no console errors, page errors, failed loads
 */
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../scripts/headers.ts';
import { launchChromium } from './chromium.ts';
import { startHostServer, type HostServer } from './fixtures/host-server.ts';

import { ROOT } from './root.ts';

export { ROOT };
/** The built site; E2E_DIST points the tests at a private build (e.g. while dist/ is rebuilt). */
export const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
/** Screenshots and other artefacts (git-ignored). */
export const RESULTS = join(ROOT, 'test-results');
/** What a failing browser test left: its pages' screenshots, console and state (failure-record.ts; `.ci/run` prints it). */
export const FAILURES = join(RESULTS, 'failures');

export { CHROMIUM } from './chromium.ts';

// ---------------------------------------------------------------------------------------------
// Static file server
// ---------------------------------------------------------------------------------------------

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.topojson': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Absolute URL of a site path (`'/'`, `'/map/'`). */
  url(path?: string): string;
  close(): Promise<void>;
}

/** The origin of the most recently started server; `newPage` treats every other origin as foreign. */
let currentOrigin: string | null = null;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

async function sendFile(req: IncomingMessage, res: ServerResponse, path: string, status = 200, extra: Record<string, string> = {}) {
  const { size } = await stat(path);
  res.writeHead(status, {
    'content-type': contentType(path),
    'content-length': String(size),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse, rules: HeaderRule[] = []) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    send(res, 400, 'Bad Request');
    return;
  }
  const extra = headersFor(rules, pathname);
  const target = resolve(root, `.${pathname}`);
  const inside = target === root || target.startsWith(root + sep);
  if (pathname.includes('\0') || !inside) {
    send(res, 404, 'Not Found');
    return;
  }
  let info;
  try {
    info = await stat(target);
  } catch {
    info = null;
  }
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      // Same as any static host: /map → /map/ so that relative URLs resolve.
      send(res, 301, 'Moved Permanently', { location: `${url.pathname}/${url.search}` });
      return;
    }
    const index = join(target, 'index.html');
    if (await isFile(index)) {
      await sendFile(req, res, index, 200, extra);
      return;
    }
  } else if (info?.isFile()) {
    await sendFile(req, res, target, 200, extra);
    return;
  }
  const notFound = join(root, '404.html');
  if (await isFile(notFound)) await sendFile(req, res, notFound, 404, extra);
  else send(res, 404, 'Not Found');
}

// ---------------------------------------------------------------------------------------------
// The site's _headers file (Cloudflare Pages / Netlify syntax), as a static host applies it:
// scripts/headers.ts reads it (and writes the nginx snippet from it); re-exported for the tests.
// ---------------------------------------------------------------------------------------------

export { headersFor, parseHeadersFile, type HeaderRule } from '../../scripts/headers.ts';

export interface ServerOptions {
  /** Apply `<root>/_headers` to every response, as the static host would (default false). */
  headers?: boolean;
}

/** Serves `root` (default dist/) on 127.0.0.1 at a free port. */
export async function startServer(root: string = DIST, options: ServerOptions = {}): Promise<StaticServer> {
  const rootDir = resolve(root);
  if (rootDir === resolve(DIST)) {
    const buildError = inject('siteBuildError');
    if (buildError) throw new Error(buildError);
    if (!existsSync(join(rootDir, 'index.html'))) {
      throw new Error(`${rootDir}/index.html is missing: run \`npx astro build\` (the e2e globalSetup does).`);
    }
  }
  const rules = options.headers ? parseHeadersFile(await readFile(join(rootDir, '_headers'), 'utf8')) : [];
  const server = createServer((req, res) => {
    handle(rootDir, req, res, rules).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal Server Error: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  currentOrigin = origin;
  return {
    origin,
    port,
    url: (path = '/') => new URL(path, origin).href,
    close: () =>
      new Promise<void>((done) => {
        if (currentOrigin === origin) currentOrigin = null;
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------

/**
 * The run's shared Chromium (started once by global-setup.ts), connected to from this test file:
 * `close()` disconnects and closes the contexts this file made, never the browser. Outside a
 * vitest run (or with switches of its own, e.g. `['--disable-webgl']`) a Chromium is launched
 * for the caller, and `close()` ends it.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (extraArgs.length === 0) {
    const shared = sharedBrowser();
    if (shared) return chromium.connect(shared);
  }
  return launchChromium(extraArgs);
}

function sharedBrowser(): string | null {
  let endpoint: string | null;
  let error: string | null;
  try {
    endpoint = inject('browserWsEndpoint') ?? null;
    error = inject('browserError') ?? null;
  } catch {
    return null; // not in a vitest worker
  }
  if (error) throw new Error(error);
  return endpoint;
}

export interface NewPageOptions {
  width: number;
  height: number;
  deviceScaleFactor?: number;
  /** The site's origin; defaults to the last `startServer()`'s. Requests elsewhere are foreign. */
  origin?: string;
  /**
   * `prefers-reduced-motion` as the page sees it. Default 'reduce': the camera jumps and scrolls
   * are instant, the same states without drawing every frame of each flight in software WebGL
   * (most of the suite's GPU time). The tests of the motion itself say 'no-preference'.
   */
  motion?: 'reduce' | 'no-preference';
  /** A phone's touch screen (isMobile, hasTouch: the page matches `(pointer: coarse)`). */
  touch?: boolean;
}

export interface PageProbe {
  page: Page;
  context: BrowserContext;
  origin: string;
  /** Every request (and WebSocket) to another origin, as `METHOD url`. */
  foreignRequests: string[];
  /** console.error messages, with their source location. */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** Same-origin requests that failed or answered with a status ≥ 400. */
  failedRequests: string[];
  /** All of the above except foreign requests, in one list: assert it is empty. */
  errors(): string[];
  /** Every console message of the page, as `type: text (url:line)`, for the failure record. */
  consoleLog: string[];
  close(): Promise<void>;
}

/** The pages this worker has open, for the failure record of a test that fails with them open (failure-record.ts). */
export const openProbes = new Set<PageProbe>();

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome-extension:']);

/** A fresh browser context and page of the given viewport that records what tests assert on. */
export async function newPage(browser: Browser, options: NewPageOptions): Promise<PageProbe> {
  const origin = options.origin ?? currentOrigin;
  if (!origin) throw new Error('newPage: call startServer() first or pass { origin }.');
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
    reducedMotion: options.motion ?? 'reduce',
    ...(options.touch ? { isMobile: true, hasTouch: true } : {}),
  });
  const probe: PageProbe = {
    page: undefined as unknown as Page,
    context,
    origin,
    foreignRequests: [],
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    errors: () => [...probe.consoleErrors, ...probe.pageErrors, ...probe.failedRequests],
    consoleLog: [],
    close: () => {
      openProbes.delete(probe);
      return context.close();
    },
  };
  openProbes.add(probe);
  const isForeign = (url: string) => {
    const parsed = new URL(url);
    return !LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== origin;
  };

  context.on('request', (request) => {
    if (isForeign(request.url())) probe.foreignRequests.push(`${request.method()} ${request.url()}`);
  });
  context.on('requestfailed', (request) => {
    if (!isForeign(request.url())) {
      probe.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
    }
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && !isForeign(response.url())) {
      probe.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });

  const page = await context.newPage();
  probe.page = page;
  page.on('console', (message) => {
    const { url, lineNumber } = message.location();
    const text = url ? `${message.text()} (${url}:${lineNumber})` : message.text();
    probe.consoleLog.push(`${message.type()}: ${text}`);
    if (message.type() === 'error') probe.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => probe.pageErrors.push(error.stack ?? error.message));
  page.on('websocket', (socket) => {
    if (isForeign(socket.url())) probe.foreignRequests.push(`WEBSOCKET ${socket.url()}`);
  });
  return probe;
}

/**
 * With E2E_SCREENSHOTS=1, saves a screenshot to test-results/<name>.png for a person to look at
 * (what the tests saw at that moment) and returns its path; otherwise does nothing and returns
 * null. No test reads them, and encoding full-page PNGs of the story cost the suite seconds a run.
 */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string | null> {
  if (process.env.E2E_SCREENSHOTS !== '1') return null;
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Distinct colours in a PNG (a screenshot of a canvas: is anything drawn?), decoded by the browser
 * itself (no image library needed); every `stride`-th pixel is read.
 */
export async function distinctColours(page: Page, png: Buffer, stride = 1): Promise<number> {
  return page.evaluate(
    async ([b64, step]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * step) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    },
    [png.toString('base64'), stride] as const,
  );
}

/** What `builtSite()` gives a test file: the built site's origin and URLs, Chromium, a host origin. */
export interface BuiltSite {
  readonly origin: string;
  url(path: string): string;
  readonly browser: Browser;
  /** Another origin that frames the site's embeds in articles (only with `{ host: true }`). */
  readonly host: HostServer;
}

/**
 * The built site on the static test server and the run's shared Chromium for a whole test file:
 * registers the hooks that start them (and, with `host`, a host page server on another origin)
 * and stop them. Read its fields in tests and hooks, not at the top of the file.
 *
 *   const site = builtSite({ host: true });
 *   it('…', async () => {
 *     const probe = await newPage(site.browser, { width: 390, height: 844 });
 *     await probe.page.goto(site.url('/'));
 *   });
 */
export function builtSite(options: { host?: boolean } = {}): BuiltSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let host: HostServer | undefined;
  beforeAll(async () => {
    server = await startServer();
    if (options.host) host = await startHostServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`builtSite(): ${what} is read before the file's beforeAll ran (or without { host: true })`);
    return value;
  };
  return {
    get origin() {
      return ready(server, 'the server').origin;
    },
    url: (path) => ready(server, 'the server').url(path),
    get browser() {
      return ready(browser, 'the browser');
    },
    get host() {
      return ready(host, 'the host server');
    },
  };
}
