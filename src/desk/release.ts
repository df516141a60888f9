/**
 * "Check release": what `npm run data && npm run build -- --release` would refuse, found in
 * memory from seeds/ and the chapters as they are now (data/ is neither read nor written):
 * every page built as `npm run data` builds it, every draft mark the release build refuses
 * (releaseBlockers, the build's own list), every page's story, and every map view compiled in
 * both languages with the whole series' figures (two figures of one kind for one county…).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { releaseBlockers, type ReleaseBlocker } from '../data/load.ts';
import { buildPages } from '../pipeline/generate.ts';
import { Edition } from '../schema/edition.ts';
import { readJsonFile } from '../schema/json-file.ts';
import { LvliangTopology } from '../schema/geo.ts';
import { ShanxiTopology } from '../schema/locator.ts';
import { CHAPTERS_DIR } from '../schema/paths.ts';
import { buildStory } from '../story/build-story.ts';
import { parseChapter } from '../story/read-chapters.ts';
import { compileView } from '../views/compile.ts';
import { geoFromTopology } from '../views/geo-data.ts';
import { allViewKeys } from '../views/view-keys.ts';
import { pageOverview, VIEWS } from '../views/views.ts';

export interface ReleaseCheck {
  blockers: ReleaseBlocker[];
  /** What would fail the data or the build itself (not a draft mark), each naming its file. */
  errors: Array<{ file: string; message: string }>;
}

const chapterFiles = (root: string, dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseChapter(readFileSync(join(root, dir, f), 'utf8'), `${dir}/${f}`));

export function checkRelease(root: string): ReleaseCheck {
  const errors: ReleaseCheck['errors'] = [];
  const attempt = (file: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      errors.push({ file, message: (e as Error).message });
    }
  };
  let pages: ReturnType<typeof buildPages> = [];
  attempt('seeds/', () => {
    pages = buildPages(root);
  });
  if (!pages.length) return { blockers: [], errors };
  const blockers = releaseBlockers(
    root,
    pages.map((p) => ({ name: p.name, edition: Edition.parse(p.edition), metrics: p.metrics.metrics, unreadable: p.metrics.unreadable })),
  );
  const series = pages.flatMap((p, i) => p.metrics.metrics.map((m) => (i === 0 ? m : { ...m, page: p.name })));
  const metrics = new Map(series.map((m) => [m.id, m]));
  const overviews = pages
    .slice(1)
    .map((p) =>
      pageOverview({ name: p.name, number: p.number, regions: p.edition.articles.map((a) => a.region), metrics: p.metrics.metrics }),
    );
  const english = readJsonFile('src/content/translations/en.json', z.record(z.string(), z.string().min(1)), { root });
  pages.forEach((p, i) => {
    const dir = i === 0 ? CHAPTERS_DIR : `${CHAPTERS_DIR}/${p.name}`;
    attempt(dir, () => {
      const chapters = chapterFiles(root, dir);
      buildStory({ chapters, edition: p.edition, metrics, views: [...VIEWS, ...overviews], lang: 'zh' });
      if (i === 0) buildStory({ chapters, edition: p.edition, metrics, views: VIEWS, lang: 'en', translation: english });
    });
  });
  attempt('src/views/views.ts', () => {
    const topology = readJsonFile('data/geo/lvliang.topo.json', LvliangTopology, { root, hint: 'run npm run geo' });
    const locator = readJsonFile('data/geo/shanxi.topo.json', ShanxiTopology, { root, hint: 'run npm run geo' });
    const input = {
      metrics,
      geo: geoFromTopology(topology),
      captions: pages[0]!.edition.captions,
      english,
      locator,
      pageNumbers: new Map(pages.slice(1).map((p) => [p.name, p.number])),
    };
    for (const lang of ['zh', 'en'] as const)
      for (const k of allViewKeys([...VIEWS, ...overviews])) compileView(k.view, input, lang, k.state);
  });
  return { blockers, errors };
}
