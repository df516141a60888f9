/**
 * The export command line, read and checked before anything is drawn: every impossible request
 * fails here (or in resolvePrintSize) with what is allowed.
 */
import { PrintRequestError } from '../../src/print/print-layout.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { allViewKeys, type ViewKey } from '../../src/views/view-keys.ts';
import { VIEW_IDS } from '../../src/views/views.ts';

export const FORMATS = ['svg', 'pdf', 'png'] as const;
export type Format = (typeof FORMATS)[number];

export interface ExportArgs {
  view: string;
  keys: ViewKey[];
  preset: string;
  formats: Format[];
  lang: Lang;
  cmyk: boolean;
  widthMm?: number;
  heightMm?: number;
  dpi?: number;
  out: string;
  help: boolean;
}

export const USAGE = `Usage: npm run export -- --view <id|all> --preset <name> [options]

  --view <id|all>     a view (all its states), one view-state key, or all
  --preset <name>     a size from config/print-presets.json (see below)
  --format <list>     comma-separated: svg,pdf,png (default: all three)
  --lang zh|en        language of the map's text (default: zh)
  --cmyk              the PDF as PDF/X for the press (palette CMYK, black overprints)
  --width-mm <N>      width for the custom preset
  --height-mm <N>     height instead of the preset's
  --dpi <N>           PNG resolution instead of the preset's
  --out <dir>         parent folder of the batch (default: exports)
  --help              this text

Writes <out>/<batch>/<key>.<format>, caption.txt and manifest.json; a failed run leaves nothing.`;

const VALUED = new Set(['--view', '--preset', '--format', '--lang', '--width-mm', '--height-mm', '--dpi', '--out']);
const FLAGS = new Set(['--cmyk', '--help', '-h']);

function number(name: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) throw new PrintRequestError(`${name} must be a positive number, not "${raw}"`);
  return n;
}

/** `incidence` → both its states; `incidence-before` → one; `all` → every view × state. */
export function selectViews(view: string): ViewKey[] {
  const keys = allViewKeys();
  if (view === 'all') return keys;
  const exact = keys.filter((k) => k.key === view);
  if (exact.length) return exact;
  const byView = keys.filter((k) => k.view.id === view);
  if (byView.length) return byView;
  const allowed = ['all', ...VIEW_IDS, ...keys.map((k) => k.key).filter((k) => !VIEW_IDS.includes(k))];
  throw new PrintRequestError(`unknown view "${view}" (allowed: ${allowed.join(', ')})`);
}

export function parseArgs(argv: string[]): ExportArgs {
  const given = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (FLAGS.has(name)) flags.add(name === '-h' ? '--help' : name);
    else if (VALUED.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new PrintRequestError(`${name} needs a value`);
      given.set(name, value);
    } else throw new PrintRequestError(`unknown option "${argv[i]}" (allowed: ${[...VALUED, '--cmyk', '--help'].join(', ')})`);
  }
  const help = flags.has('--help');
  const base = { out: given.get('--out') ?? 'exports', help, cmyk: flags.has('--cmyk') };
  if (help) return { view: '', keys: [], preset: '', formats: [], lang: 'zh', ...base };

  const view = given.get('--view');
  if (!view) throw new PrintRequestError('--view is required (a view id, a view-state key, or all)');
  const widthMm = given.has('--width-mm') ? number('--width-mm', given.get('--width-mm')!) : undefined;
  const preset = given.get('--preset') ?? (widthMm !== undefined ? 'custom' : undefined);
  if (!preset) throw new PrintRequestError('--preset is required (or --width-mm N for the custom preset)');
  const lang = given.get('--lang') ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new PrintRequestError(`--lang must be zh or en, not "${lang}"`);
  const formats = (given.get('--format') ?? FORMATS.join(','))
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || !formats.length)
    throw new PrintRequestError(`unknown format "${unknown.join(',')}" (allowed: ${FORMATS.join(', ')})`);
  if (base.cmyk && !formats.includes('pdf')) throw new PrintRequestError('--cmyk makes the PDF CMYK: add pdf to --format');
  const dpiRaw = given.get('--dpi');
  const dpi = dpiRaw === undefined ? undefined : Number(dpiRaw);
  if (dpiRaw !== undefined && !Number.isFinite(dpi)) throw new PrintRequestError(`--dpi must be a number, not "${dpiRaw}"`);
  return {
    view,
    keys: selectViews(view),
    preset,
    formats: FORMATS.filter((f) => formats.includes(f)),
    lang,
    widthMm,
    heightMm: given.has('--height-mm') ? number('--height-mm', given.get('--height-mm')!) : undefined,
    dpi,
    ...base,
  };
}
