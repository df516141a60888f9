import type { APIRoute } from 'astro';
import { loadSiteData } from '../../data/load.ts';
import { topologyJson } from '../../data/geo-downloads.ts';

/** The one geography download every live map shares (the /data/ copy has the same bytes). */
export const GET: APIRoute = () => new Response(topologyJson(loadSiteData().topology), { headers: { 'Content-Type': 'application/json' } });
