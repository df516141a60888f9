/** data/print-presets.json, checked against its schema (src/schema/print-presets.ts): read by the site's Export menu and by `npm run export`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrintPresets } from '../schema/print-presets.ts';

export const PRESETS_FILE = 'data/print-presets.json';

const loaded = new Map<string, PrintPresets>();

/** Read and checked once per folder (a build renders an Export menu per view and language). */
export function loadPresets(root = process.cwd()): PrintPresets {
  const cached = loaded.get(root);
  if (cached) return cached;
  const r = PrintPresets.safeParse(JSON.parse(readFileSync(join(root, PRESETS_FILE), 'utf8')));
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${PRESETS_FILE} does not match its schema: ${i.path.join('.') || '(top)'}: ${i.message}`);
  }
  loaded.set(root, r.data);
  return r.data;
}
