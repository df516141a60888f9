/**
 * Finishing Chromium's PDF: Chromium rounds the page size to 1/300 inch, so the page boxes are
 * set to the exact size in pt here (anchored at the top left, where the content starts), and the
 * document gets a title and a stable producer. The creation date is the only field that changes
 * from run to run (SOURCE_DATE_EPOCH fixes it too, for reproducible builds).
 *
 * Fonts get their real names: the fontsource files are cut from the variable Noto Sans SC, whose
 * PostScript name is "NotoSansSCThin", so Chromium embeds "NotoSansSCThin-Regular" and
 * "…-Bold" (weights 400 and 700 all the same): a preflight report would read that as Thin. The
 * /BaseFont and /FontName become "NotoSansSC-Regular" / "NotoSansSC-Bold" (subset tags kept).
 * The trailer gets a file /ID (PDF/X requires one), derived from the content so it is stable.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import type { PrintSize } from '../../src/print/print-layout.ts';

export interface PdfMeta {
  title: string;
  subject: string;
  creator: string;
}

export function creationDate(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export async function finishPdf(
  pdf: Uint8Array,
  size: PrintSize,
  meta: PdfMeta,
  producer = 'Chromium (Skia/PDF) + pdf-lib',
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages();
  if (pages.length !== 1) throw new Error(`Chromium printed ${pages.length} pages, not 1: the map overflowed its page`);
  const page = pages[0]!;
  const box = page.getMediaBox();
  const top = box.y + box.height;
  const [x, y, w, h] = [box.x, top - size.heightPt, size.widthPt, size.heightPt];
  page.setMediaBox(x, y, w, h);
  page.setCropBox(x, y, w, h);
  page.setTrimBox(x, y, w, h);
  page.setBleedBox(x, y, w, h);
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setCreator(meta.creator);
  doc.setProducer(producer);
  doc.setKeywords([]);
  renameFonts(doc);
  // The ID hashes the file as it would be undated, so the same map has the same ID on every run.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const undated = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  const id = PDFHexString.of(createHash('md5').update(undated).digest('hex'));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  const date = creationDate();
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return keepVersion(pdf, await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
}

/**
 * pdf-lib always writes "%PDF-1.7"; PDF/X-3:2002 is PDF 1.3, as Ghostscript wrote it. The header
 * has the same length either way, so the input's version goes back in place (no offset moves).
 */
function keepVersion(input: Uint8Array, output: Uint8Array): Uint8Array {
  const version = /^%PDF-(1\.[0-7])/.exec(Buffer.from(input.subarray(0, 8)).toString('latin1'))?.[1];
  if (version && Buffer.from(output.subarray(0, 8)).toString('latin1') === '%PDF-1.7')
    output.set(Buffer.from(`%PDF-${version}`, 'latin1'), 0);
  return output;
}

/** "ABCDEF+NotoSansSCThin-Bold" → "ABCDEF+NotoSansSC-Bold". */
export const realFontName = (name: string) => name.replace(/^((?:[A-Z]{6}\+)?)NotoSansSCThin-/, '$1NotoSansSC-');

function renameFonts(doc: PDFDocument): void {
  const rename = (dict: PDFDict, key: string) => {
    const v = dict.get(PDFName.of(key));
    if (v instanceof PDFName) {
      const name = v.decodeText();
      const real = realFontName(name);
      if (real !== name) dict.set(PDFName.of(key), PDFName.of(real));
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const type = obj.get(PDFName.of('Type'));
    if (type === PDFName.of('Font')) {
      rename(obj, 'BaseFont');
      const kids = obj.get(PDFName.of('DescendantFonts'));
      const list = kids instanceof PDFRef ? doc.context.lookup(kids) : kids;
      if (list instanceof PDFArray)
        for (const k of list.asArray()) {
          const d = k instanceof PDFRef ? doc.context.lookup(k) : k;
          if (d instanceof PDFDict) rename(d, 'BaseFont');
        }
    } else if (type === PDFName.of('FontDescriptor')) rename(obj, 'FontName');
  }
}
