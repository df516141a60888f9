/**
 * The bench's synthetic edition N× the size (scripts/bench/scale.ts) is an edition the site
 * builds: every view compiles from it in both languages and draws what page ① draws, each copied
 * figure restating its original. (The bench builds it 20×; that build once failed, after the view
 * compiler began refusing one quantity drawn twice.)
 */
import { scratchProject } from '../fixtures/scratch-project.ts';
import { describe, expect, it, vi } from 'vitest';
import { scaleProject } from '../../scripts/bench/scale.ts';
import { compileView } from '../../src/views/compile.ts';
import { allViewKeys } from '../../src/views/view-keys.ts';

const ROOT = process.cwd();

/** loadSiteData keeps the first project it reads: each project is read in modules of its own. */
async function siteData(root: string) {
  vi.resetModules();
  const { loadSiteData } = await import('../../src/data/load.ts');
  return loadSiteData(root);
}

describe('the bench’s scaled edition', () => {
  it('compiles every view from an edition 3× the size, drawing what the edition itself draws', async () => {
    const dir = scratchProject('lvliang-scale');
    scaleProject(dir, 3);
    const [one, three] = [await siteData(ROOT), await siteData(dir)];
    expect(three.metrics.length).toBe(3 * one.metrics.length);
    for (const lang of ['zh', 'en'] as const)
      for (const k of allViewKeys()) {
        const drawn = (input: typeof one.compileInput) =>
          compileView(k.view, input, lang, k.state).symbols.map((s) => `${s.region} ${s.radius}`);
        expect(drawn(three.compileInput), `${lang} ${k.key}`).toEqual(drawn(one.compileInput));
      }
  });
});
