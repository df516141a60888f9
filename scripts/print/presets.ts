/** data/print-presets.json, checked against its schema (src/schema/print-presets.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrintPresets } from '../../src/schema/print-presets.ts';
import { columnsWidthMm, resolvePrintSize } from '../../src/render/print-layout.ts';

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

/** The presets as a table for --help. */
export function describePresets(p: PrintPresets): string {
  const { page } = p;
  const lines = [
    `Presets (${PRESETS_FILE}): ${page.name}, type area ${page.typeAreaWidthMm} × ${page.typeAreaHeightMm} mm, ${page.columns} columns of ${columnsWidthMm(page, 1)} mm, ${page.gutterMm} mm gutters; dpi ${p.dpi.min}–${p.dpi.max}`,
  ];
  const { press } = p;
  lines.push(
    `Press (--cmyk): PDF/${press.pdfx}, output intent ${press.outputConditionIdentifier}, ICC profile ${press.iccProfile ?? "Ghostscript's default_cmyk.icc (a stand-in: set press.iccProfile)"}, total ink ≤ ${press.maxInkPercent} %`,
  );
  for (const [name, preset] of Object.entries(p.presets)) {
    let size: string;
    if (preset.width === 'custom') size = `--width-mm N, ${preset.heightMm ? `${preset.heightMm} mm high` : `aspect ${preset.aspect}`}`;
    else {
      const s = resolvePrintSize(p, { preset: name });
      size = `${s.widthMm} × ${s.heightMm} mm, ${s.dpi} dpi → ${s.widthPx} × ${s.heightPx} px`;
    }
    lines.push(`  ${name.padEnd(10)} ${size.padEnd(47)} ${preset.label.en}`);
  }
  return lines.join('\n');
}
