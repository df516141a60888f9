import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';

/** The committed data file, byte for byte. */
export const GET: APIRoute = () => new Response(readFileSync('data/edition.json'), { headers: { 'Content-Type': 'application/json' } });
