/**
 * `npm run data`: seeds/*.txt (+ manifest, + figure annotations) → data/edition.json, data/metrics.json.
 * `npm run restore -- FILE`: prints one seed's restored text.
 */
import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { generateData, restoreForReading } from './generate.ts';
import { InputError } from '../schema/json-file.ts';

function main(argv: string[]): void {
  const [command, file] = argv;
  if (command === 'data') {
    const written = generateData(process.cwd());
    for (const w of written) console.log(`wrote ${w}`);
    return;
  }
  if (command === 'restore') {
    if (!file) throw new InputError('(none)', 'usage: npm run restore -- FILE');
    const path = resolve(file);
    if (!existsSync(path)) throw new InputError(relative(process.cwd(), path), 'no such file');
    process.stdout.write(restoreForReading(path));
    return;
  }
  throw new InputError(basename(import.meta.filename), `unknown command "${command ?? ''}" (use: data | restore FILE)`);
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
