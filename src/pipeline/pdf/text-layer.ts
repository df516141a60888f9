/**
 * A PDF page's text layer, read with pdf.js (legacy build, in Node, no canvas): every drawn run
 * as a plain record (text, box, size, font), in drawing order, the way pdfplumber keeps chars.
 * Radicals drawn for ideographs are mapped to the ideographs (glyphs.ts: ⽯ U+2F6F for 石 on a
 * Chromium-printed CJK page), which would otherwise fail every match on place names and units.
 *
 * What the reader cannot use is refused here with its reason: a file that is not a PDF or is
 * broken, an encrypted one, a page number it does not have, a page of several without `--page`,
 * and a page with no text layer (a scan).
 */
import { getDocument, OPS, Util, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { InputError } from '../../schema/json-file.ts';
import { ideographs } from './glyphs.ts';

/** One drawn run of text; coordinates in points from the page's top-left corner. */
export interface Run {
  text: string;
  x0: number;
  x1: number;
  /** The baseline. */
  y: number;
  size: number;
  /** The font's name without its subset prefix (NotoSansCJKsc-Bold). */
  font: string;
  bold: boolean;
  /** Position in drawing order. */
  order: number;
}

export interface TextLayer {
  pageCount: number;
  page: number;
  width: number;
  height: number;
  runs: Run[];
  images: number;
}

export class PdfRefusal extends InputError {}

const BOLD_FONT = /bold|black|heavy|semibold|demibold|W[6-9]\b/i;
const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);

async function open(bytes: Uint8Array, file: string): Promise<{ task: PDFDocumentLoadingTask; doc: PDFDocumentProxy }> {
  if (!new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-'))
    throw new PdfRefusal(file, 'not a PDF (no %PDF- header)');
  const task = getDocument({
    data: bytes,
    fontExtraProperties: true,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    return { task, doc: await task.promise };
  } catch (e) {
    await task.destroy();
    const err = e as Error;
    if (err.name === 'PasswordException')
      throw new PdfRefusal(file, 'the PDF is encrypted and needs a password; ask the layout desk for an unencrypted export');
    throw new PdfRefusal(file, `a broken PDF pdf.js cannot read (${err.message})`);
  }
}

/** Reads one page's runs. `page` is 1-based; without it a PDF of several pages is refused. */
export async function readTextLayer(bytes: Uint8Array, file: string, page?: number): Promise<TextLayer> {
  const { task, doc } = await open(new Uint8Array(bytes), file);
  try {
    const info = (await doc.getMetadata()).info as { EncryptFilterName?: string | null };
    if (info.EncryptFilterName)
      throw new PdfRefusal(
        file,
        `the PDF is encrypted (${info.EncryptFilterName}); its text may not be copied as printed: ask the layout desk for an unencrypted export`,
      );
    if (page === undefined && doc.numPages > 1)
      throw new PdfRefusal(file, `the PDF has ${doc.numPages} pages; say which one is the page: --page N (1–${doc.numPages})`);
    const n = page ?? 1;
    if (!Number.isInteger(n) || n < 1 || n > doc.numPages) throw new PdfRefusal(file, `--page ${n}: the PDF has ${doc.numPages} page(s)`);
    let p;
    let content;
    let ops;
    try {
      p = await doc.getPage(n);
      content = await p.getTextContent();
      ops = await p.getOperatorList();
    } catch (e) {
      throw new PdfRefusal(file, `page ${n} is broken: pdf.js cannot read it (${(e as Error).message})`);
    }
    const viewport = p.getViewport({ scale: 1 });
    const images = ops.fnArray.filter((f) => IMAGE_OPS.has(f)).length;
    const fontName = (id: string): string => {
      try {
        const f = p.commonObjs.get(id) as { name?: string } | undefined;
        return (f?.name ?? id).replace(/^[A-Z]{6}\+/, '');
      } catch {
        return id;
      }
    };
    const runs: Run[] = [];
    content.items.forEach((item, order) => {
      if (!('str' in item)) return;
      const it = item as TextItem;
      const text = ideographs(it.str);
      // A space run is kept: the line decides whether its gap is a word space.
      if (!text) return;
      // Page coordinates (top-left origin); pdf.js gives the run's advance width at scale 1.
      const [, , c, d, x0, y] = Util.transform(viewport.transform, it.transform) as number[];
      const font = fontName(it.fontName);
      runs.push({ text, x0: x0!, x1: x0! + it.width, y: y!, size: Math.hypot(c!, d!), font, bold: BOLD_FONT.test(font), order });
    });
    if (!runs.some((r) => r.text.trim()))
      throw new PdfRefusal(
        file,
        `page ${n} has no text layer (${images} image(s), no text): a scanned page; read it with OCR and draft its text extraction instead`,
      );
    return { pageCount: doc.numPages, page: n, width: viewport.width, height: viewport.height, runs, images };
  } finally {
    await task.destroy();
  }
}
