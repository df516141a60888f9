import type { APIRoute } from 'astro';
import { loadSiteData } from '../../data/load.ts';
import { topologyJson } from '../../data/geo-downloads.ts';

/** The geography download: the same bytes as /geo/lvliang.topo.json, which GDAL and QGIS open. */
export const GET: APIRoute = () => new Response(topologyJson(loadSiteData().topology), { headers: { 'Content-Type': 'application/json' } });
