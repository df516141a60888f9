/**
 * The review desk's server and edits without a browser (tests/e2e/desk.test.ts drives it as an
 * editor): what it refuses (other hosts and origins, stale forms, paths outside its folders,
 * values the schemas refuse, splits that cannot be), that a refusal writes nothing, that a change
 * writes only what it changes and one step of undo puts every file back.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planAction } from '../../src/desk/actions.ts';
import { decisionOf } from '../../src/desk/findings.ts';
import { loadPage } from '../../src/desk/page-state.ts';
import { startDesk, type Desk } from '../../src/desk/server.ts';
import { commit, undo, writablePath } from '../../src/desk/store.ts';
import { draftPage } from '../../src/pipeline/draft/draft-page.ts';
import { damagePage } from '../fixtures/damage.ts';
import { deskPage } from '../fixtures/pages/desk.ts';
import { scratchProject } from '../fixtures/scratch-project.ts';

const PAGE = 'test-desk';
let root: string;
let desk: Desk;

/** Every file of the page the desk may change, by path. */
function snapshot(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(join(root, 'seeds')))
    if (f.startsWith(PAGE)) files[`seeds/${f}`] = readFileSync(join(root, 'seeds', f), 'utf8');
  const dir = `src/content/chapters/${PAGE}`;
  for (const f of readdirSync(join(root, dir))) files[`${dir}/${f}`] = readFileSync(join(root, dir, f), 'utf8');
  return files;
}

function http(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, desk.origin);
    const req = request(url, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  http('POST', `/page/${PAGE}`, { origin: desk.origin, 'content-type': 'application/x-www-form-urlencoded', ...headers }, form(fields));

beforeAll(async () => {
  root = scratchProject('lvliang-desk-unit');
  writeFileSync(join(root, `seeds/${PAGE}.txt`), damagePage(deskPage));
  draftPage(root, `seeds/${PAGE}.txt`);
  desk = await startDesk(root);
});
afterAll(async () => {
  await desk?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the desk answers only its own page', () => {
  it('listens on 127.0.0.1 and serves the page with a strict CSP', async () => {
    expect(new URL(desk.origin).hostname).toBe('127.0.0.1');
    const r = await http('GET', `/page/${PAGE}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.text).toContain('id="L13"');
    for (const asset of ['/assets/desk.js', '/assets/desk.css', '/assets/sr-only.css'])
      expect((await http('GET', asset)).status, asset).toBe(200);
  });

  it('refuses another Host (DNS rebinding) and a change from another Origin or none, writing nothing', async () => {
    const before = snapshot();
    expect((await http('GET', `/page/${PAGE}`, { host: 'evil.example:80' })).status).toBe(403);
    const version = loadPage(root, PAGE).version;
    const fields = { action: 'confirm-entries', version, focus: 'status' };
    expect((await post(fields, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await http('POST', `/page/${PAGE}`, { 'content-type': 'application/x-www-form-urlencoded' }, form(fields))).status).toBe(403);
    expect((await post(fields, { 'content-type': 'application/json' })).status).toBe(400);
    expect((await post({ ...fields, pad: 'x'.repeat(70_000) })).status).toBe(400);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a form made on an older version of the page (409), and a value the schemas refuse (422), writing nothing', async () => {
    const before = snapshot();
    const stale = await post({ action: 'confirm-entries', version: 'old', focus: 'status' }, { 'x-desk-fetch': '1' });
    expect(stale.status).toBe(409);
    expect(stale.text).toMatch(/the page changed since this view was made/);
    const version = loadPage(root, PAGE).version;
    const bad = await post({ action: 'figure', id: 'lishi-p3-f1', unit: 'km', version, focus: 'fig-lishi-p3-f1' }, { 'x-desk-fetch': '1' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('unit &quot;km&quot; is not one of percent');
    expect(snapshot()).toEqual(before);
  });

  it('without script: a form post is answered with a redirect to the row, and the result shown once', async () => {
    const version = loadPage(root, PAGE).version;
    const r = await post({ action: 'paragraph-end', line: '9', version, focus: 'L9' });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe(`/page/${PAGE}#L9`);
    const shown = await http('GET', `/page/${PAGE}`);
    expect(shown.text).toMatch(/<div id="announce"[^>]*>已保存：line 9 ends a paragraph/);
    expect((await http('GET', `/page/${PAGE}`)).text).not.toContain('已保存');
    expect(JSON.parse(readFileSync(join(root, `seeds/${PAGE}.manifest.json`), 'utf8')).articles[0].paragraphBreaksAfter).toEqual([9, 15]);
    await post({ action: 'undo', version: '', focus: 'L9' });
    expect(JSON.parse(readFileSync(join(root, `seeds/${PAGE}.manifest.json`), 'utf8')).articles[0].paragraphBreaksAfter).toEqual([15]);
  });
});

describe('the desk writes only inside seeds/ and src/content/chapters/', () => {
  it('refuses paths outside them, absolute paths, and links leading out', () => {
    expect(writablePath(root, 'seeds/x.json')).toBe(join(root, 'seeds/x.json'));
    expect(() => writablePath(root, 'data/edition.json')).toThrow(/writes only inside seeds\/ and src\/content\/chapters\//);
    expect(() => writablePath(root, 'seeds/../data/edition.json')).toThrow(/writes only inside/);
    expect(() => writablePath(root, '/etc/passwd')).toThrow(/not a path inside the project/);
    mkdirSync(join(root, 'outside'));
    symlinkSync(join(root, 'outside'), join(root, 'seeds/out'));
    expect(() => writablePath(root, 'seeds/out/x.json')).toThrow(/leads outside seeds\//);
  });

  it('one step of undo puts back every file an action changed, created or removed', () => {
    const before = snapshot();
    commit(root, PAGE, 'test', [
      { path: `seeds/${PAGE}.figures.json`, content: '{}\n' },
      { path: `src/content/chapters/${PAGE}/09-new.md`, content: '---\n---\n' },
      { path: `src/content/chapters/${PAGE}/01-lishi.md`, content: null },
    ]);
    expect(snapshot()).not.toEqual(before);
    expect(undo(root, PAGE)).toBe('test');
    expect(snapshot()).toEqual(before);
    expect(() => undo(root, PAGE)).toThrow(/nothing to undo/);
  });
});

describe('edits write what a person would', () => {
  it('a figure field equal to the text’s reading is no override; another is, in the schema’s key order', () => {
    const state = loadPage(root, PAGE);
    const same = planAction(state, { action: 'figure', id: 'lishi-p3-f1', unit: 'people', topic: 'relocation' });
    expect(same.changes[0]!.content).toBe(state.files.notes);
    const plan = planAction(state, { action: 'figure', id: 'lishi-p3-f1', topic: 'poverty' });
    const note = JSON.parse(plan.changes[0]!.content!).figures.find((f: { id: string }) => f.id === 'lishi-p3-f1');
    expect(Object.keys(note)).toEqual(['id', 'paragraph', 'raw', 'draft', 'label', 'topic']); // the draft's order kept
    // The diff is that one line.
    const diff = plan.changes[0]!.content!.split('\n').filter((l) => !state.files.notes.split('\n').includes(l));
    expect(diff.map((l) => l.trim())).toEqual(['},', '"topic": "poverty"']);
  });

  it('refuses a split that cannot be made, naming the lines', () => {
    const state = loadPage(root, PAGE);
    expect(() => planAction(state, { action: 'headline', line: '9' })).toThrow(
      /body of lishi would run from line 3 to 19, but line 9 stands between/,
    );
    expect(() => planAction(state, { action: 'split', line: '3', region: '141130' })).toThrow(/first line of lishi's body/);
    expect(() => planAction(state, { action: 'join', line: '23' })).toThrow(/line 21 stands before it/);
    expect(() => planAction(state, { action: 'confirm-figure', id: 'nope' })).toThrow(/no figure "nope"/);
  });

  it('a split and a join undo each other in the manifest, notes and chapters', () => {
    const before = snapshot();
    const split = planAction(loadPage(root, PAGE), { action: 'split', line: '13', region: '141130' });
    commit(root, PAGE, split.message, split.changes);
    const joined = planAction(loadPage(root, PAGE), { action: 'join', line: '13' });
    commit(root, PAGE, joined.message, joined.changes);
    const after = snapshot();
    delete after[`seeds/.${PAGE}.desk-undo.json`];
    // The join keeps the first article's id and place: 交口县 now, the draft's ids renamed with it.
    expect(JSON.parse(after[`seeds/${PAGE}.manifest.json`]!).articles.map((a: { id: string }) => a.id)).toEqual(['jiaokou', 'xiaoyi']);
    expect(Object.keys(after).filter((f) => f.endsWith('.md'))).toEqual(
      Object.keys(before)
        .filter((f) => f.endsWith('.md'))
        .map((f) => f.replace('lishi', 'jiaokou')),
    );
  });
});

describe('the draft’s findings, read into decisions', () => {
  it('reads the kind and lines of today’s sentences', () => {
    expect(decisionOf('line 13: a new article begins here (its first words name 离石区, with no headline between); confirm', null)).toEqual(
      {
        kind: 'article-split',
        lines: [13, 13],
        message: expect.any(String),
        evidence: [],
      },
    );
    expect(decisionOf('lines 23–25 (孝义市): no headline found after this body; kept without one', null).lines).toEqual([23, 25]);
  });
});
