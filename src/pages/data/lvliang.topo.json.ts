import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';

/** The committed geography, byte for byte. */
export const GET: APIRoute = () => new Response(readFileSync('data/geo/lvliang.topo.json'), { headers: { 'Content-Type': 'application/json' } });
