/**
 * The print font comes from a registry package (@fontsource/noto-sans-sc, SIL OFL), never from
 * the machine: every machine then embeds the same glyphs. The package splits the font into
 * ~100 unicode-range files per weight; only the files covering the characters a map uses are
 * inlined as data: URLs (Chromium then embeds a subset of each into the PDF).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGE = '@fontsource/noto-sans-sc';
export const PRINT_FONT_FAMILY = 'Noto Sans SC';
const WEIGHTS = ['400', '700'] as const;

interface FontFile {
  weight: string;
  file: string;
  ranges: Array<[number, number]>;
}

let cache: { dir: string; version: string; files: FontFile[] } | null = null;

function fontPackage() {
  if (cache) return cache;
  const pkgJson = require.resolve(`${PACKAGE}/package.json`);
  const dir = dirname(pkgJson);
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const files: FontFile[] = [];
  for (const weight of WEIGHTS) {
    const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
    for (const block of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!file || !range) continue;
      const ranges = range.split(',').map((r): [number, number] => {
        const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
      });
      files.push({ weight, file, ranges });
    }
  }
  if (!files.length) throw new Error(`${PACKAGE}: no font files found in ${dir}`);
  cache = { dir, version, files };
  return cache;
}

export const fontPackageInfo = () => ({
  name: PACKAGE,
  version: fontPackage().version,
  family: PRINT_FONT_FAMILY,
  weights: [...WEIGHTS],
  license: 'OFL-1.1',
});

const covers = (f: FontFile, cp: number) => f.ranges.some(([a, b]) => cp >= a && cp <= b);

/** The text drawn by an SVG: its <text> contents, entities decoded. */
export function svgText(svg: string): string {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * @font-face rules for the characters in `text`, both weights. A character no file covers
 * would make Chromium fall back to a system font (a different PDF on every machine): that is
 * an error, not a silent substitution.
 */
export function fontFaceCss(text: string): string {
  const { dir, files } = fontPackage();
  const cps = [...new Set([...text].map((c) => c.codePointAt(0)!))].filter((cp) => cp > 0x20);
  const missing = cps.filter((cp) => !files.some((f) => covers(f, cp)));
  if (missing.length)
    throw new Error(
      `${PACKAGE} has no glyph for ${missing.map((cp) => `"${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase()})`).join(', ')}`,
    );
  const used = files.filter((f) => cps.some((cp) => covers(f, cp)) || f.ranges.some(([a]) => a <= 0x20));
  return used
    .map((f) => {
      const data = readFileSync(join(dir, 'files', f.file)).toString('base64');
      const range = f.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
      return `@font-face{font-family:'${PRINT_FONT_FAMILY}';font-style:normal;font-weight:${f.weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range}}`;
    })
    .join('\n');
}
