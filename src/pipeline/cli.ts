/**
 * `npm run data`: seeds/*.txt (+ manifest, + figure annotations) → data/edition.json, data/metrics.json.
 * `npm run restore -- FILE`: prints one seed's restored text.
 */
import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { generateData, restoreForReading, undoubleReport } from './generate.ts';
import { decodeSeed } from './seed-file.ts';
import { describeDecision } from './draft/decisions.ts';
import { draftPage, type DraftResult } from './draft/draft-page.ts';
import { draftPdfPage } from './pdf/draft-pdf.ts';
import { PDF_SEED } from './pdf/pdf-seed.ts';
import { InputError } from '../schema/json-file.ts';

/** `--page N` of a PDF seed of several pages. */
function pageOption(argv: string[]): number | undefined {
  const i = argv.indexOf('--page');
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new InputError('--page', `"${argv[i + 1] ?? ''}" is not a page number (1, 2…)`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const [command, file] = argv;
  if (command === 'data') {
    const written = generateData(process.cwd());
    for (const w of written) console.log(`wrote ${w}`);
    return;
  }
  if (command === 'draft') {
    if (!file) throw new InputError('(none)', 'usage: npm run draft -- seeds/<name>.txt | seeds/<name>.pdf [--page N]');
    const r: DraftResult = PDF_SEED.test(file) ? await draftPdfPage(process.cwd(), file, pageOption(argv)) : draftPage(process.cwd(), file);
    console.log('Found:');
    for (const f of r.found) console.log(`  ${describeDecision(f)}`);
    console.log('Could not decide (check these first):');
    for (const u of r.undecided) console.log(`  ${describeDecision(u)}`);
    console.log('Wrote (every entry marked draft: true):');
    for (const f of r.files) console.log(`  ${f.path}`);
    console.log(`Decisions with their evidence: ${r.report.path}`);
    return;
  }
  if (command === 'restore') {
    if (!file) throw new InputError('(none)', 'usage: npm run restore -- FILE');
    const path = resolve(file);
    if (!existsSync(path)) throw new InputError(relative(process.cwd(), path), 'no such file');
    process.stdout.write(restoreForReading(path));
    if (PDF_SEED.test(path)) return; // its lines were read from positions: nothing was undoubled
    const report = undoubleReport(decodeSeed(readFileSync(path), file));
    if (report.printedOnce.length)
      console.error(
        `${file}: could not undouble line(s) ${report.printedOnce.join(', ')}: kept as printed (a header printed once, or damage restore does not know)`,
      );
    if (report.cutShort.length)
      console.error(
        `${file}: line(s) ${report.cutShort.join(', ')}: the last run's second copy was cut short; restored from its first copy`,
      );
    return;
  }
  throw new InputError(basename(import.meta.filename), `unknown command "${command ?? ''}" (use: data | restore FILE | draft FILE)`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof InputError) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
  throw e;
});
