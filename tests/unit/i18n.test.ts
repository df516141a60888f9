import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { fill, strings } from '../../src/i18n/strings.ts';
import { zh } from '../../src/i18n/zh.ts';

/** Every leaf of a dictionary as [dotted key, value] ('ui.skip', 'dataPage.dl.csv.0'). */
function leaves(node: unknown, prefix = ''): Array<[string, unknown]> {
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, node]];
}

describe('one keyed dictionary per language', () => {
  const zhLeaves = leaves(zh);
  const enLeaves = leaves(en);

  it('both languages have the same keys', () => {
    expect(zhLeaves.length).toBeGreaterThan(100);
    expect(enLeaves.map(([k]) => k).sort()).toEqual(zhLeaves.map(([k]) => k).sort());
  });

  it('every value is a non-empty string, the same placeholders in both languages where zh has any', () => {
    for (const [key, value] of [...zhLeaves, ...enLeaves]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const enByKey = new Map(enLeaves);
    for (const [key, value] of zhLeaves)
      for (const p of placeholders(value as string)) expect(placeholders(enByKey.get(key) as string), key).toContain(p);
  });

  it('strings(lang) reads the language asked for', () => {
    expect(strings('zh').scaleBar.km).toBe('公里');
    expect(strings('en').scaleBar.km).toBe('km');
  });

  it('fill() fills placeholders and refuses a missing one', () => {
    expect(fill('a {x} b {y}', { x: '1', y: '2' })).toBe('a 1 b 2');
    expect(() => fill('a {x}', {})).toThrow(/\{x\}/);
  });
});

describe('no UI string inlined beside the dictionaries', () => {
  // A choice between two literal texts by language is a string that belongs in src/i18n
  // (a choice of language code, URL prefix, font feature or number layout is not: '', 'zh',
  // '/en', "'palt'", `${low}%—${high}%`; numbers are laid out in src/views/format.ts).
  const INLINE = /lang\s*===\s*'(zh|en)'\s*\?\s*(['`"])(?!\2|['/]|\$\{|(?:zh|en)\2)/;
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));

  it('no `lang === "zh" ? "…"` in src/ outside src/i18n', () => {
    const found = files('src')
      .filter((f) => !f.startsWith('src/i18n/'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${f}:${i + 1}`, line })),
      )
      .filter(({ line }) => INLINE.test(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(found).toEqual([]);
  });
});
