import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS_DIR, parseChapter, readChapters } from '../../src/story/read-chapters.ts';

const FILE = `${CHAPTERS_DIR}/02-linxian.md`;
const text = readFileSync(FILE, 'utf8');

describe('the one chapter reader', () => {
  it('reads every chapter file, in file-name order', () => {
    expect(readChapters().map((c) => c.id)).toEqual(['opening', 'linxian', 'lanxian', 'shilou', 'xingxian', 'record']);
  });

  it('reads a file saved with CRLF line ends, a byte-order mark, or both, as the LF original', () => {
    const lf = parseChapter(text, FILE);
    expect(lf.id).toBe('linxian');
    const crlf = text.replace(/\n/g, '\r\n');
    expect(crlf).not.toBe(text);
    expect(parseChapter(crlf, FILE)).toEqual(lf);
    expect(parseChapter(`\uFEFF${text}`, FILE)).toEqual(lf);
    expect(parseChapter(`\uFEFF${crlf}`, FILE)).toEqual(lf);
  });

  it('names the file, and the line of a YAML error', () => {
    expect(() => parseChapter('# no frontmatter\n', 'x.md')).toThrow(/^x\.md: no frontmatter/);
    expect(() => parseChapter('---\nid: a\norder: [1\n---\n', 'x.md')).toThrow(/^x\.md: YAML: .* at line 4/);
    expect(() => parseChapter(text.replace('order: 2', 'order: two'), FILE)).toThrow(/02-linxian\.md: order: /);
  });
});
