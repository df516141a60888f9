import type { APIRoute } from 'astro';
import { loadSiteData } from '../../data/load.ts';

/** The one geography download every live map shares. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadSiteData().topology), { headers: { 'Content-Type': 'application/json' } });
