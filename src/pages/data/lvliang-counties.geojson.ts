import type { APIRoute } from 'astro';
import { loadSiteData } from '../../data/load.ts';

/** The 13 counties as plain GeoJSON, for tools that don't read TopoJSON. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadSiteData().geo.counties), { headers: { 'Content-Type': 'application/geo+json' } });
