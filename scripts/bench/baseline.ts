/**
 * The text-only baseline the story's LCP is measured against: the built story page with the same
 * text and the same CSS, but no scripts, no map panel (SVG map, chrome, legends, dialogs), no
 * images and no <noscript> maps. Written next to the site so the same server serves both.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Removes the element that starts at `start` (`<tag …`), with everything inside it, nested or not. */
function cutElement(html: string, start: number): string {
  const tag = /^<([a-z0-9-]+)/i.exec(html.slice(start))![1]!;
  const open = new RegExp(`<${tag}\\b|</${tag}\\s*>`, 'gi');
  open.lastIndex = start;
  let depth = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(0, start) + html.slice(m.index + m[0].length);
  }
  throw new Error(`unbalanced <${tag}> at ${start}`);
}

export function textOnly(html: string): string {
  let out = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<noscript\b[\s\S]*?<\/noscript>/gi, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '')
    .replace(/<img\b[^>]*>/gi, '');
  const panel = out.search(/<div\b[^>]*\bclass="story-map\b/);
  if (panel < 0) throw new Error('no map panel (.story-map) in the story HTML');
  out = cutElement(out, panel);
  for (let dialog = out.search(/<dialog\b/); dialog >= 0; dialog = out.search(/<dialog\b/)) out = cutElement(out, dialog);
  return out;
}

/** Writes `<site>/<path>index.html` from the story page at `<site>/<from>index.html`; returns the URL path. */
export function writeBaseline(site: string, from: string, path: string): string {
  const html = textOnly(readFileSync(join(site, from, 'index.html'), 'utf8'));
  mkdirSync(join(site, path), { recursive: true });
  writeFileSync(join(site, path, 'index.html'), html);
  return `/${path.replace(/^\/|\/$/g, '')}/`;
}
