/**
 * Every built page has exactly one <h1> (W3C checker, HTML_CodeSniffer): the story's title is
 * its masthead. The panel partials (/views/{lang}/panels/) are fragments, not pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './harness.ts';

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return pages(path);
    return e.name.endsWith('.html') ? [path] : [];
  });
}

describe('headings', () => {
  it('gives every page exactly one h1', () => {
    const all = pages(DIST).filter((p) => /<html\b/i.test(readFileSync(p, 'utf8')) && !relative(DIST, p).startsWith('bench/'));
    expect(all.length).toBeGreaterThan(30);
    const wrong = all
      .map((p) => [relative(DIST, p), (readFileSync(p, 'utf8').match(/<h1\b/gi) ?? []).length] as const)
      .filter(([, n]) => n !== 1);
    expect(wrong).toEqual([]);
  });
});
