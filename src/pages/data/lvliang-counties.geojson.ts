import type { APIRoute } from 'astro';
import { loadSiteData } from '../../data/load.ts';
import { countiesGeoJson } from '../../data/geo-downloads.ts';

/** The 13 counties as plain RFC 7946 GeoJSON, for tools that don't read TopoJSON (src/data/geo-downloads.ts). */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(countiesGeoJson(loadSiteData().geo)), { headers: { 'Content-Type': 'application/geo+json' } });
