/**
 * Ink as the plate gets it, at every preset × view × language (issue 26): each map exported as
 * a press PDF (CMYK, black overprinting), rasterised by Ghostscript with overprint simulated, and
 * the ink averaged over its densest 1 mm square kept within the preset's limit. The export
 * refuses a page over the limit itself; this measures each page again and says by how much it
 * is within. Slow (every preset is a batch of 13 maps through Chromium and Ghostscript).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExport } from '../../scripts/export.ts';
import { parseArgs } from '../../scripts/print/args.ts';
import { cmykRaster } from '../../scripts/print/ghostscript.ts';
import { densestInk, INK_CHECK_DPI } from '../../scripts/print/ink.ts';
import { resolvePress } from '../../scripts/print/press.ts';
import { PRINT_PRESETS } from '../../src/config/settings.ts';

const out = mkdtempSync(join(tmpdir(), 'print-ink-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * The whole sweep (every preset × language × view) takes minutes a batch: it runs with
 * INK_SWEEP=1 (before a press run, and in the bench). The suite checks the densest case the
 * sweep found (the incidence map, whose outline crosses the darkest class) on one preset.
 */
const SWEEP = process.env.INK_SWEEP === '1';
const all = Object.keys(PRINT_PRESETS.presets).filter((p) => PRINT_PRESETS.presets[p]!.width !== 'custom');
const presets = SWEEP ? all : ['2col'];
const langs = SWEEP ? ['zh', 'en'] : ['en'];
const views = SWEEP ? 'all' : 'incidence';

describe.each(presets)('preset %s', (preset) => {
  it.each(langs)(
    `%s: ${SWEEP ? 'every view' : 'the incidence map'} within the press limit over its densest 1 mm square`,
    async (lang) => {
      const args = parseArgs(['--view', views, '--preset', preset, '--lang', lang, '--cmyk', '--format', 'pdf', '--out', out]);
      const { dir } = await runExport(args, PRINT_PRESETS, () => undefined);
      const limit = resolvePress(PRINT_PRESETS, preset).maxInkPercent;
      const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
      expect(pdfs.length).toBe(SWEEP ? 13 : 2);
      const widthPt = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { pt: { width: number } }).pt.width;
      for (const f of pdfs) {
        const d = densestInk(cmykRaster(join(dir, f), widthPt, INK_CHECK_DPI), INK_CHECK_DPI);
        expect(d.ink, `${f}: ${d.ink.toFixed(1)} % at ${d.xMm} × ${d.yMm} mm, ${d.swatch}`).toBeLessThanOrEqual(limit + 1);
      }
    },
    1_200_000,
  );
});
