/**
 * The Export menus (ExportMenu.astro) are hidden until a script can run them: this shows those
 * under `root` and, once per page, loads the exporter (d3, the renderer, the presets:
 * export-menu.ts) when a menu is first opened.
 */
let exporter: Promise<typeof import('./export-menu.ts')> | null = null;
let listening = false;
/** True once the exporter's own click handler is on the page. */
let ready = false;

/** The exporter, loaded once; a failed load is forgotten, so the next open or click tries again. */
function loadExporter(): Promise<typeof import('./export-menu.ts')> {
  exporter ??= import('./export-menu.ts').then(
    (m) => {
      m.enableExportMenus();
      ready = true;
      return m;
    },
    (error: unknown) => {
      exporter = null;
      throw error;
    },
  );
  return exporter;
}

export function showExportMenus(root: ParentNode = document): void {
  for (const menu of root.querySelectorAll<HTMLDetailsElement>('[data-export-menu]')) menu.hidden = false;
  if (listening) return;
  listening = true;
  // `toggle` does not bubble: caught on its way down, for menus added later too.
  document.addEventListener(
    'toggle',
    (event) => {
      const menu = event.target;
      if (!(menu instanceof HTMLDetailsElement) || !menu.matches('[data-export-menu]') || !menu.open) return;
      loadExporter().catch((error: unknown) => console.error('export menu failed to load', error));
    },
    true,
  );
  // A format chosen while the exporter is still loading is made once it has loaded, not lost.
  document.addEventListener('click', (event) => {
    if (ready) return;
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('[data-export-menu] button[data-format]');
    const menu = button?.closest<HTMLElement>('[data-export-menu]');
    if (!button || !menu) return;
    loadExporter()
      .then((m) => m.onExport(menu, button))
      .catch((error: unknown) => console.error('export menu failed to load', error));
  });
}
