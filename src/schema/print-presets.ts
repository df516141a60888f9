import './zod-config.ts';
import { z } from 'zod';

/**
 * config/print-presets.json: the newspaper page's column grid and the sizes the print desk
 * orders maps in. Editors change the grid there; the export CLI and the story's Export menu
 * read it. Width of n columns = n·column + (n − 1)·gutter.
 */

const Mm = z.number().positive().max(2000);
/** "W:H", e.g. "3:4" = three wide, four high. */
const Aspect = z.string().regex(/^\d+(\.\d+)?:\d+(\.\d+)?$/, 'aspect is "W:H", e.g. "3:4"');

const Ascii = z
  .string()
  .min(1)
  .regex(/^[\x20-\x7e]+$/, 'printable ASCII (it is written into the PDF/X output intent)');

/**
 * The press: PDF/X version, output intent and ink limit. `iccProfile` is the desk's CMYK
 * profile for the output condition (a path from the project folder); null uses Ghostscript's
 * own default_cmyk.icc as a stand-in, and the export says so.
 */
export const Press = z.strictObject({
  /** X-3 with Ghostscript 10.0 (Debian 12); X-1a and X-4 need Ghostscript ≥ 10.05. */
  pdfx: z.enum(['X-3', 'X-1a', 'X-4']),
  outputConditionIdentifier: Ascii,
  outputCondition: Ascii,
  registryName: Ascii,
  iccProfile: z.string().min(1).nullable(),
  /** Total ink limit in % (coldset newsprint: 220, ISO 12647-3 / WAN-IFRAnewspaper26v5). */
  maxInkPercent: z.number().min(100).max(400),
});

export const PrintPreset = z
  .strictObject({
    label: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
    /** Whole columns of the grid, "full" (the type area) or "custom" (--width-mm on the command line). */
    width: z.union([z.strictObject({ columns: z.number().int().positive() }), z.literal('full'), z.literal('custom')]),
    heightMm: Mm.optional(),
    aspect: Aspect.optional(),
    dpi: z.number().int().positive().optional(),
    /** Overrides of the default press (e.g. a heatset supplement's profile and ink limit). */
    press: Press.partial().optional(),
  })
  .refine((p) => (p.heightMm === undefined) !== (p.aspect === undefined), 'give exactly one of heightMm and aspect');

export const PrintPresets = z
  .strictObject({
    page: z.strictObject({
      name: z.string().min(1),
      typeAreaWidthMm: Mm,
      typeAreaHeightMm: Mm,
      columns: z.number().int().positive(),
      gutterMm: z.number().min(0),
    }),
    dpi: z.strictObject({ default: z.number().int().positive(), min: z.number().int().positive(), max: z.number().int().positive() }),
    /** Type sizes in pt: labels never below minPt (newspaper desks ask for 8, 7 is the floor). */
    typography: z.strictObject({
      basePt: z.number().min(7).max(14),
      minPt: z.number().min(7).max(14),
      hairlinePt: z.number().min(0.25).max(2),
    }),
    /** Who made the map, printed after the source with the date. */
    credit: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
    /**
     * The map's review (审图号 and the authority that reviewed it, 地图管理条例 第十五、十六条),
     * printed after the source on every export and on the site; empty until the map is reviewed.
     */
    mapReview: z.strictObject({ number: z.string(), authority: z.strictObject({ zh: z.string(), en: z.string() }) }),
    press: Press,
    presets: z.record(z.string().regex(/^[a-z0-9-]+$/), PrintPreset),
  })
  .refine((p) => p.dpi.min <= p.dpi.default && p.dpi.default <= p.dpi.max, 'dpi.default must lie in [dpi.min, dpi.max]')
  .refine((p) => p.typography.minPt <= p.typography.basePt, 'typography.minPt must not exceed basePt');

export type PrintPreset = z.infer<typeof PrintPreset>;
export type PrintPresets = z.infer<typeof PrintPresets>;
export type Press = z.infer<typeof Press>;
export type MapReview = PrintPresets['mapReview'];
