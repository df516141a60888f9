/**
 * The story's Export menu (src/components/ExportMenu.astro), loaded on first open: the view's
 * print SVG from the compiled view (/views/{lang}.json) and the geography (/geo/lvliang.topo.json)
 * through the same renderPrintSvg as `npm run export`, and a PNG of it through a canvas at the
 * preset's exact pixel size with its pHYs chunk.
 */
import { resolvePrintSize, type PrintSize } from '../print/print-layout.ts';
import { renderPrintSvg } from '../print/print-svg.ts';
import { pngSize, withPhys } from '../render/png-phys.ts';
import { PRINT_PRESETS as presets } from '../config/settings.ts';
import type { CompiledView } from '../views/compile.ts';
import type { Lang } from '../i18n/lang.ts';
import { geoFromTopology, type GeoData } from '../views/geo-data.ts';
import { fetchJson } from './fetch-json.ts';

const views = new Map<Lang, Promise<Record<string, CompiledView>>>();
let geo: Promise<GeoData> | null = null;

/** A fetch kept for the next export, or forgotten when it fails so that the next export tries again. */
function remembered<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

async function compiledView(lang: Lang, key: string): Promise<CompiledView> {
  if (!views.has(lang))
    views.set(
      lang,
      remembered(fetchJson<Record<string, CompiledView>>(`/views/${lang}.json`), () => views.delete(lang)),
    );
  const view = (await views.get(lang)!)[key];
  if (!view) throw new Error(`no view "${key}"`);
  return view;
}

export interface MenuExport {
  svg: string;
  size: PrintSize;
  name: string;
}

/** The print SVG of a view at a preset: the same call as the command line's. */
export async function printSvgFor(key: string, lang: Lang, preset: string, date: string): Promise<MenuExport> {
  geo ??= remembered(fetchJson('/geo/lvliang.topo.json').then(geoFromTopology), () => (geo = null));
  const [view, geoData] = await Promise.all([compiledView(lang, key), geo]);
  const size = resolvePrintSize(presets, { preset });
  const { svg } = renderPrintSvg(view, geoData, size, { typography: presets.typography, credit: presets.credit[lang], date });
  return { svg, size, name: `${key}-${preset}-${lang}` };
}

/** PNG of the SVG at exactly size.widthPx × heightPx, or an error rather than a clamped or blank image. */
export async function pngFromSvg(svg: string, size: PrintSize): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.widthPx;
    canvas.height = size.heightPx;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width !== size.widthPx || canvas.height !== size.heightPx)
      throw new Error(`this browser cannot make a ${size.widthPx} × ${size.heightPx} px image`);
    ctx.drawImage(img, 0, 0, size.widthPx, size.heightPx);
    // A canvas over the browser's limits draws nothing: the map's white background must be there.
    const corner = ctx.getImageData(size.widthPx - 1, size.heightPx - 1, 1, 1).data;
    if (corner[3] !== 255)
      throw new Error(`this browser could not draw a ${size.widthPx} × ${size.heightPx} px image; choose a smaller size`);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
    if (!blob) throw new Error('the browser made no PNG');
    const png = withPhys(new Uint8Array(await blob.arrayBuffer()), size.dpi);
    const got = pngSize(png);
    if (got.width !== size.widthPx || got.height !== size.heightPx) throw new Error(`the PNG came out ${got.width} × ${got.height} px`);
    return png;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function download(data: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the download has started (same task would cancel it in some browsers).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Makes the file a format button asks for and reports it (by its saved name) in the menu's status. */
export async function onExport(menu: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const status = menu.querySelector<HTMLElement>('[data-status]')!;
  const messages = JSON.parse(menu.dataset.messages ?? '{}') as { working: string; done: string; failed: string };
  const format = button.dataset.format;
  const preset = menu.querySelector<HTMLSelectElement>('[data-preset]')!.value;
  button.setAttribute('aria-busy', 'true');
  status.textContent = messages.working;
  try {
    const { svg, size, name } = await printSvgFor(menu.dataset.key!, menu.dataset.lang as Lang, preset, menu.dataset.date ?? '');
    const file = format === 'svg' ? `${name}.svg` : `${name}-${size.dpi}dpi.png`;
    if (format === 'svg') download(svg, 'image/svg+xml', file);
    else download((await pngFromSvg(svg, size)) as BlobPart, 'image/png', file);
    status.textContent = `${messages.done}: ${file} (${size.widthMm} × ${size.heightMm} mm${format === 'png' ? `, ${size.widthPx} × ${size.heightPx} px` : ''})`;
  } catch (error) {
    status.textContent = `${messages.failed}${error instanceof Error ? error.message : String(error)}`;
  } finally {
    button.removeAttribute('aria-busy');
  }
}

let enabled = false;

/** One delegated click handler for every Export menu on the page. */
export function enableExportMenus(): void {
  if (enabled) return;
  enabled = true;
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('[data-export-menu] button[data-format]');
    const menu = button?.closest<HTMLElement>('[data-export-menu]');
    if (!button || !menu || button.getAttribute('aria-busy') === 'true') return;
    void onExport(menu, button);
  });
}
