/**
 * The one reader of the story's chapters (src/content/chapters/*.md): their YAML frontmatter,
 * checked against ChapterFrontmatter. The story page, the embed pages and the tests all read
 * them here; a Markdown file saved with CRLF line ends or a byte-order mark reads the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, YAMLException } from 'js-yaml';
import { InputError } from '../schema/json-file.ts';
import { ChapterFrontmatter } from './chapter-schema.ts';

export const CHAPTERS_DIR = 'src/content/chapters';

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

/** Every chapter's frontmatter in file-name order; read once per folder (every page and embed asks). */
export function readChapters(root = process.cwd()): ChapterFrontmatter[] {
  let chapters = read.get(root);
  if (!chapters) {
    const dir = join(root, CHAPTERS_DIR);
    chapters = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => parseChapter(readFileSync(join(dir, f), 'utf8'), `${CHAPTERS_DIR}/${f}`));
    read.set(root, chapters);
  }
  return chapters;
}
