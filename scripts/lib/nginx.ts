/**
 * Debian's nginx serving a built site with the headers of its `_headers` file, as a production
 * host would: the security, link and smoke tests (tests/e2e/nginx.ts) and `npm run bench` run
 * against it, so a Content-Security-Policy that breaks the page fails a test instead of a
 * deployment. Plain Node (no test framework), so that scripts and tests can both import it.
 *
 *   const server = await startNginx();            // dist/ on 127.0.0.1:<free port>
 *   await fetch(server.url('/'));                  // CSP, nosniff, Referrer-Policy from _headers
 *   await server.close();
 *
 * The `location` blocks are generated from `_headers` by scripts/headers.ts (the README's nginx
 * snippet comes from the same function). nginx runs in the foreground as one process of the
 * current user, with its pid, logs and temp files in a temp folder, and is killed on close().
 * `startNginx(root, { tls: true })` serves HTTPS with HTTP/2, as a production host would (the
 * bench measures page loads that way): a self-signed certificate for 127.0.0.1 is made with
 * `openssl` in the temp folder, so only a browser told to accept it (Chromium's
 * --ignore-certificate-errors) can load the pages.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nginxLocations, readHeadersFile } from '../headers.ts';

/** nginx's gzip level here, as production hosts commonly set it (the story's HTML budget reads it: story.test.ts). */
export const GZIP_LEVEL = 6;

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const DEFAULT_ROOT = fileURLToPath(new URL('../../dist', import.meta.url));

export interface NginxServer {
  origin: string;
  port: number;
  url(path?: string): string;
  /** nginx's error log so far (for a failing test's message). */
  errorLog(): string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface NginxOptions {
  /** HTTPS + HTTP/2 with a self-signed certificate (cert.pem/key.pem in `dir`). */
  tls?: boolean;
}

/** The whole nginx.conf: one server on the loopback port, everything writable under `dir`. */
export function nginxConfig(
  root: string,
  port: number,
  dir: string,
  headersFile = join(root, '_headers'),
  options: NginxOptions = {},
): string {
  const listen = options.tls
    ? `listen 127.0.0.1:${port} ssl http2;\n    ssl_certificate ${dir}/cert.pem;\n    ssl_certificate_key ${dir}/key.pem;`
    : `listen 127.0.0.1:${port};`;
  const rules = readHeadersFile(headersFile);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`).join('\n');
  return `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
${temp}
  sendfile on;
  # Compressed as any production host would serve it (Lighthouse and the byte budgets see this).
  gzip on;
  gzip_min_length 256;
  gzip_comp_level ${GZIP_LEVEL};
  gzip_types text/css text/plain text/csv application/json application/javascript text/javascript image/svg+xml application/geo+json;
  server {
    ${listen}
    server_name localhost;
    root ${resolve(root)};
    index index.html;
    absolute_redirect off;
    include /etc/nginx/mime.types;
    types { text/javascript mjs; text/csv csv; application/geo+json geojson; }
    charset utf-8;
    charset_types text/css text/plain text/csv application/json application/javascript text/javascript image/svg+xml;
${nginxLocations(rules, '    ')}
  }
}
`;
}

/** A self-signed certificate for 127.0.0.1, valid for a day (the bench's server lives minutes). */
function selfSignedCertificate(dir: string): void {
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    throw new Error(
      `openssl could not make a certificate for the HTTPS server (apt-get install openssl): ${error instanceof Error ? error.message : error}`,
      { cause: error },
    );
  }
}

/** Accepts TCP connections (the HTTPS server, whose certificate fetch() would refuse). */
function tcpOpen(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      done();
    });
    socket.once('error', fail);
  });
}

/** Reachable when it answers any HTTP status; rejects if nginx exits first (port taken, bad config). */
async function waitUntilUp(child: ChildProcess, origin: string, log: () => string, tlsPort?: number): Promise<void> {
  const exited = new Promise<never>((_, fail) => child.once('exit', (code) => fail(new Error(`nginx exited (${code}): ${log()}`))));
  const deadline = Date.now() + 10_000;
  const poll = async (): Promise<void> => {
    for (;;) {
      try {
        if (tlsPort) await tcpOpen(tlsPort);
        else await fetch(`${origin}/`, { method: 'HEAD' });
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin}: ${log()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.race([poll(), exited]);
}

export async function startNginx(root: string = DEFAULT_ROOT, options: NginxOptions = {}): Promise<NginxServer> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} not found: run \`bash scripts/install-test-deps.sh\` (apt-get install nginx).`);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html is missing: build the site first.`);
  let lastError: unknown;
  // A port found free can be taken before nginx binds it: try another.
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
    const port = await freePort();
    const conf = join(dir, 'nginx.conf');
    if (options.tls) selfSignedCertificate(dir);
    writeFileSync(conf, nginxConfig(root, port, dir, join(root, '_headers'), options));
    const logFile = join(dir, 'error.log');
    const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').trim() : '');
    // -e: the error log before the config is read (else nginx tries /var/log/nginx as the user).
    const child = spawn(NGINX, ['-e', logFile, '-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    try {
      await waitUntilUp(child, origin, () => `${stderr}${log()}`, options.tls ? port : undefined);
    } catch (error) {
      lastError = error;
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    const exit = new Promise<void>((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())));
    return {
      origin,
      port,
      url: (path = '/') => new URL(path, origin).href,
      errorLog: () => `${stderr}${log()}`,
      close: async () => {
        child.kill('SIGTERM');
        await exit;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
