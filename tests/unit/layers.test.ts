/**
 * Layers point one way (docs/architecture.md, "Layers point one way"): the allowed arrows are the
 * table there, read by this test. Scans every import in src/ (and scripts/) and fails on one the
 * table does not allow, on a folder it does not list, and on any import cycle.
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

/**
 * The import cycles among the given edges, each as its modules in order (the first repeated at
 * the end); none means the modules can be read, and loaded, one after another.
 */
export function cycles(list: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of list) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === 'open') found.push([...path.slice(path.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...next.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
const show = (list: Edge[]) => list.map((e) => `${e.from} → ${e.to}`);

/** The allowed arrows, as docs/architecture.md lists them: each row's folder (or file) and what it may import. */
export function layerTable(markdown: string): Map<string, string[]> {
  const block = /<!-- layers:start -->([\s\S]*?)<!-- layers:end -->/.exec(markdown)?.[1];
  if (!block) throw new Error('docs/architecture.md: no <!-- layers:start --> … <!-- layers:end --> table');
  const table = new Map<string, string[]>();
  for (const row of block.split('\n').filter((l) => /^\|\s*`/.test(l))) {
    const [folder, allowed = ''] = row.split('|').slice(1, 3);
    const name = /`([^`]+)`/.exec(folder!)![1]!;
    table.set(
      name,
      [...allowed.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
    );
  }
  return table;
}

/** The table's row a path belongs to (the longest listed prefix), or null. */
const rowOf = (table: Map<string, string[]>, path: string) =>
  [...table.keys()].filter((k) => under(path, k)).sort((a, b) => b.length - a.length)[0] ?? null;

/** The imports the table does not allow: into a folder its row does not list, or from or to a folder of src/ it does not list. */
export function wrongWay(table: Map<string, string[]>, list: Edge[]): string[] {
  return list.flatMap((e) => {
    const from = rowOf(table, e.from);
    const to = rowOf(table, e.to);
    if (!from) return [`${e.from}: its folder is not in the table of docs/architecture.md`];
    if (!to) return under(e.to, 'src') ? [`${e.to}: its folder is not in the table of docs/architecture.md`] : [`${e.from} → ${e.to}`];
    return from === to || table.get(from)!.includes(to) ? [] : [`${e.from} → ${e.to} (${from} may not import ${to})`];
  });
}

describe('layers point one way', () => {
  const all = edges();
  const table = layerTable(readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8'));

  it('finds the imports it checks (static, type-only, side-effect, dynamic, re-export)', () => {
    expect(
      specifiers(
        `import a from './a.ts';\nimport type { B } from "../b.ts";\nimport './c.css';\nconst d = await import('./d.ts');\nexport { e } from './e.ts';\nimport {\n  f,\n  g,\n} from './fg.ts';`,
      ),
    ).toEqual(expect.arrayContaining(['./a.ts', '../b.ts', './c.css', './d.ts', './e.ts', './fg.ts']));
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((e) => e.from === 'src/components/Story.astro' && e.to === 'src/data/load.ts')).toBe(true);
  });

  it('reads the allowed arrows from docs/architecture.md, and they form an order (no cycle)', () => {
    expect(table.get('src/pipeline')).toEqual(['src/schema', 'src/geo']);
    expect(table.get('src/schema')).toEqual([]);
    const arrows = [...table].flatMap(([from, to]) => to.map((t) => ({ from, to: t })));
    expect(cycles(arrows).map((c) => c.join(' → '))).toEqual([]);
  });

  it('every import in src/ follows an arrow of the table (a wrong-way one anywhere fails)', () => {
    // What it catches: views importing a renderer, anything but the pipeline importing the pipeline,
    // the pipeline importing the site, a folder nobody placed, src/ importing scripts/ or tests/.
    expect(
      wrongWay(table, [
        { from: 'src/views/compile.ts', to: 'src/render/svg.ts' },
        { from: 'src/data/load.ts', to: 'src/pipeline/generate.ts' },
        { from: 'src/pipeline/cli.ts', to: 'src/views/views.ts' },
        { from: 'src/newfolder/x.ts', to: 'src/schema/edition.ts' },
        { from: 'src/render/svg.ts', to: 'scripts/headers.ts' },
        { from: 'src/render/svg.ts', to: 'src/render/escape.ts' },
      ]),
    ).toHaveLength(5);
    expect(wrongWay(table, all)).toEqual([]);
  });

  it('no module imports itself through others (type-only imports count: a cycle is read in a circle too)', () => {
    expect(
      cycles([
        { from: 'a.ts', to: 'b.ts' },
        { from: 'b.ts', to: 'c.ts' },
        { from: 'c.ts', to: 'a.ts' },
      ]),
    ).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(cycles(all).map((c) => c.join(' → '))).toEqual([]);
  });

  it('nothing in scripts/ imports tests/ (the bench and the export run without the test harness)', () => {
    const scripts = edges('scripts');
    expect(scripts.length).toBeGreaterThan(20);
    expect(show(scripts.filter((e) => under(e.to, 'tests')))).toEqual([]);
  });
});
