/**
 * Ghostscript (Debian's `gs`) for the press PDF and for checking it: pdfwrite rewrites the
 * palette-CMYK PDF as a CMYK PDF (anything still RGB would be converted, and is reported), and
 * the bitcmyk device rasterises it to measure ink per pixel.
 */
import { spawnSync } from 'node:child_process';

export const GS = process.env.GS_PATH ?? 'gs';

function run(args: string[], input?: Uint8Array): Buffer {
  const r = spawnSync(GS, ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', ...args], { input, maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`${GS} could not run (${r.error.message}): run \`bash scripts/install-test-deps.sh\` (installs ghostscript)`);
  if (r.status !== 0) throw new Error(`${GS} ${args.join(' ')} failed: ${r.stderr.toString().trim() || `exit ${r.status}`}`);
  return r.stdout;
}

/** CMYK PDF through pdfwrite; `inPath`/`outPath` are files (gs reads PDFs by seeking). */
export function gsCmykPdf(inPath: string, outPath: string): void {
  run([
    '-sDEVICE=pdfwrite',
    '-dCompatibilityLevel=1.6',
    '-sColorConversionStrategy=CMYK',
    '-sProcessColorModel=DeviceCMYK',
    '-dAutoRotatePages=/None',
    '-dEmbedAllFonts=true',
    '-dSubsetFonts=true',
    '-dPreserveOverprintSettings=true',
    // No time-stamped ID, XMP or dates: the same input gives the same bytes (pdf-fix.ts dates it).
    '-dOmitID',
    '-dOmitXMP',
    '-dOmitInfoDate',
    `-sOutputFile=${outPath}`,
    inPath,
  ]);
}

/**
 * Per-channel coverage of each page, in %. `inkcov` gives the share of the page each ink touches
 * at all (a 1 % tint counts as covered); `ink_cov` gives the average amount of each ink.
 */
export function inkCoverage(path: string, device: 'inkcov' | 'ink_cov' = 'inkcov'): Array<{ c: number; m: number; y: number; k: number }> {
  const out = run(['-o', '-', `-sDEVICE=${device}`, path]).toString();
  // inkcov prints fractions (0.52), ink_cov percentages (5.02).
  const scale = device === 'inkcov' ? 100 : 1;
  return [...out.matchAll(/^\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+CMYK OK/gm)].map((m) => ({
    c: scale * Number(m[1]),
    m: scale * Number(m[2]),
    y: scale * Number(m[3]),
    k: scale * Number(m[4]),
  }));
}

export interface CmykRaster {
  width: number;
  height: number;
  /** C, M, Y, K bytes per pixel, 255 = 100 % ink. */
  data: Buffer;
}

/**
 * Page 1 as CMYK pixels at `dpi`, without anti-aliasing (so every pixel is a palette colour).
 * `only: 'text'` drops vector art and images (Ghostscript's FILTER switches) to see where text inks.
 */
export function cmykRaster(path: string, widthPt: number, dpi: number, only?: 'text'): CmykRaster {
  const filters = only === 'text' ? ['-dFILTERVECTOR', '-dFILTERIMAGE'] : [];
  const data = run(['-sDEVICE=bitcmyk', '-dGrayValues=256', `-r${dpi}`, '-dGraphicsAlphaBits=1', '-dTextAlphaBits=1', ...filters, '-dFirstPage=1', '-dLastPage=1', '-o', '-', path]);
  // The raw device has no header: find the row length among the roundings of the page width.
  const pixels = data.length / 4;
  const exact = (widthPt / 72) * dpi;
  const width = [Math.round(exact), Math.floor(exact), Math.ceil(exact)].find((w) => w > 0 && pixels % w === 0);
  if (!width) throw new Error(`bitcmyk gave ${data.length} bytes, not rows of a ${widthPt} pt page at ${dpi} dpi`);
  return { width, height: pixels / width, data };
}

/** Largest total ink (C+M+Y+K) of any pixel, in %. */
export function maxTotalInk(r: CmykRaster): number {
  let max = 0;
  for (let i = 0; i < r.data.length; i += 4) {
    const sum = r.data[i]! + r.data[i + 1]! + r.data[i + 2]! + r.data[i + 3]!;
    if (sum > max) max = sum;
  }
  return (max / 255) * 100;
}
