/**
 * What the print graphic leaves to the desk's caption: the callout's figures and the legend's
 * notes (all of them: the graphic keeps only those of up to two lines), in the map's language,
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
