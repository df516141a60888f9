/**
 * The one reader of the story's chapters (src/content/chapters/*.md): their YAML frontmatter,
 * checked against ChapterFrontmatter. The story page, the embed pages and the tests all read
 * them here; a Markdown file saved with CRLF line ends or a byte-order mark reads the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, YAMLException } from 'js-yaml';
import { InputError } from '../schema/json-file.ts';
import { CHAPTERS_DIR } from '../schema/paths.ts';
import { ChapterFrontmatter } from './chapter-schema.ts';

export { CHAPTERS_DIR };

/** The frontmatter of one chapter file's text, checked; errors name `file` (and the YAML line). */
export function parseChapter(text: string, file: string): ChapterFrontmatter {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fm = lines.match(/^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/);
  if (!fm) throw new InputError(file, 'no frontmatter (the file must open with a line "---" and close it with another)');
  let data: unknown;
  try {
    data = load(fm[1]!);
  } catch (e) {
    // js-yaml counts lines from the frontmatter's first line, the file's second.
    if (e instanceof YAMLException) throw new InputError(file, `YAML: ${e.reason} at line ${e.mark.line + 2}`);
    throw e;
  }
  const parsed = ChapterFrontmatter.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(file, `${issue.path.join('.') || '(frontmatter)'}: ${issue.message}`);
  }
  return parsed.data;
}

const read = new Map<string, ChapterFrontmatter[]>();

/**
 * Every chapter's frontmatter in file-name order: the first page's (at the top of the folder), or
 * with `page`, a later page's (in its own folder); read once per folder (every page and embed asks).
 */
export function readChapters(root = process.cwd(), page?: string): ChapterFrontmatter[] {
  const rel = page ? `${CHAPTERS_DIR}/${page}` : CHAPTERS_DIR;
  const key = join(root, rel);
  let chapters = read.get(key);
  if (!chapters) {
    chapters = readdirSync(key, { withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith('.md'))
      .map((f) => f.name)
      .sort()
      .map((f) => parseChapter(readFileSync(join(key, f), 'utf8'), `${rel}/${f}`));
    read.set(key, chapters);
  }
  return chapters;
}
