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
import { draftPage } from './draft/draft-page.ts';
import { InputError } from '../schema/json-file.ts';

function main(argv: string[]): void {
  const [command, file] = argv;
  if (command === 'data') {
    const written = generateData(process.cwd());
    for (const w of written) console.log(`wrote ${w}`);
    return;
  }
  if (command === 'draft') {
    if (!file) throw new InputError('(none)', 'usage: npm run draft -- seeds/<name>.txt');
    const r = draftPage(process.cwd(), file);
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

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof InputError) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
