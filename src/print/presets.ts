/** data/print-presets.json, checked against its schema (src/schema/print-presets.ts): read by the site's Export menu and by `npm run export`. */
import { readJsonFile } from '../schema/json-file.ts';
import { PrintPresets } from '../schema/print-presets.ts';

export const PRESETS_FILE = 'data/print-presets.json';

const loaded = new Map<string, PrintPresets>();

/** Read and checked once per folder (a build renders an Export menu per view and language). */
export function loadPresets(root = process.cwd()): PrintPresets {
  const cached = loaded.get(root);
  if (cached) return cached;
  const presets = readJsonFile(PRESETS_FILE, PrintPresets, { root });
  loaded.set(root, presets);
  return presets;
}
