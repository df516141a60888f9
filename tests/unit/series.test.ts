import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchProject } from '../fixtures/scratch-project.ts';
import { describe, expect, it } from 'vitest';
import { draftPage } from '../../src/pipeline/draft/draft-page.ts';
import { buildPages, generateData } from '../../src/pipeline/generate.ts';
import { damagePage } from '../fixtures/damage.ts';
import { syntheticPages } from '../fixtures/pages/index.ts';

const ROOT = process.cwd();

/** A scratch copy of what npm run draft / npm run data / the data loader read, with page ② dropped into seeds/. */
function scratch(): string {
  const dir = scratchProject('lvliang-series');
  writeFileSync(join(dir, 'seeds/test-jiaocheng.txt'), damagePage(syntheticPages[0]!));
  return dir;
}
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

describe('a new page: npm run draft, then npm run data, with no hand edit', () => {
  const dir = scratch();
  draftPage(dir, 'seeds/test-jiaocheng.txt');

  it('builds both pages in series order; page ① stays byte for byte, page ② goes to data/pages/', () => {
    const pages = buildPages(dir);
    expect(pages.map((p) => [p.name, p.number])).toEqual([
      ['000_0be6d20330056c62', 1],
      ['test-jiaocheng', 2],
    ]);
    const written = generateData(dir);
    expect(written).toContain('data/pages/test-jiaocheng/metrics.json');
    expect(read(dir, 'data/edition.json')).toBe(read(ROOT, 'data/edition.json'));
    expect(read(dir, 'data/metrics.json')).toBe(read(ROOT, 'data/metrics.json'));
    const m = JSON.parse(read(dir, 'data/pages/test-jiaocheng/metrics.json'));
    expect(m.metrics.length).toBe(26);
    expect(m.metrics.every((x: { draft?: boolean }) => x.draft)).toBe(true);
    expect(JSON.parse(read(dir, 'data/pages/test-jiaocheng/edition.json')).draft).toContain('articles.jiaocheng');
  });

  it('a release build refuses every unconfirmed entry, naming its file', async () => {
    cpSync(join(ROOT, 'data/geo'), join(dir, 'data/geo'), { recursive: true });
    process.env.RELEASE = '1';
    try {
      const { loadSiteData } = await import('../../src/data/load.ts');
      expect(() => loadSiteData(dir)).toThrow(
        /release build refused: .*unconfirmed[\s\S]*seeds\/test-jiaocheng\.manifest\.json: manifest is a draft[\s\S]*seeds\/test-jiaocheng\.figures\.json: figure jiaocheng-p2-f1 is a draft[\s\S]*src\/content\/chapters\/test-jiaocheng\/\d\d-\w+\.md: the chapter is a draft/,
      );
    } finally {
      delete process.env.RELEASE;
    }
  });

  it('loads both pages for the site: page ① by its seed name, page ②’s figures with their page', async () => {
    const { loadSiteData } = await import('../../src/data/load.ts');
    const data = loadSiteData(dir);
    expect(data.pages.map((p) => [p.name, p.number, p.first])).toEqual([
      ['000_0be6d20330056c62', 1, true],
      ['test-jiaocheng', 2, false],
    ]);
    expect(data.metrics.filter((m) => m.page === 'test-jiaocheng').length).toBe(26);
    expect(data.metrics.filter((m) => m.page === undefined).length).toBe(data.pages[0]!.metrics.length);
  });

  it('refuses to overwrite a file an editor confirmed, naming it', () => {
    const f = 'seeds/test-jiaocheng.figures.json';
    const confirmed = JSON.parse(read(dir, f));
    confirmed.figures[0].draft = false;
    writeFileSync(join(dir, f), JSON.stringify(confirmed));
    expect(() => draftPage(dir, 'seeds/test-jiaocheng.txt')).toThrow(
      /seeds\/test-jiaocheng\.figures\.json: already exists and is not an untouched draft/,
    );
    expect(JSON.parse(read(dir, f)).figures[0].draft).toBe(false);
  });
});

describe('bad input is refused, naming the file (and line), and nothing in data/ is lost', () => {
  it('two pages with the same name (the same number in the series)', () => {
    const dir = scratch();
    draftPage(dir, 'seeds/test-jiaocheng.txt');
    writeFileSync(join(dir, 'seeds/test-liulin.txt'), damagePage({ ...syntheticPages[1]!, marker: '全国扶贫日·专刊②' }));
    draftPage(dir, 'seeds/test-liulin.txt');
    const before = read(dir, 'data/metrics.json');
    expect(() => generateData(dir)).toThrow(
      /seeds\/test-liulin\.txt: line \d+ prints page ②, as seeds\/test-jiaocheng\.txt does at line \d+: two pages with the same name/,
    );
    expect(read(dir, 'data/metrics.json')).toBe(before);
  });

  it('an empty file, a file that is not UTF-8, a page with no county', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'seeds/empty.txt'), '');
    expect(() => draftPage(dir, 'seeds/empty.txt')).toThrow(/seeds\/empty\.txt: the file is empty/);
    writeFileSync(join(dir, 'seeds/gbk.txt'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a]));
    expect(() => draftPage(dir, 'seeds/gbk.txt')).toThrow(/seeds\/gbk\.txt: the file is not valid UTF-8/);
    const nowhere = {
      ...syntheticPages[0]!,
      articles: [
        { id: 'x', place: '', region: '141122', headline: ['好日子'], paragraphs: ['山沟里长出了好日子，群众的钱袋子鼓了起来。'] },
      ],
      layout: [{ body: 'x' }, { headline: 'x' }, { header: true as const }, { marker: true as const }],
    };
    writeFileSync(join(dir, 'seeds/nowhere.txt'), damagePage(nowhere));
    expect(() => draftPage(dir, 'seeds/nowhere.txt')).toThrow(/seeds\/nowhere\.txt: line \d+: the article names no county/);
  });
});
