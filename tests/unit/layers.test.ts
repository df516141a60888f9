/**
 * Layers point one way (docs/architecture.md): the pipeline writes data/, the site reads it.
 * Scans every import in src/ (and scripts/) and fails on one that crosses a layer the wrong way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|mts|js|mjs|astro)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]!);
  return found;
}

interface Edge {
  from: string;
  /** Repository-relative path of a relative import; packages are left out. */
  to: string;
}

function edges(dir = 'src'): Edge[] {
  return filesUnder(dir).flatMap((from) =>
    specifiers(readFileSync(join(ROOT, from), 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => ({ from, to: relative(ROOT, resolve(ROOT, dirname(from), s)) })),
  );
}

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
const show = (list: Edge[]) => list.map((e) => `${e.from} → ${e.to}`);

describe('layers point one way', () => {
  const all = edges();

  it('finds the imports it checks (static, type-only, side-effect, dynamic, re-export)', () => {
    expect(
      specifiers(
        `import a from './a.ts';\nimport type { B } from "../b.ts";\nimport './c.css';\nconst d = await import('./d.ts');\nexport { e } from './e.ts';\nimport {\n  f,\n  g,\n} from './fg.ts';`,
      ),
    ).toEqual(expect.arrayContaining(['./a.ts', '../b.ts', './c.css', './d.ts', './e.ts', './fg.ts']));
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((e) => e.from === 'src/components/Story.astro' && e.to === 'src/data/load.ts')).toBe(true);
  });

  it('nothing in src/ imports scripts/ or tests/', () => {
    expect(show(all.filter((e) => under(e.to, 'scripts') || under(e.to, 'tests')))).toEqual([]);
  });

  it('nothing in scripts/ imports tests/ (the bench and the export run without the test harness)', () => {
    const scripts = edges('scripts');
    expect(scripts.length).toBeGreaterThan(20);
    expect(show(scripts.filter((e) => under(e.to, 'tests')))).toEqual([]);
  });

  it('only the pipeline and the review desk (a tool, src/desk) import the pipeline: the site reads what it wrote to data/', () => {
    const tools = ['src/pipeline', 'src/desk'];
    expect(show(all.filter((e) => under(e.to, 'src/pipeline') && !tools.some((d) => under(e.from, d))))).toEqual([]);
    expect(all.some((e) => under(e.from, 'src/desk') && under(e.to, 'src/pipeline'))).toBe(true);
  });

  it("nothing outside the review desk imports it: the public site never carries the editor's tool", () => {
    expect(show(all.filter((e) => under(e.to, 'src/desk') && !under(e.from, 'src/desk')))).toEqual([]);
  });

  it('the pipeline imports only itself, the schemas and the geographic facts (src/geo)', () => {
    const allowed = ['src/pipeline', 'src/schema', 'src/geo'];
    expect(show(all.filter((e) => under(e.from, 'src/pipeline') && !allowed.some((d) => under(e.to, d))))).toEqual([]);
  });
});
