/**
 * Finishing Chromium's PDF: Chromium rounds the page size to 1/300 inch, so the page boxes are
 * set to the exact size in pt here (anchored at the top left, where the content starts), and the
 * document gets a title and a stable producer. The creation date is the only field that changes
 * from run to run (SOURCE_DATE_EPOCH fixes it too, for reproducible builds).
 */
import { PDFDocument } from 'pdf-lib';
import type { PrintSize } from '../../src/render/print-layout.ts';

export interface PdfMeta {
  title: string;
  subject: string;
  creator: string;
}

export function creationDate(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export async function finishPdf(pdf: Uint8Array, size: PrintSize, meta: PdfMeta, producer = 'Chromium (Skia/PDF) + pdf-lib'): Promise<Uint8Array> {
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
  const date = creationDate();
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
