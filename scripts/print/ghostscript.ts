/**
 * Ghostscript (Debian's `gs`) for the press PDF and for checking it: pdfwrite rewrites the
 * palette-CMYK PDF as a PDF/X file with the desk's output intent, and the bitcmyk device
 * rasterises it (overprint included) to measure ink per pixel.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export const GS = process.env.GS_PATH ?? 'gs';

function run(args: string[], input?: Uint8Array): Buffer {
  const r = spawnSync(GS, ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', ...args], { input, maxBuffer: 1 << 30 });
  if (r.error)
    throw new Error(`${GS} could not run (${r.error.message}): run \`bash scripts/install-test-deps.sh\` (installs ghostscript)`);
  if (r.status !== 0) throw new Error(`${GS} ${args.join(' ')} failed: ${r.stderr.toString().trim() || `exit ${r.status}`}`);
  return r.stdout;
}

/** Ghostscript's version, e.g. [10, 0]: PDF/X-1a and X-4 need 10.05 or later. */
export function gsVersion(): [number, number] {
  const v = run(['--version']).toString().trim();
  const m = /^(\d+)\.(\d+)/.exec(v);
  if (!m) throw new Error(`${GS} --version said "${v}"`);
  return [Number(m[1]), Number(m[2])];
}

/** The PDF/X keys each version writes into the document information dictionary. */
export const PDFX_VERSION_KEYS = {
  'X-3': { GTS_PDFXVersion: 'PDF/X-3:2002' },
  'X-1a': { GTS_PDFXVersion: 'PDF/X-1:2001', GTS_PDFXConformance: 'PDF/X-1a:2001' },
  'X-4': { GTS_PDFXVersion: 'PDF/X-4' },
} as const;
export type PdfxVersion = keyof typeof PDFX_VERSION_KEYS;

/** What the installed Ghostscript can write: X-3 always (`-dPDFX`), X-1a and X-4 from 10.05 on. */
export function pdfxSupported(version: PdfxVersion, [major, minor] = gsVersion()): boolean {
  return version === 'X-3' || major > 10 || (major === 10 && minor >= 5);
}

export interface OutputIntent {
  pdfx: PdfxVersion;
  outputConditionIdentifier: string;
  outputCondition: string;
  registryName: string;
  /** The CMYK ICC profile file written as the DestOutputProfile. */
  iccPath: string;
  /** What the profile is (/Info of the output intent). */
  info: string;
}

/** A PostScript string literal of printable ASCII (PDF text keys; pdf-fix.ts sets the Unicode title). */
function psString(s: string): string {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new Error(`PDF/X output intent: "${s}" must be printable ASCII`);
  return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/**
 * Ghostscript's lib/PDFX_def.ps, customised: the PDF/X version keys, the output intent with the
 * desk's output condition and its ICC profile embedded as the DestOutputProfile.
 */
export function pdfxDefinition(o: OutputIntent): string {
  const keys = Object.entries(PDFX_VERSION_KEYS[o.pdfx])
    .map(([k, v]) => `/${k} ${psString(v)}`)
    .join(' ');
  return [
    '%!PS',
    `[ ${keys} /Title (map) /Trapped /False /DOCINFO pdfmark`,
    '[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark',
    '[{icc_PDFX} << /N 4 >> /PUT pdfmark',
    `[{icc_PDFX} ${psString(o.iccPath)} (r) file /PUT pdfmark`,
    '[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark',
    `[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier ${psString(o.outputConditionIdentifier)} /OutputCondition ${psString(o.outputCondition)} /Info ${psString(o.info)} /RegistryName ${psString(o.registryName)} /DestOutputProfile {icc_PDFX} >> /PUT pdfmark`,
    '[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark',
    '',
  ].join('\n');
}

/**
 * PDF/X through pdfwrite: `inPath`/`outPath` are files (gs reads PDFs by seeking); `defPath` is
 * where the customised PDFX_def.ps is written. Everything is converted to DeviceCMYK (the
 * palette rewrite left nothing else), overprint settings are kept, and no transparency may be
 * in the input (Ghostscript would flatten it to an image).
 */
export function gsPdfx(inPath: string, outPath: string, defPath: string, intent: OutputIntent): void {
  if (!pdfxSupported(intent.pdfx))
    throw new Error(
      `PDF/${intent.pdfx} needs Ghostscript 10.05 or later (installed: ${gsVersion().join('.')}); this one writes PDF/X-3: set "pdfx": "X-3" in config/print-presets.json`,
    );
  writeFileSync(defPath, pdfxDefinition(intent));
  run([
    intent.pdfx === 'X-3' ? '-dPDFX' : `-dPDFX=${intent.pdfx === 'X-1a' ? 1 : 4}`,
    `--permit-file-read=${intent.iccPath}`,
    '-sDEVICE=pdfwrite',
    '-sColorConversionStrategy=CMYK',
    '-sProcessColorModel=DeviceCMYK',
    '-dAutoRotatePages=/None',
    '-dEmbedAllFonts=true',
    '-dSubsetFonts=true',
    '-dPreserveOverprintSettings=true',
    // No time-stamped ID or XMP: the same input gives the same bytes (pdf-fix.ts dates it and sets the ID).
    '-dOmitID',
    ...(intent.pdfx === 'X-4' ? [] : ['-dOmitXMP']),
    `-sOutputFile=${outPath}`,
    defPath,
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
  const data = run([
    '-sDEVICE=bitcmyk',
    '-dGrayValues=256',
    `-r${dpi}`,
    '-dGraphicsAlphaBits=1',
    '-dTextAlphaBits=1',
    // As the plate gets it: black overprinting a fill adds to it (a CMYK device does so anyway; said, not assumed).
    '-dOverprint=/simulate',
    ...filters,
    '-dFirstPage=1',
    '-dLastPage=1',
    '-o',
    '-',
    path,
  ]);
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
