/**
 * The review desk as an editor uses it (issue 27): a synthetic page the draft gets wrong
 * (tests/fixtures/pages/desk.ts: two articles drafted as one, a caption taken for a headline, an
 * ordinal read as a figure, a topic and labels to correct) is drafted into a scratch copy of the
 * project, corrected and confirmed at the desk with the keyboard alone, and then builds with
 * `--release`; the files the desk wrote are checked as a developer would have written them.
 * Every key press or typed text counts as one action (the README gives the count).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftPage } from '../../src/pipeline/draft/draft-page.ts';
import { generateData } from '../../src/pipeline/generate.ts';
import { startDesk, type Desk } from '../../src/desk/server.ts';
import { damagePage } from '../fixtures/damage.ts';
import { scratchSite } from '../fixtures/scratch-project.ts';
import { deskPage } from '../fixtures/pages/desk.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, newPage, ROOT, screenshot, type PageProbe } from './harness.ts';

const PAGE = 'test-desk';

let dir: string;
let desk: Desk;
let browser: Browser;
let probe: PageProbe;
let actions = 0;
let saved = 0;

beforeAll(async () => {
  dir = scratchSite('lvliang-desk', ROOT);
  writeFileSync(join(dir, `seeds/${PAGE}.txt`), damagePage(deskPage));
  draftPage(dir, `seeds/${PAGE}.txt`);
  desk = await startDesk(dir);
  browser = await launchBrowser();
  probe = await newPage(browser, { width: 1400, height: 1000, origin: desk.origin });
});
afterAll(async () => {
  await probe?.close();
  await browser?.close();
  await desk?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const saves = (page: Page) => page.evaluate(() => Number(document.body.dataset.saved ?? 0));

/** One key press by the editor. */
async function key(page: Page, k: string): Promise<void> {
  actions++;
  await page.keyboard.press(k);
}
/** Text typed into a field (or a list's first letters): one action. */
async function typed(page: Page, text: string): Promise<void> {
  actions++;
  await page.keyboard.type(text);
}
/** A key that saves: waits for the desk's answer to be in place. */
async function save(page: Page, k: string): Promise<void> {
  saved++;
  const before = await saves(page);
  await key(page, k);
  await expect.poll(() => saves(page)).toBe(before + 1);
  expect(await page.locator('#problem').textContent()).toBe('');
}
/** Moves through a group with the arrow keys until `id` has focus. */
async function moveTo(page: Page, id: string, k: 'ArrowDown' | 'ArrowUp'): Promise<void> {
  for (let i = 0; i < 40 && (await focused(page)) !== id; i++) await key(page, k);
  expect(await focused(page)).toBe(id);
}

describe('the review desk, keyboard only', () => {
  it('takes a wrongly drafted page to a release build: split, four figures, every confirmation', async () => {
    const { page } = probe;
    await page.goto(`${desk.origin}/page/${PAGE}`);
    await page.waitForSelector('html[data-desk="ready"]');
    expect(await axeViolations(page, 'desk in Chinese, as drafted')).toEqual([]);
    // The editor works in English here: a list's option is then chosen by typing its first letters.
    await page.goto(`${desk.origin}/page/${PAGE}?lang=en`);
    await page.waitForSelector('html[data-desk="ready"]');
    // The draft's one article runs from 交口县's first line; its headline names 离石区.
    expect(await page.locator('#L3 .role').textContent()).toContain('lishi-p1');

    // 1. Split: 离石区's article begins at line 13; the lines above are 交口县's.
    await key(page, '1');
    await moveTo(page, 'L13', 'ArrowDown');
    await key(page, 's');
    expect(await focused(page)).toBe('region-field');
    await typed(page, 'Jiaok');
    expect(await page.locator('#region-field').inputValue()).toBe('141130');
    await save(page, 'Enter');
    expect(await focused(page)).toBe('L13');
    expect(await page.locator('#L3 .role').textContent()).toContain('jiaokou-p1');

    // 2. The caption beside 孝义市's body: the draft reads it as a caption (no article's words match it).
    expect(await page.locator('#L27 .role').textContent()).toContain('Caption');

    // 3. Figures: 第5届 is an ordinal, not a figure.
    await key(page, '2');
    await moveTo(page, 'fig-jiaokou-p2-f1', 'ArrowDown');
    expect(await page.locator('#fig-jiaokou-p2-f1 mark').textContent()).toBe('5届');
    await save(page, 'n');
    // Its row is gone; focus is on the row that took its place.
    expect(await focused(page)).toBe('fig-jiaokou-p2-f2');

    // 4. 3万人次: a zh label that says what it counts (unit, place, topic, period, then the zh label).
    await key(page, 'e');
    for (let i = 0; i < 4; i++) await key(page, 'Tab');
    await typed(page, '蜂蜜文化节游客');
    await save(page, 'Enter');
    expect(await focused(page)).toBe('fig-jiaokou-p2-f2');

    // 5. 1.5万人: its English label.
    await moveTo(page, 'fig-lishi-p1-f1', 'ArrowDown');
    await key(page, 'e');
    for (let i = 0; i < 5; i++) await key(page, 'Tab');
    await key(page, 'Control+A');
    await typed(page, 'People resettled in Lishi District');
    await save(page, 'Enter');
    expect(await focused(page)).toBe('fig-lishi-p1-f1');

    // 6. 26个 counts workshops that give jobs: topic training.
    await moveTo(page, 'fig-lishi-p2-f1', 'ArrowDown');
    expect(await page.locator('#fig-lishi-p2-f1 mark').textContent()).toBe('26个');
    await key(page, 'e');
    await key(page, 'Tab');
    await key(page, 'Tab');
    await typed(page, 'Tr');
    await save(page, 'Enter');
    expect(await focused(page)).toBe('fig-lishi-p2-f1');

    // 7. Confirm everything: the figures, the split (articles and captions), the chapters.
    await save(page, 'Shift+A');
    await key(page, '1');
    await save(page, 'Shift+A');
    await key(page, '3');
    await save(page, 'Shift+A');
    expect(await page.locator('#status p').first().textContent()).toBe('No drafts left.');

    // 8. Check release: nothing blocks it.
    await key(page, 'Shift+R');
    await expect.poll(() => focused(page)).toBe('release-result');
    expect(await page.locator('#release-result').textContent()).toContain('Ready');
    expect(await axeViolations(page, 'desk in English, confirmed')).toEqual([]);
    await screenshot(page, 'desk-confirmed');
    console.log(`[desk] a wrongly drafted page to release: ${actions} keyboard actions (${saved} saves)`);
    expect(probe.errors()).toEqual([]);
  }, 120_000); // ~10 saves of ~1 s each on a busy machine, two axe runs

  it('wrote the files a developer would have: overrides only, no draft marks left', () => {
    const manifest = JSON.parse(read(`seeds/${PAGE}.manifest.json`));
    expect(manifest.draft).toBeUndefined();
    expect(
      manifest.articles.map((a: { id: string; region: string; body: number[]; headline: unknown }) => [a.id, a.region, a.body, a.headline]),
    ).toEqual([
      ['jiaokou', '141130', [3, 11], null],
      ['lishi', '141102', [13, 19], [21, 21]],
      ['xiaoyi', '141181', [23, 25], null],
    ]);
    expect(manifest.captions).toEqual([{ lines: [27, 29], breaks: [] }]);
    const notes = JSON.parse(read(`seeds/${PAGE}.figures.json`));
    expect(read(`seeds/${PAGE}.figures.json`)).not.toContain('"draft"');
    expect(notes.notFigures).toEqual([{ paragraph: 'jiaokou-p2', raw: '5届', why: expect.any(String) }]);
    const byRaw = (raw: string) => notes.figures.find((f: { raw: string }) => f.raw === raw);
    expect(byRaw('3万人次')).toEqual({
      id: 'jiaokou-p2-f2',
      paragraph: 'jiaokou-p2',
      raw: '3万人次',
      label: { zh: '蜂蜜文化节游客', en: expect.stringContaining('Jiaokou County') },
    });
    expect(byRaw('26个')).toEqual({
      id: 'lishi-p2-f1',
      paragraph: 'lishi-p2',
      raw: '26个',
      label: { en: expect.any(String) },
      topic: 'training',
    });
    expect(byRaw('1.5万人')).toEqual({
      id: 'lishi-p1-f1',
      paragraph: 'lishi-p1',
      raw: '1.5万人',
      label: { en: 'People resettled in Lishi District' },
    });
    // 交口县's figures, drafted on 离石区, are now on 交口县 (the text's reading, no override).
    expect(byRaw('1200余户')).toMatchObject({ id: 'jiaokou-p1-f1', paragraph: 'jiaokou-p1' });
    expect(byRaw('1200余户').region).toBeUndefined();
    const chapters = readdirSync(join(dir, `src/content/chapters/${PAGE}`)).sort();
    expect(chapters).toEqual(['01-jiaokou.md', '02-lishi.md', '03-xiaoyi.md']);
    for (const c of chapters) expect(read(`src/content/chapters/${PAGE}/${c}`)).not.toMatch(/^draft:/m);
    expect(read(`src/content/chapters/${PAGE}/01-jiaokou.md`)).toContain('  - { paragraph: jiaokou-p2 }\n');
  });

  it('the release build succeeds and the built story shows the corrections', () => {
    generateData(dir);
    const build = spawnSync('npx', ['astro', 'build', '--release'], {
      cwd: dir,
      env: { ...process.env, PREVIEW: '1', ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    expect(build.status, (build.stdout + build.stderr).slice(-3000)).toBe(0);
    const story = read(`dist/pages/${PAGE}/index.html`);
    expect(story).toContain('交口县把中蜂养殖作为脱贫的主导产业来抓');
    expect(story).not.toContain('草稿');
    const metrics = JSON.parse(read(`data/pages/${PAGE}/metrics.json`)) as {
      metrics: Array<{ raw: string; region: string; topic: string; label: { zh: string } }>;
    };
    expect(metrics.metrics.find((m) => m.raw === '1200余户')!.region).toBe('141130');
    expect(metrics.metrics.find((m) => m.raw === '3万人次')).toMatchObject({ label: { zh: '蜂蜜文化节游客' } });
    expect(metrics.metrics.find((m) => m.raw === '26个')).toMatchObject({ topic: 'training', overridden: ['topic'] });
    expect(metrics.metrics.some((m) => m.raw === '5届')).toBe(false);
  }, 180_000); // astro build: ~15 s on an idle machine, several times that on a busy one

  it('refuses a split it cannot make, saying why, keeps focus, and undoes one step', async () => {
    const { page } = probe;
    const before = read(`seeds/${PAGE}.manifest.json`);
    await page.locator('#L21').focus();
    await page.keyboard.press('p'); // a headline cannot end a paragraph
    await expect.poll(() => page.locator('#problem').textContent()).toContain('line 21 is not body text');
    expect(await focused(page)).toBe('L21');
    expect(read(`seeds/${PAGE}.manifest.json`)).toBe(before);
    const saved = await saves(page);
    await page.keyboard.press('b'); // the headline becomes body text…
    await expect.poll(() => saves(page)).toBe(saved + 1);
    expect(read(`seeds/${PAGE}.manifest.json`)).not.toBe(before);
    await page.keyboard.press('u'); // …and back
    await expect.poll(() => saves(page)).toBe(saved + 2);
    expect(read(`seeds/${PAGE}.manifest.json`)).toBe(before);
    expect(await page.locator('#announce').textContent()).toContain('line 21 is now body text');
  });
});
