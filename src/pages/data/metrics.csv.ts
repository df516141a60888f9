import type { APIRoute } from 'astro';
import { loadSiteData } from '../../data/load.ts';
import { metricsCsv } from '../../data/metrics-csv.ts';

/** Every figure as CSV (columns and their codebook: src/data/metrics-csv.ts). */
export const GET: APIRoute = () => new Response(metricsCsv(loadSiteData().metrics), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
