/**
 * The project's hand-written settings, in config/ (generated data is in data/): the one reader
 * of them for the site's pages, its browser code, the views and the command-line tools alike.
 * Checked against their schemas when first imported (by the build, the export and the tests), so
 * a bad edit fails there naming the file and the field, never in a reader's browser later.
 *
 * - config/print-presets.json (src/schema/print-presets.ts): the newspaper's column grid, the
 *   sizes the print desk orders maps in, the press, the credit line and the map review number.
 */
import printPresetsJson from '../../config/print-presets.json';
import { checkValue } from '../schema/check.ts';
import { PrintPresets, type MapReview } from '../schema/print-presets.ts';

export const PRINT_PRESETS_FILE = 'config/print-presets.json';

export const PRINT_PRESETS: PrintPresets = checkValue(printPresetsJson, PRINT_PRESETS_FILE, PrintPresets, {
  hint: 'see docs/print.md',
});

/** The map's review number (审图号) and its authority: empty until the map is reviewed (src/views/map-review.ts). */
export const MAP_REVIEW: MapReview = PRINT_PRESETS.mapReview;
