import type { APIRoute } from 'astro';
import { csvFormat } from 'd3';
import { loadSiteData } from '../../data/load.ts';
import { placeName } from '../../views/places.ts';

/** Every figure as CSV; the BOM makes spreadsheet programs read the Chinese as UTF-8. */
export const GET: APIRoute = () => {
  const rows = loadSiteData().metrics.map((m) => ({
    id: m.id,
    region: m.region,
    region_zh: placeName(m.region, 'zh'),
    region_en: placeName(m.region, 'en'),
    topic: m.topic,
    label_zh: m.label.zh,
    label_en: m.label.en,
    value: m.value === null ? '' : String(m.value),
    unit: m.unit,
    raw: m.raw,
    qualifier: m.qualifier ?? '',
    range_low: m.range ? String(m.range.low) : '',
    range_high: m.range ? String(m.range.high) : '',
    fraction: m.fraction ? `${m.fraction.numerator}/${m.fraction.denominator}` : '',
    period: m.period ?? '',
    change_pair: m.change?.pair ?? '',
    change_role: m.change?.role ?? '',
    paragraph: m.paragraph,
    quote: m.quote,
  }));
  return new Response(`\uFEFF${csvFormat(rows)}\r\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
