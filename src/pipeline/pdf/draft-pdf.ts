/**
 * `npm run draft -- seeds/<name>.pdf [--page N]`: reads the page from its PDF (positions, sizes,
 * fonts), writes its lines file (the page's text in reading order with positions,
 * pdf-seed.ts) and the same drafts as a text seed: manifest, figure notes, chapters. A refusal
 * (not a PDF, broken, encrypted, several pages, a scan, no marker, no county) writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputError } from '../../schema/json-file.ts';
import { fromText } from '../draft/decisions.ts';
import { draftFromLayout, writeDrafts, type DraftResult } from '../draft/draft-page.ts';
import { toJson } from '../write-atomic.ts';
import { dropFakeBoldCopies, runsToLines } from './lines.ts';
import { readPageLayout } from './page-layout.ts';
import { linesFileOf, restoredLines, sha256Of, type LinesFile } from './pdf-seed.ts';
import { readTextLayer } from './text-layer.ts';

/** Reads and drafts a PDF page in memory: the lines file and every draft, with what was found and not decided. */
export async function draftFromPdf(bytes: Uint8Array, seedFile: string, page?: number): Promise<DraftResult & { lines: LinesFile }> {
  const layer = await readTextLayer(bytes, seedFile, page);
  const { kept, dropped, offsets } = dropFakeBoldCopies(layer.runs);
  const layout = readPageLayout(runsToLines(kept), basename(seedFile), seedFile);
  const lines: LinesFile = {
    pdf: basename(seedFile),
    sha256: sha256Of(bytes),
    page: layer.page,
    pageSize: { width: layer.width, height: layer.height },
    note: "WRITTEN by npm run draft from the PDF: the page's text in reading order, one entry per printed line (a caption's wrapped lines joined), box = [x0, top, x1, baseline] in pt from the top-left corner; full = reaches its column's right edge. The manifest's line numbers count these entries. Do not edit: draft the page again.",
    lines: layout.lines,
  };
  const seedName = basename(seedFile);
  const result = draftFromLayout(
    { manifest: layout.manifest, found: layout.found.map(fromText), undecided: layout.undecided.map(fromText) },
    {
      seedText: `${layout.lines.map((l) => l.text).join('\n')}\n`,
      seedName,
      seedFile,
      restored: restoredLines(lines),
      sha256: lines.sha256,
    },
  );
  const sorted = [...offsets].sort((a, b) => a - b);
  const fakeBold = dropped
    ? `fake bold: ${dropped} of ${layer.runs.length} runs were a second drawing of the same string ${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)} pt from the first; dropped`
    : 'fake bold: no run is drawn twice';
  return {
    ...result,
    found: [
      fromText(
        `page ${layer.page} of ${layer.pageCount}, ${Math.round(layer.width)} × ${Math.round(layer.height)} pt, ${layer.images} image(s)`,
      ),
      fromText(fakeBold),
      ...result.found,
    ],
    lines,
  };
}

export async function draftPdfPage(root: string, seedArg: string, page?: number): Promise<DraftResult> {
  const seedPath = join(root, seedArg);
  const seedFile = relative(root, seedPath);
  if (!existsSync(seedPath)) throw new InputError(seedFile, 'no such file');
  const result = await draftFromPdf(readFileSync(seedPath), seedFile, page);
  const linesFile = { path: linesFileOf(seedFile), content: toJson(result.lines) };
  writeDrafts(root, result.files, [linesFile, result.report]);
  return { ...result, files: [linesFile, ...result.files] };
}
