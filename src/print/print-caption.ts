/**
 * What the print graphic may leave to the desk's caption: the callout's figures (kept in the
 * graphic while the map still gets half of the height) and the legend's notes (the graphic keeps
 * those of up to two lines); caption.txt has all of them, in the map's language,
 * with its title and source line, as plain text (caption.txt beside the files) for the desk to
 * set in its own caption type. The graphic keeps the title, the keys and the source, so it
 * always leaves the map at least half of its height.
 */
import type { CompiledView } from '../views/compile.ts';

export function printCaption(v: CompiledView): string {
  const zh = v.lang === 'zh';
  const lines = [`${v.title}${v.stateLabel ? ` · ${v.stateLabel}` : ''}`];
  if (v.callout) {
    lines.push(v.callout.title);
    for (const l of v.callout.lines) lines.push(`${l.label}${zh ? '：' : ': '}${l.value}`);
  }
  lines.push(...v.legend.notes, v.source);
  return `${lines.join('\n')}\n`;
}
