/**
 * RGB → CMYK for the press, by the palette rather than by a colour profile: every colour the map
 * uses is defined once in src/views/palette.ts with its hex and the CMYK the desk signed off
 * (text and rules 0/0/0/100, total ink ≤ 240 %). Each `r g b rg` / `RG` / `g` / `G` operator in
 * Chromium's PDF content streams is replaced by that swatch's `c m y k k` / `K`; a colour that
 * is not in the palette, an image, a shading or a colour space other than the device one stops
 * the export instead of being converted by guesswork. Ghostscript (ghostscript.ts) then rewrites
 * the file as a CMYK PDF and checks nothing RGB is left.
 *
 * Overprint: whatever is painted in 100 % K alone (text, labels, rules, the scale bar, the north
 * arrow) overprints, so that misregistration of the plates leaves no white halo around it: an
 * ExtGState with OP/op true and OPM 1 is set before each such paint, and one with overprint off
 * before everything else (so nothing white, and no colour, ever overprints).
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import { ALL_SWATCHES, type Swatch } from '../../src/views/palette.ts';

const BY_HEX = new Map<string, Swatch>(ALL_SWATCHES.map((s) => [s.hex.toLowerCase(), s]));
const hex2 = (x: number) =>
  Math.round(Math.min(1, Math.max(0, x)) * 255)
    .toString(16)
    .padStart(2, '0');

function swatchFor(rgb: [number, number, number], where: string): Swatch {
  const hex = `#${rgb.map(hex2).join('')}`;
  const s = BY_HEX.get(hex);
  if (!s) throw new Error(`CMYK: colour ${hex} in ${where} is not in the palette (src/views/palette.ts); add it there with its CMYK`);
  return s;
}

const cmykOperands = (s: Swatch) => s.cmyk.map((v) => String(Math.round(v * 100) / 10000)).join(' ');

/** Content-stream tokens: strings, names, numbers, operators and delimiters, with their spans. */
const TOKEN =
  /\s+|%[^\r\n]*|\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\{|\}|\/[^\s/()<>[\]{}%]*|[+-]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*][A-Za-z0-9'"*]*/gy;

const isBlack = (s: Swatch) => s.cmyk[0] === 0 && s.cmyk[1] === 0 && s.cmyk[2] === 0 && s.cmyk[3] === 100;

/** The ExtGState a paint needs: stroke overprint (OP) and fill overprint (op). */
export const overprintState = (stroke: boolean, fill: boolean) => `OP${stroke ? 1 : 0}${fill ? 1 : 0}`;
const PATH_OPS = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const FILL_OPS = new Set(['f', 'F', 'f*']);
const STROKE_OPS = new Set(['S', 's']);
const BOTH_OPS = new Set(['B', 'B*', 'b', 'b*']);
const TEXT_OPS = new Set(['Tj', 'TJ', "'", '"']);

export interface CmykContent {
  text: string;
  /** Names of the overprint ExtGStates the stream now sets (see overprintState). */
  states: Set<string>;
}

/** Rewrites the colour operators of one content stream and sets overprint on 100 % K paints. */
export function cmykContent(src: string, where: string): string {
  return cmykContentWithOverprint(src, where).text;
}

export function cmykContentWithOverprint(src: string, where: string): CmykContent {
  const out: string[] = [];
  /** Indices (in out) of the operand tokens since the last operator. */
  let operands: number[] = [];
  /** Colour and overprint state, saved and restored with q/Q; `set` is null until this stream sets it. */
  type State = { fillK: boolean; strokeK: boolean; set: string | null };
  let state: State = { fillK: false, strokeK: false, set: null };
  const stack: State[] = [];
  const states = new Set<string>();
  /** Where the path being built began: the overprint state goes before it (not inside a path). */
  let pathStart: number | null = null;
  /** Puts `/OPxy gs` before out[index] when the paint needs another state than the current one. */
  const overprint = (index: number, stroke: boolean, fill: boolean) => {
    const name = overprintState(stroke && state.strokeK, fill && state.fillK);
    if (state.set === name) return;
    out[index] = `/${name} gs ${out[index]}`;
    states.add(name);
    state.set = name;
  };
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
    const self = out.length - 1;
    const first = operands[0] ?? self;
    if (PATH_OPS.has(t)) pathStart ??= first;
    else if (FILL_OPS.has(t) || STROKE_OPS.has(t) || BOTH_OPS.has(t)) {
      overprint(pathStart ?? first, !FILL_OPS.has(t), !STROKE_OPS.has(t));
      pathStart = null;
    } else if (t === 'n') pathStart = null;
    else if (TEXT_OPS.has(t)) overprint(first, false, true);
    // A state set inside a text object is taken as unknown after it: a reader that skips text
    // (Ghostscript's -dFILTERTEXT, a preflight's text-only view) must not leave the next paint
    // with another state than it has in print.
    else if (t === 'ET') state.set = null;
    else if (t === 'q') stack.push({ ...state });
    else if (t === 'Q') state = stack.pop() ?? state;
    if (t === 'rg' || t === 'RG') {
      const s = swatchFor(nums.slice(-3) as [number, number, number], where);
      setOperands(3, cmykOperands(s));
      out[self] = t === 'rg' ? 'k' : 'K';
      if (t === 'rg') state.fillK = isBlack(s);
      else state.strokeK = isBlack(s);
    } else if (t === 'g' || t === 'G') {
      const v = nums.at(-1)!;
      const s = swatchFor([v, v, v], where);
      setOperands(1, cmykOperands(s));
      out[self] = t === 'g' ? 'k' : 'K';
      if (t === 'g') state.fillK = isBlack(s);
      else state.strokeK = isBlack(s);
    } else if (t === 'cs' || t === 'CS') {
      const name = out[operands.at(-1)!];
      if (name !== '/Pattern') throw new Error(`CMYK: colour space ${name} in ${where} (only device colours are converted)`);
      if (t === 'cs') state.fillK = false;
      else state.strokeK = false;
    } else if (t === 'k' || t === 'K') {
      const black = nums.slice(-4).join(' ') === '0 0 0 1';
      if (t === 'k') state.fillK = black;
      else state.strokeK = black;
    } else if (t === 'sc' || t === 'SC' || t === 'scn' || t === 'SCN') {
      if (operands.length !== 1 || !out[operands[0]!]!.startsWith('/'))
        throw new Error(`CMYK: ${t} with a colour in ${where} (only device colours are converted)`);
    } else if (t === 'sh' || t === 'BI' || t === 'ID' || t === 'EI') {
      throw new Error(`CMYK: ${t === 'sh' ? 'a shading' : 'an inline image'} in ${where}: the map must be vectors in palette colours`);
    }
    operands = [];
  }
  return { text: out.join(''), states };
}

/** The overprint ExtGStates a resource dictionary needs for the names its stream sets. */
function addOverprintStates(doc: PDFDocument, res: PDFDict, states: Set<string>): void {
  if (!states.size) return;
  let gs = dictOf(doc, res.get(PDFName.of('ExtGState')));
  if (!gs) {
    gs = doc.context.obj({});
    res.set(PDFName.of('ExtGState'), gs);
  }
  for (const name of states) {
    const [stroke, fill] = [name[2] === '1', name[3] === '1'];
    gs.set(PDFName.of(name), doc.context.obj({ Type: 'ExtGState', OP: stroke, op: fill, OPM: 1 }));
  }
}

const dictOf = (doc: PDFDocument, o: PDFObject | undefined): PDFDict | undefined => {
  const v = o instanceof PDFRef ? doc.context.lookup(o) : o;
  return v instanceof PDFDict ? v : v instanceof PDFStream ? v.dict : undefined;
};

/** `pageResources`: where a page's content stream finds its ExtGStates (a form has its own). */
function rewriteStream(doc: PDFDocument, ref: PDFRef, where: string, done: Set<string>, pageResources?: PDFDict): void {
  if (done.has(ref.toString())) return;
  done.add(ref.toString());
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) throw new Error(`CMYK: ${where} is not a plain stream`);
  const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  const converted = cmykContentWithOverprint(text, where);
  const dict = stream.dict.clone(doc.context);
  dict.delete(PDFName.of('DecodeParms'));
  dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  let resources = pageResources ?? dictOf(doc, dict.get(PDFName.of('Resources')));
  if (!resources && converted.states.size) {
    resources = doc.context.obj({});
    dict.set(PDFName.of('Resources'), resources);
  }
  if (resources) addOverprintStates(doc, resources, converted.states);
  doc.context.assign(ref, PDFRawStream.of(dict, deflateSync(Buffer.from(converted.text, 'latin1'), { level: 9 })));
  if (resources && !pageResources) rewriteResources(doc, resources, where, done);
  setGroupCmyk(doc, dict);
}

/**
 * PDF/X-3 has no transparency: the transparency groups Chromium wraps around pages and forms
 * (everything in them is opaque: print SVGs use no opacity) are removed, not converted.
 */
function setGroupCmyk(doc: PDFDocument, dict: PDFDict): void {
  const group = dictOf(doc, dict.get(PDFName.of('Group')));
  if (group?.get(PDFName.of('S'))?.toString() === '/Transparency') dict.delete(PDFName.of('Group'));
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
      if (key === 'Pattern' && obj.get(PDFName.of('PatternType'))?.toString() !== '1')
        throw new Error(`CMYK: a shading pattern in ${where}`);
      rewriteStream(doc, ref, `${where} ${key} ${name.toString()}`, done);
    }
  }
  const fonts = dictOf(doc, res.get(PDFName.of('Font')));
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = dictOf(doc, ref);
    if (font?.get(PDFName.of('Subtype'))?.toString() !== '/Type3') continue;
    const procs = dictOf(doc, font.get(PDFName.of('CharProcs')));
    for (const [, proc] of procs?.entries() ?? [])
      if (proc instanceof PDFRef) rewriteStream(doc, proc, `Type 3 font ${name.toString()}`, done);
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
    const res = page.node.Resources();
    for (const ref of refs) if (ref instanceof PDFRef) rewriteStream(doc, ref, where, done, res);
    if (res) rewriteResources(doc, res, where, done);
    setGroupCmyk(doc, page.node);
  });
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
