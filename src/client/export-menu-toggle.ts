/**
 * The Export menus (ExportMenu.astro) are hidden until a script can run them: this shows those
 * under `root` and, once per page, loads the exporter (d3, the renderer, the presets:
 * export-menu.ts) when a menu is first opened.
 */
let exporter: Promise<typeof import('./export-menu.ts')> | null = null;
let listening = false;

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
      exporter ??= import('./export-menu.ts');
      exporter.then((m) => m.enableExportMenus()).catch((error: unknown) => console.error('export menu failed to load', error));
    },
    true,
  );
}
