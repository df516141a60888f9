/** The print presets (config/print-presets.json, read by src/config/settings.ts) as a table for `npm run export -- --help`. */
import type { PrintPresets } from '../../src/schema/print-presets.ts';
import { columnsWidthMm, resolvePrintSize } from '../../src/print/print-layout.ts';
import { PRINT_PRESETS_FILE } from '../../src/config/settings.ts';

/** The presets as a table for --help. */
export function describePresets(p: PrintPresets): string {
  const { page } = p;
  const lines = [
    `Presets (${PRINT_PRESETS_FILE}): ${page.name}, type area ${page.typeAreaWidthMm} × ${page.typeAreaHeightMm} mm, ${page.columns} columns of ${columnsWidthMm(page, 1)} mm, ${page.gutterMm} mm gutters; dpi ${p.dpi.min}–${p.dpi.max}`,
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
