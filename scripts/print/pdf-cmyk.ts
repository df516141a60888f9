/**
 * RGB → CMYK for the press, by the palette rather than by a colour profile: every colour the map
 * uses is defined once in src/views/palette.ts with its hex and the CMYK the desk signed off
 * (text and rules 0/0/0/100, total ink ≤ 240 %). Each `r g b rg` / `RG` / `g` / `G` operator in
 * Chromium's PDF content streams is replaced by that swatch's `c m y k k` / `K`; a colour that
 * is not in the palette, an image, a shading or a colour space other than the device one stops
 * the export instead of being converted by guesswork. Ghostscript (ghostscript.ts) then rewrites
 * the file as a CMYK PDF and checks nothing RGB is left.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import { ALL_SWATCHES, type Swatch } from '../../src/views/palette.ts';

const BY_HEX = new Map<string, Swatch>(ALL_SWATCHES.map((s) => [s.hex.toLowerCase(), s]));
const hex2 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 255).toString(16).padStart(2, '0');

function swatchFor(rgb: [number, number, number], where: string): Swatch {
  const hex = `#${rgb.map(hex2).join('')}`;
  const s = BY_HEX.get(hex);
  if (!s) throw new Error(`CMYK: colour ${hex} in ${where} is not in the palette (src/views/palette.ts); add it there with its CMYK`);
  return s;
}

const cmykOperands = (s: Swatch) => s.cmyk.map((v) => String(Math.round(v * 100) / 10000)).join(' ');

/** Content-stream tokens: strings, names, numbers, operators and delimiters, with their spans. */
const TOKEN = /\s+|%[^\r\n]*|\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\{|\}|\/[^\s/()<>[\]{}%]*|[+-]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*][A-Za-z0-9'"*]*/gy;

/** Rewrites the colour operators of one content stream. */
export function cmykContent(src: string, where: string): string {
  const out: string[] = [];
  /** Indices (in out) of the operand tokens since the last operator. */
  let operands: number[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`CMYK: cannot read the content stream of ${where} at byte ${at}`);
    const t = m[0];
    at = TOKEN.lastIndex;
    out.push(t);
    if (/^\s/.test(t) || t.startsWith('%')) continue;
    if (!/^[A-Za-z'"]/.test(t)) {
      operands.push(out.length - 1);
      continue;
    }
    const nums = operands.map((i) => Number(out[i]));
    /** The last n operands (and the space between them) become `text`. */
    const setOperands = (n: number, text: string) => {
      const first = operands.at(-n)!;
      for (let i = first + 1; i < out.length - 1; i++) out[i] = '';
      out[first] = `${text} `;
    };
    if (t === 'rg' || t === 'RG') {
      const s = swatchFor(nums.slice(-3) as [number, number, number], where);
      setOperands(3, cmykOperands(s));
      out[out.length - 1] = t === 'rg' ? 'k' : 'K';
    } else if (t === 'g' || t === 'G') {
      const v = nums.at(-1)!;
      const s = swatchFor([v, v, v], where);
      setOperands(1, cmykOperands(s));
      out[out.length - 1] = t === 'g' ? 'k' : 'K';
    } else if (t === 'cs' || t === 'CS') {
      const name = out[operands.at(-1)!];
      if (name !== '/Pattern') throw new Error(`CMYK: colour space ${name} in ${where} (only device colours are converted)`);
    } else if (t === 'sc' || t === 'SC' || t === 'scn' || t === 'SCN') {
      if (operands.length !== 1 || !out[operands[0]!]!.startsWith('/'))
        throw new Error(`CMYK: ${t} with a colour in ${where} (only device colours are converted)`);
    } else if (t === 'sh' || t === 'BI' || t === 'ID' || t === 'EI') {
      throw new Error(`CMYK: ${t === 'sh' ? 'a shading' : 'an inline image'} in ${where}: the map must be vectors in palette colours`);
    }
    operands = [];
  }
  return out.join('');
}

const dictOf = (doc: PDFDocument, o: PDFObject | undefined): PDFDict | undefined => {
  const v = o instanceof PDFRef ? doc.context.lookup(o) : o;
  return v instanceof PDFDict ? v : v instanceof PDFStream ? v.dict : undefined;
};

function rewriteStream(doc: PDFDocument, ref: PDFRef, where: string, done: Set<string>): void {
  if (done.has(ref.toString())) return;
  done.add(ref.toString());
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) throw new Error(`CMYK: ${where} is not a plain stream`);
  const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  const converted = Buffer.from(cmykContent(text, where), 'latin1');
  const dict = stream.dict.clone(doc.context);
  dict.delete(PDFName.of('DecodeParms'));
  dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  doc.context.assign(ref, PDFRawStream.of(dict, deflateSync(converted, { level: 9 })));
  const resources = dictOf(doc, stream.dict.get(PDFName.of('Resources')));
  if (resources) rewriteResources(doc, resources, where, done);
  setGroupCmyk(doc, stream.dict);
}

/** Transparency groups blend in the colour space they name: blend in CMYK. */
function setGroupCmyk(doc: PDFDocument, dict: PDFDict): void {
  const group = dictOf(doc, dict.get(PDFName.of('Group')));
  if (group?.get(PDFName.of('CS'))) group.set(PDFName.of('CS'), PDFName.of('DeviceCMYK'));
}

function rewriteResources(doc: PDFDocument, res: PDFDict, where: string, done: Set<string>): void {
  for (const key of ['XObject', 'Pattern']) {
    const d = dictOf(doc, res.get(PDFName.of(key)));
    if (!d) continue;
    for (const [name, ref] of d.entries()) {
      if (!(ref instanceof PDFRef)) continue;
      const obj = dictOf(doc, ref)!;
      const subtype = obj.get(PDFName.of('Subtype'))?.toString();
      if (subtype === '/Image') throw new Error(`CMYK: an image (${name.toString()}) in ${where}: the map must be vectors`);
      if (key === 'Pattern' && obj.get(PDFName.of('PatternType'))?.toString() !== '1') throw new Error(`CMYK: a shading pattern in ${where}`);
      rewriteStream(doc, ref, `${where} ${key} ${name.toString()}`, done);
    }
  }
  const fonts = dictOf(doc, res.get(PDFName.of('Font')));
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = dictOf(doc, ref);
    if (font?.get(PDFName.of('Subtype'))?.toString() !== '/Type3') continue;
    const procs = dictOf(doc, font.get(PDFName.of('CharProcs')));
    for (const [, proc] of procs?.entries() ?? []) if (proc instanceof PDFRef) rewriteStream(doc, proc, `Type 3 font ${name.toString()}`, done);
    const fres = dictOf(doc, font.get(PDFName.of('Resources')));
    if (fres) rewriteResources(doc, fres, `Type 3 font ${name.toString()}`, done);
  }
}

/** The PDF with every page's colours in DeviceCMYK from the palette. */
export async function pdfToPaletteCmyk(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const done = new Set<string>();
  doc.getPages().forEach((page, i) => {
    const where = `page ${i + 1}`;
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) if (ref instanceof PDFRef) rewriteStream(doc, ref, where, done);
    const res = page.node.Resources();
    if (res) rewriteResources(doc, res, where, done);
    setGroupCmyk(doc, page.node);
  });
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
