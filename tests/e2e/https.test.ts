/**
 * The server `npm run bench` measures against: the built site behind nginx over HTTPS with
 * HTTP/2 (startNginx's `tls`), with the same headers as the plain-HTTP server of the other tests.
 */
import { connect } from 'node:http2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { headersFor, readHeadersFile } from '../../scripts/headers.ts';
import { DIST } from './harness.ts';
import { startNginx, type NginxServer } from './nginx.ts';

let server: NginxServer;
beforeAll(async () => {
  const buildError = inject('siteBuildError');
  if (buildError) throw new Error(buildError);
  server = await startNginx(DIST, { tls: true });
});
afterAll(async () => {
  await server?.close();
});

/** One GET over HTTP/2; the certificate is the run's own self-signed one. */
function get(
  path: string,
): Promise<{ alpn: string | false | undefined; status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const session = connect(server.origin, { rejectUnauthorized: false });
    session.once('error', fail);
    const req = session.request({ ':path': path, 'accept-encoding': 'identity' });
    let body = '';
    let headers: Record<string, string | string[] | undefined> = {};
    req.setEncoding('utf8');
    req.on('response', (h) => (headers = h));
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      const alpn = session.alpnProtocol;
      session.close();
      done({ alpn, status: Number(headers[':status']), headers, body });
    });
    req.once('error', fail);
    req.end();
  });
}

describe('the bench’s HTTPS server', () => {
  it('speaks HTTP/2 over TLS and serves the story with the _headers policy', async () => {
    expect(server.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await get('/');
    expect(r.alpn).toBe('h2');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<main class="story"');
    const expected = headersFor(readHeadersFile(`${DIST}/_headers`), '/');
    expect(r.headers['content-security-policy']).toBe(expected['content-security-policy']);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the panel blocks the story fetches after it has loaded', async () => {
    const r = await get('/views/zh/panels/');
    expect(r.status).toBe(200);
    expect(r.body.match(/class="map-chrome"/g)?.length).toBeGreaterThan(1);
    // A fragment of the story, not a page of its own: not for search results.
    expect(r.headers['x-robots-tag']).toBe('noindex');
  });
});
