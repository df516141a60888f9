import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { CHAPTERS_DIR } from '../pipeline/paths.ts';
import { ChapterFrontmatter } from './chapter-schema.ts';

/** The chapters' frontmatter read straight from the Markdown files (as Astro's glob loader does), for tests and scripts. */
export function readChapters(root = process.cwd()): ChapterFrontmatter[] {
  const dir = join(root, CHAPTERS_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const fm = text.match(/^---\n([\s\S]*?)\n---/);
      if (!fm) throw new Error(`${CHAPTERS_DIR}/${f}: no frontmatter`);
      return ChapterFrontmatter.parse(load(fm[1]!));
    });
}
