/**
 * The bench's synthetic edition N× the size (scripts/bench/scale.ts) is an edition the site
 * builds: every view compiles from it in both languages and draws what page ① draws, each copied
 * figure restating its original. (The bench builds it 20×; that build once failed, after the view
 * compiler began refusing one quantity drawn twice.)
 */
import { scratchProject } from '../fixtures/scratch-project.ts';
import { describe, expect, it } from 'vitest';
import { scaleProject } from '../../scripts/bench/scale.ts';
import { loadSiteData } from '../../src/data/load.ts';
import { compileView } from '../../src/views/compile.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';

const ROOT = process.cwd();

describe('the bench’s scaled edition', () => {
  it('compiles every view from an edition 3× the size, drawing what the edition itself draws', () => {
    const dir = scratchProject('lvliang-scale');
    scaleProject(dir, 3);
    // One process reads both projects (loadSiteData keeps each folder's data apart).
    const [one, three] = [loadSiteData(ROOT), loadSiteData(dir)];
    expect(three.metrics.length).toBe(3 * one.metrics.length);
    for (const lang of ['zh', 'en'] as const)
      for (const k of allViewKeys()) {
        const drawn = (input: typeof one.compileInput) =>
          compileView(k.view, input, lang, k.state).symbols.map((s) => `${s.region} ${s.radius}`);
        expect(drawn(three.compileInput), `${lang} ${k.key}`).toEqual(drawn(one.compileInput));
      }
  });
});
