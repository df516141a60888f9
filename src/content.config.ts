import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ChapterFrontmatter } from './story/chapter-schema.ts';

/** The story's chapters: authored steps (which paragraph, which map view and region) in Markdown frontmatter. */
const chapters = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/chapters' }),
  schema: ChapterFrontmatter,
});

export const collections = { chapters };
