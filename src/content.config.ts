import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ChapterFrontmatter } from './story/chapter-schema.ts';

/** The story's chapters: authored steps (which paragraph, which map view and region) in Markdown frontmatter. */
const chapters = defineCollection({
  // The first page's chapters at the top; a later page's in a folder named after it (npm run draft).
  loader: glob({ pattern: '**/*.md', base: './src/content/chapters' }),
  schema: ChapterFrontmatter,
});

export const collections = { chapters };
