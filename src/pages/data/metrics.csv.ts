import type { APIRoute } from 'astro';
import { loadSiteData } from '../../data/load.ts';
import { metricsCsv } from '../../data/metrics-csv.ts';

/** Every figure as CSV (columns and their codebook: src/data/metrics-csv.ts), each row naming its page. */
export const GET: APIRoute = () => {
  const { metrics, pages } = loadSiteData();
  const first = pages.find((p) => p.first)!.name;
  const rows = metrics.map((m) => ({ ...m, page: m.page ?? first }));
  return new Response(metricsCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
