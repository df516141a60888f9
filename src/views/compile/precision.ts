/**
 * A county-precision layer: a county drawn with a dashed outline whose note quotes an edition
 * caption about it (in English, the caption's translation, with the original); the note is also
 * the county's tooltip note, and the legend explains the outline.
 */
import { fill } from '../../i18n/strings.ts';
import type { CountyPrecisionLayer } from '../view-types.ts';
import { fillTemplate, type ViewContext } from './context.ts';
import type { CompiledView } from './types.ts';

export function compileCountyPrecision(
  ctx: ViewContext,
  layer: CountyPrecisionLayer,
): { precision: CompiledView['precision'][number]; legend: NonNullable<CompiledView['legend']['precision']> } {
  const { input, lang, say, view } = ctx;
  const caption = input.captions.find((c) => c.id === layer.caption);
  if (!caption) throw new Error(`view "${view.id}": unknown caption ${layer.caption}`);
  const english = input.english?.[caption.id];
  const text = fill(say.precisionNote, {
    caption: lang === 'en' && english ? fillTemplate(english, 'en', input.metrics, caption.id) : caption.text,
    original: caption.text,
    county: ctx.countyName(layer.region),
  });
  return { precision: { region: layer.region, text }, legend: { label: say.precisionLegend } };
}
