/**
 * The print desk's export: each map view as SVG (vector, from the same spec and d3-geo renderer
 * as the page), PDF (Chromium, fonts embedded; --cmyk: palette CMYK through Ghostscript) and PNG
 * (exact pixels, pHYs), at a column width of the paper's grid. See `npm run export -- --help`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadSiteData } from '../src/data/load.ts';
import { PrintRequestError, resolvePrintSize, type PrintSize } from '../src/print/print-layout.ts';
import { printCaption } from '../src/print/print-caption.ts';
import { renderPrintSvg } from '../src/print/print-svg.ts';
import type { ScaleBar } from '../src/print/print-scale.ts';
import type { PrintPresets } from '../src/schema/print-presets.ts';
import { compileView, type CompiledView } from '../src/views/compile.ts';
import type { ViewKey } from '../src/views/view-keys.ts';
import { parseArgs, USAGE, type ExportArgs } from './print/args.ts';
import { Batch } from './print/batch.ts';
import { Printer } from './print/chromium.ts';
import { fontPackageInfo } from './print/fonts.ts';
import { commitInfo, type CommitInfo } from '../src/build-info.ts';
import { cmykRaster, gsPdfx, gsVersion } from './print/ghostscript.ts';
import { densestInk, INK_CHECK_DPI } from './print/ink.ts';
import { resolvePress, type ResolvedPress } from './print/press.ts';
import { pdfToPaletteCmyk } from './print/pdf-cmyk.ts';
import { finishPdf } from './print/pdf-fix.ts';
import { describePresets } from './print/presets.ts';
import { MAP_REVIEW, PRINT_PRESETS } from '../src/config/settings.ts';
import { Progress } from './print/progress.ts';

export interface PlannedMap {
  key: ViewKey;
  view: CompiledView;
  svg: string;
  scale: ScaleBar;
}

export interface Plan {
  size: PrintSize;
  batch: string;
  maps: PlannedMap[];
  commit: CommitInfo;
}

const slug = (x: number) => String(x).replace('.', '_');

/** Everything drawn and checked in memory before a file is written. */
export function planExport(args: ExportArgs, presets: PrintPresets, commit: CommitInfo = commitInfo()): Plan {
  const size = resolvePrintSize(presets, { preset: args.preset, widthMm: args.widthMm, heightMm: args.heightMm, dpi: args.dpi });
  const { compileInput, geo } = loadSiteData();
  const maps = args.keys.map((key) => {
    const view = compileView(key.view, compileInput, args.lang, key.state);
    const { svg, scale } = renderPrintSvg(view, geo, size, {
      typography: presets.typography,
      credit: presets.credit[args.lang],
      date: commit.date,
    });
    return { key, view, svg, scale };
  });
  const batch = `${args.view}-${args.preset}-${slug(size.widthMm)}x${slug(size.heightMm)}mm-${size.dpi}dpi-${args.lang}${args.cmyk ? '-cmyk' : ''}`;
  return { size, batch, maps, commit };
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const mm = (pt: number) => Math.round((pt / 72) * 25.4 * 100) / 100;

/**
 * Press PDF: palette CMYK with black overprinting → Ghostscript PDF/X with the output intent →
 * exact boxes, real font names, ID; then the page is rasterised (overprint included) and the
 * file refused when an area is over the ink limit or text inks a plate other than K.
 */
async function cmykPdf(
  raw: Uint8Array,
  size: PrintSize,
  meta: Parameters<typeof finishPdf>[2],
  press: ResolvedPress,
  work: string,
  key: string,
): Promise<Uint8Array> {
  const pal = join(work, `${key}.palette.pdf`);
  const gsOut = join(work, `${key}.gs.pdf`);
  writeFileSync(pal, await pdfToPaletteCmyk(raw));
  gsPdfx(pal, gsOut, join(work, `${key}.PDFX_def.ps`), press.intent);
  const pdf = await finishPdf(
    readFileSync(gsOut),
    size,
    meta,
    `Chromium (Skia/PDF) + pdf-lib + Ghostscript ${gsVersion().join('.')} (PDF/${press.pdfx})`,
  );
  const final = join(work, `${key}.pdf`);
  writeFileSync(final, pdf);
  const densest = densestInk(cmykRaster(final, size.widthPt, INK_CHECK_DPI), INK_CHECK_DPI);
  // 1 % for the 8-bit rounding of the four plates.
  if (densest.ink > press.maxInkPercent + 1)
    throw new Error(
      `${key}: total ink averages ${densest.ink.toFixed(0)} % over its densest 1 mm square (limit ${press.maxInkPercent} %), ${densest.xMm} × ${densest.yMm} mm from the top left: ${densest.swatch}: lower that CMYK in src/views/palette.ts, or keep black from overprinting it`,
    );
  const text = cmykRaster(final, size.widthPt, 72, 'text').data;
  for (let i = 0; i < text.length; i += 4)
    if (text[i] || text[i + 1] || text[i + 2]) throw new Error(`${key}: text prints on the C, M or Y plate: text must be 100 % K`);
  return pdf;
}

let reviewWarned = false;
/** Once per process: a county map published in China carries its review number. */
function warnMapReview(log: (s: string) => void): void {
  if (reviewWarned || MAP_REVIEW.number.trim()) return;
  reviewWarned = true;
  log(
    'export: warning: no map review number (审图号): set mapReview in config/print-presets.json before the map is published (地图管理条例 第十五、十六条)',
  );
}

export async function runExport(
  args: ExportArgs,
  presets: PrintPresets,
  log: (s: string) => void = console.log,
): Promise<{ dir: string; files: number; seconds: string }> {
  const plan = planExport(args, presets);
  const { size } = plan;
  warnMapReview(console.warn);
  const press = args.cmyk ? resolvePress(presets, args.preset) : null;
  // Ghostscript first: a missing or too old one fails before anything is drawn.
  if (press) gsVersion();
  if (press?.standIn)
    console.warn(
      `export: note: the PDF/X output intent embeds ${press.intent.iccPath} as a stand-in for ${press.outputConditionIdentifier}: set press.iccProfile in config/print-presets.json to the desk's profile`,
    );
  const batch = new Batch(join(args.out, plan.batch));
  const work = mkdtempSync(join(tmpdir(), 'print-export-'));
  const progress = new Progress(plan.maps.length * args.formats.length);
  let printer: Printer | null = null;
  try {
    const items = [];
    if (args.formats.some((f) => f !== 'svg')) printer = await Printer.launch();
    for (const m of plan.maps) {
      const files: Record<string, { file: string; bytes: number; sha256: string }> = {};
      const put = (ext: string, data: string | Uint8Array) => {
        const file = `${m.key.key}.${ext}`;
        files[ext] = { file, bytes: batch.write(file, data), sha256: sha256(data) };
        progress.step(file);
      };
      const title = `${m.view.title}${m.view.stateLabel ? ` · ${m.view.stateLabel}` : ''}`;
      const meta = { title, subject: m.view.source, creator: `lvliang-story-map print export, commit ${plan.commit.commit.slice(0, 12)}` };
      if (args.formats.includes('svg')) put('svg', m.svg);
      if (args.formats.includes('pdf')) {
        const raw = await printer!.pdf(m.svg, size);
        put('pdf', press ? await cmykPdf(raw, size, meta, press, work, m.key.key) : await finishPdf(raw, size, meta));
      }
      if (args.formats.includes('png')) put('png', await printer!.png(m.svg, size));
      items.push({
        key: m.key.key,
        view: m.key.view.id,
        state: m.key.state ?? null,
        title,
        sources: m.view.source,
        scaleBar: { km: m.scale.km, mm: mm(m.scale.lengthPt), trueAtLatitude: Math.round(m.scale.lat * 100) / 100 },
        files,
      });
    }
    const manifest = {
      tool: 'npm run export',
      commit: plan.commit.commit,
      commitDate: plan.commit.date,
      uncommittedChanges: plan.commit.dirty,
      view: args.view,
      preset: args.preset,
      page: presets.page.name,
      mm: { width: size.widthMm, height: size.heightMm },
      pt: { width: Math.round(size.widthPt * 1000) / 1000, height: Math.round(size.heightPt * 1000) / 1000 },
      px: { width: size.widthPx, height: size.heightPx },
      dpi: size.dpi,
      language: args.lang,
      colour: press
        ? `CMYK (palette values, src/views/palette.ts; total ink ≤ ${press.maxInkPercent} %, text 100 % K, overprinting)`
        : 'RGB',
      press: press
        ? {
            pdfx: press.pdfx,
            outputConditionIdentifier: press.outputConditionIdentifier,
            outputCondition: press.outputCondition,
            iccProfile: press.intent.iccPath,
            iccProfileIsStandIn: press.standIn,
            maxInkPercent: press.maxInkPercent,
            ghostscript: gsVersion().join('.'),
          }
        : null,
      mapReview: MAP_REVIEW.number.trim() || null,
      caption: 'caption.txt',
      formats: args.formats,
      font: fontPackageInfo(),
      sources: [...new Set(plan.maps.map((m) => m.view.source))],
      maps: items,
    };
    // The callouts and notes the graphics leave out, for the desk's caption type.
    const caption = plan.maps.map((m) => `[${m.key.key}]\n${printCaption(m.view)}`).join('\n');
    batch.write('caption.txt', caption);
    batch.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    batch.commit();
  } catch (e) {
    batch.abort();
    throw e;
  } finally {
    await printer?.close();
    rmSync(work, { recursive: true, force: true });
  }
  const seconds = progress.elapsed();
  const dir = relative(process.cwd(), batch.dir) || batch.dir;
  log(
    `export: ${plan.maps.length} map(s) × ${args.formats.join(', ')} → ${dir}/ (${size.widthMm} × ${size.heightMm} mm, ${size.widthPx} × ${size.heightPx} px at ${size.dpi} dpi) in ${seconds} s`,
  );
  return { dir: batch.dir, files: plan.maps.length * args.formats.length + 2, seconds };
}

async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const presets = PRINT_PRESETS;
    if (args.help) {
      console.log(`${USAGE}\n\n${describePresets(presets)}`);
      return 0;
    }
    await runExport(args, presets);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`export: ${message}`);
    if (e instanceof PrintRequestError) console.error('Run `npm run export -- --help` for the options and presets.');
    return e instanceof PrintRequestError ? 2 : 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
