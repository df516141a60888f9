/**
 * The text draft on pages it was not tuned to: written, damaged and keyed by hand by a helper who
 * had not read src/pipeline/ (tests/fixtures/independent/README.md). Nothing here comes from the
 * code under test: the keys are the oracle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/pipeline/edition.ts';
import { buildMetrics } from '../../src/pipeline/extract/extract.ts';
import { parseFiguresFile } from '../../src/pipeline/extract/figures-file.ts';
import { parseManifest } from '../../src/pipeline/manifest.ts';
import { draftFromSeed } from '../../src/pipeline/draft/draft-page.ts';
import { LayoutError } from '../../src/pipeline/draft/detect-layout.ts';
import {
  articleVerdicts,
  editionPassages,
  figureRecall,
  INDEPENDENT_DIR,
  INDEPENDENT_PAGES,
  keyPassages,
  readKey,
  recall,
} from '../fixtures/independent/score.ts';

const seedOf = (page: string, file = 'page.txt') => readFileSync(join(INDEPENDENT_DIR, page, file), 'utf8');

function draftOf(page: string) {
  const seedText = seedOf(page);
  const d = draftFromSeed(seedText, `${page}.txt`, `seeds/${page}.txt`);
  const file = (suffix: string) => d.files.find((f) => f.path.endsWith(suffix))!.content;
  const edition = buildEdition({ seedText, seedFile: page, manifest: parseManifest(file('.manifest.json'), 'm'), manifestFile: 'm' });
  const metrics = buildMetrics(edition, parseFiguresFile(file('.figures.json'), 'f'), 'f');
  return { d, edition, metrics };
}

describe('npm run draft on independent pages, against their hand keys', () => {
  for (const page of INDEPENDENT_PAGES) {
    const key = readKey(page);
    const { d, edition, metrics } = draftOf(page);

    it(`${page}: ≥ 95 % of passages (headlines, decks, paragraphs, captions)`, () => {
      const r = recall(keyPassages(key), editionPassages(edition));
      expect(r.share, r.missing.join(' | ')).toBeGreaterThanOrEqual(0.95);
    });

    it(`${page}: ≥ 95 % of figures with the right county, value and unit`, () => {
      const r = figureRecall(key, metrics.metrics);
      expect(r.share, r.missing.join(' | ')).toBeGreaterThanOrEqual(0.95);
    });

    it(`${page}: every article right, or flagged at its lines (no silent wrong split)`, () => {
      const silent = articleVerdicts(key, edition).filter(
        (v) => !v.right && !d.undecided.some((u) => u.lines && v.lines && u.lines[0] <= v.lines[1] && v.lines[0] <= u.lines[1]),
      );
      expect(silent).toEqual([]);
    });

    it(`${page}: a quantity printed again rounded (the key's restatements with another raw) is flagged, never counted twice silently`, () => {
      const restated = key.figures.filter((f) => f.restates !== undefined && f.raw !== key.figures[f.restates]!.raw);
      const flagged = (f: (typeof restated)[number]) =>
        d.undecided.some((u) => u.message.includes(`"${f.raw}"`) && u.message.includes(`"${key.figures[f.restates!]!.raw}"`));
      expect(restated.filter((f) => !flagged(f)).map((f) => f.raw)).toEqual([]);
    });

    it(`${page}: the marker found, and every article on a county the key names`, () => {
      expect(edition.editionMarker.text).toBe(key.marker);
      expect(new Set(edition.articles.map((a) => a.region))).toEqual(new Set(key.articles.map((a) => a.region)));
    });
  }
});

describe('text a real extractor damaged in its own way is refused, naming lines, never guessed', () => {
  for (const page of INDEPENDENT_PAGES)
    for (const file of ['page.raw.txt', 'page.layout.txt'])
      it(`${page}/${file} (pdftotext${file === 'page.raw.txt' ? ' -raw' : ''})`, () => {
        const run = () => draftFromSeed(seedOf(page, file), 'x.txt', `${page}/${file}`);
        expect(run).toThrow(LayoutError);
        expect(run).toThrow(/lines? \d+|\d+ «/);
      });
});
