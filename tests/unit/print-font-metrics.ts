/**
 * Advance widths of the print font itself (the @fontsource/noto-sans-sc WOFF files the export
 * embeds), read from each unicode-range file's cmap and hmtx: the layout test measures names
 * with the glyphs that are printed rather than with the renderer's own estimate. No kerning
 * (Noto Sans SC's Latin kerning only ever narrows a word).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const DIR = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));

interface Face {
  ranges: Array<[number, number]>;
  file: string;
  widths?: Map<number, number>;
}

/** cmap (format 4 or 12) and hmtx of one WOFF file: code point → advance in em. */
function readWoff(path: string): Map<number, number> {
  const b = readFileSync(path);
  if (b.toString('latin1', 0, 4) !== 'wOFF') throw new Error(`${path} is not a WOFF file`);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < b.readUInt16BE(12); i++) {
    const e = 44 + i * 20;
    const [offset, comp, orig] = [b.readUInt32BE(e + 4), b.readUInt32BE(e + 8), b.readUInt32BE(e + 12)];
    const data = b.subarray(offset, offset + comp);
    tables.set(b.toString('latin1', e, e + 4), comp < orig ? inflateSync(data) : data);
  }
  const head = tables.get('head')!;
  const hhea = tables.get('hhea')!;
  const hmtx = tables.get('hmtx')!;
  const cmap = tables.get('cmap')!;
  const upm = head.readUInt16BE(18);
  const metrics = hhea.readUInt16BE(34);
  const advance = (glyph: number) => hmtx.readUInt16BE(4 * Math.min(glyph, metrics - 1)) / upm;
  const out = new Map<number, number>();
  const subtables = Array.from({ length: cmap.readUInt16BE(2) }, (_, i) => cmap.readUInt32BE(4 + i * 8 + 4));
  const formats = subtables.map((o) => ({ o, format: cmap.readUInt16BE(o) }));
  const t12 = formats.find((f) => f.format === 12);
  const t4 = formats.find((f) => f.format === 4);
  if (t12) {
    const o = t12.o;
    for (let g = 0; g < cmap.readUInt32BE(o + 12); g++) {
      const e = o + 16 + g * 12;
      const [start, end, glyph] = [cmap.readUInt32BE(e), cmap.readUInt32BE(e + 4), cmap.readUInt32BE(e + 8)];
      for (let cp = start; cp <= end; cp++) out.set(cp, advance(glyph + cp - start));
    }
  } else if (t4) {
    const o = t4.o;
    const n = cmap.readUInt16BE(o + 6) / 2;
    const ends = o + 14;
    const starts = ends + 2 * n + 2;
    const deltas = starts + 2 * n;
    const rangeOffsets = deltas + 2 * n;
    for (let s = 0; s < n; s++) {
      const [end, start, delta, ro] = [
        cmap.readUInt16BE(ends + 2 * s),
        cmap.readUInt16BE(starts + 2 * s),
        cmap.readInt16BE(deltas + 2 * s),
        cmap.readUInt16BE(rangeOffsets + 2 * s),
      ];
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (ro === 0) glyph = (cp + delta) & 0xffff;
        else {
          const at = rangeOffsets + 2 * s + ro + 2 * (cp - start);
          glyph = cmap.readUInt16BE(at);
          if (glyph) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph) out.set(cp, advance(glyph));
      }
    }
  } else throw new Error(`${path}: no cmap format 4 or 12`);
  return out;
}

const faces = new Map<string, Face[]>();
function facesFor(weight: '400' | '700'): Face[] {
  let list = faces.get(weight);
  if (list) return list;
  const css = readFileSync(join(DIR, `${weight}.css`), 'utf8');
  list = css
    .split('@font-face')
    .slice(1)
    .map((block) => {
      const file = /url\(\.\/files\/([^)]+)\.woff2\)/.exec(block)![1]!;
      const ranges = /unicode-range:\s*([^;]+);/
        .exec(block)![1]!
        .split(',')
        .map((r): [number, number] => {
          const [a, z] = r.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(a!, 16), parseInt(z ?? a!, 16)];
        });
      return { file: `${file}.woff`, ranges };
    });
  faces.set(weight, list);
  return list;
}

/** Advance width of `text` at `size`, in the size's units, as Chromium sets it (no kerning). */
export function measure(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face = facesFor(bold ? '700' : '400').find((f) => f.ranges.some(([a, z]) => cp >= a && cp <= z));
    if (!face) throw new Error(`no Noto Sans SC file covers U+${cp.toString(16)} ("${ch}")`);
    face.widths ??= readWoff(join(DIR, 'files', face.file));
    const w = face.widths.get(cp);
    if (w === undefined) throw new Error(`${face.file} has no glyph for "${ch}"`);
    em += w;
  }
  return em * size;
}
