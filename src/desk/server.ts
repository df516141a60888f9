/**
 * `npm run desk`: the review desk, a local HTTP server for one editor (docs/desk.md).
 *
 * - Listens on 127.0.0.1 only; answers only requests whose Host is its own address (no DNS
 *   rebinding), and changes files only for a POST whose Origin is its own (no other site can
 *   make the editor's browser post to it).
 * - Writes only inside seeds/ and src/content/chapters/ (store.ts), each action's files together
 *   or none, after the schemas and an in-memory build accept them (actions.ts).
 * - Every page is server-rendered HTML with forms that work without script; the script adds keys
 *   and keeps focus. A form made on an older version of the page is refused (409), not applied.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Metrics } from '../schema/metrics.ts';
import { readJsonFile } from '../schema/json-file.ts';
import type { Lang } from '../i18n/lang.ts';
import { planAction, type Form } from './actions.ts';
import { DeskError } from './desk-error.ts';
import { deskPages, loadPage } from './page-state.ts';
import { checkRelease } from './release.ts';
import { commit, pendingUndo, undo } from './store.ts';
import { pageView } from './views/page.ts';
import { pagesView } from './views/pages.ts';
import { shell, type Flash } from './views/shell.ts';
import { langQuery } from './views/lang.ts';

export const DESK_HOST = '127.0.0.1';
const MAX_BODY = 64 * 1024;
/** The desk's static files: its script and stylesheet, and the site's one visually-hidden rule (src/styles/sr-only.css). */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/assets/desk.js': { file: join(import.meta.dirname, 'assets/desk.js'), type: 'text/javascript; charset=utf-8' },
  '/assets/desk.css': { file: join(import.meta.dirname, 'assets/desk.css'), type: 'text/css; charset=utf-8' },
  '/assets/sr-only.css': { file: join(import.meta.dirname, '../styles/sr-only.css'), type: 'text/css; charset=utf-8' },
};

const HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
};

export interface Desk {
  origin: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function readForm(req: IncomingMessage): Promise<Form> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded'))
      return reject(new DeskError('bad-request', 'a form is sent as application/x-www-form-urlencoded'));
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is read and dropped, so the refusal reaches the browser.
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () =>
      size > MAX_BODY
        ? reject(new DeskError('bad-request', `the form is larger than ${MAX_BODY} bytes`))
        : resolve(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))),
    );
    req.on('error', reject);
  });
}

/** Page ①'s figures (the series' maps are bound to them), for "the maps that draw it". */
function firstPageMetrics(root: string) {
  try {
    return new Map(readJsonFile('data/metrics.json', Metrics, { root }).metrics.map((m) => [m.id, m]));
  } catch {
    return new Map();
  }
}

export function startDesk(root: string, port = 0): Promise<Desk> {
  /** One message per page for the next view of it (a form posted without script is answered with a redirect). */
  const flashes = new Map<string, Flash>();
  let origin = '';
  const render = (res: ServerResponse, status: number, lang: Lang, page: string | null, flash: Flash | null, release = false) => {
    if (page === null) {
      const v = pagesView(deskPages(root), lang);
      return send(res, status, 'text/html; charset=utf-8', shell(lang, v.title, v.main, flash));
    }
    const state = loadPage(root, page);
    const v = pageView({
      state,
      lang,
      undoLabel: pendingUndo(root, page),
      release: release ? checkRelease(root) : null,
      firstPage: firstPageMetrics(root),
    });
    send(res, status, 'text/html; charset=utf-8', shell(lang, v.title, v.main, flash));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host ?? '';
    if (host !== origin.slice('http://'.length) && host !== `localhost:${new URL(origin).port}`)
      throw new DeskError('forbidden', `Host "${host}" is not this desk`);
    const url = new URL(req.url ?? '/', origin);
    const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh';
    const asset = req.method === 'GET' ? ASSETS[url.pathname] : undefined;
    if (asset) return send(res, 200, asset.type, readFileSync(asset.file, 'utf8'));
    if (req.method === 'GET' && url.pathname === '/') return render(res, 200, lang, null, null);
    if (req.method === 'GET' && url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    const page = url.pathname.match(/^\/page\/([A-Za-z0-9_-]+)$/)?.[1];
    if (!page) throw new DeskError('not-found', `no such page: ${url.pathname}`);
    if (req.method === 'GET') {
      const flash = flashes.get(page) ?? null;
      flashes.delete(page);
      return render(res, 200, lang, page, flash, url.searchParams.get('release') === '1');
    }
    if (req.method !== 'POST') throw new DeskError('bad-request', `${req.method} is not answered here`);
    const from = req.headers.origin;
    if (from !== origin && from !== `http://localhost:${new URL(origin).port}`)
      throw new DeskError('forbidden', `a change must come from the desk's own page (Origin ${from ?? 'missing'})`);
    const scripted = req.headers['x-desk-fetch'] === '1';
    const form = await readForm(req);
    let flash: Flash;
    let status = 200;
    try {
      if (form.action === 'undo') flash = { kind: 'undone', text: undo(root, page) };
      else {
        const state = loadPage(root, page);
        if (form.version !== state.version)
          throw new DeskError(
            'stale',
            'the page changed since this view was made (another tab, or a file edited by hand): nothing was saved; look again and repeat',
          );
        const plan = planAction(state, form);
        commit(root, page, plan.message, plan.changes);
        flash = { kind: 'saved', text: [plan.message, ...plan.report].join('; ') };
      }
    } catch (e) {
      if (!(e instanceof DeskError)) throw e;
      flash = { kind: 'refused', text: e.message };
      status = e.status;
    }
    if (scripted) return render(res, status, lang, page, flash);
    flashes.set(page, flash);
    const focus = /^[A-Za-z0-9_-]+$/.test(form.focus ?? '') ? `#${form.focus}` : '';
    res.writeHead(303, { ...HEADERS, location: `/page/${page}${langQuery(lang)}${focus}`, 'content-length': '0' });
    res.end();
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof DeskError ? e.status : 500;
      if (!(e instanceof DeskError)) console.error(e);
      if (!res.headersSent) send(res, status, 'text/plain; charset=utf-8', `${(e as Error).message}\n`);
      else res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, DESK_HOST, () => {
      origin = `http://${DESK_HOST}:${(server.address() as AddressInfo).port}`;
      resolve({
        origin,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  startDesk(arg('root') ?? process.cwd(), Number(arg('port') ?? 4330)).then(
    (d) => console.log(`review desk: ${d.origin}/  (localhost only; Ctrl+C stops it)`),
    (e: Error) => {
      console.error(`error: ${e.message}`);
      process.exit(1);
    },
  );
}
