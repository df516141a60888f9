import type { APIRoute } from 'astro';
import { csvFormat } from 'd3';
import { loadSiteData } from '../../data/load.ts';
import { placeName } from '../../views/places.ts';

/** Every figure as CSV; the BOM makes spreadsheet programs read the Chinese as UTF-8. */
export const GET: APIRoute = () => {
  const { metrics, pages } = loadSiteData();
  const first = pages.find((p) => p.first)!.name;
  // With a series, each row says its page (provenance) and whether it is still a draft; a one-page site keeps its columns.
  const series = pages.length > 1;
  const rows = metrics.map((m) => ({
    ...(series ? { page: m.page ?? first, draft: m.draft ? 'draft' : '' } : {}),
    id: m.id,
    region: m.region,
    region_zh: placeName(m.region, 'zh'),
    region_en: placeName(m.region, 'en'),
    topic: m.topic,
    label_zh: m.label.zh,
    label_en: m.label.en,
    value: String(m.value),
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
