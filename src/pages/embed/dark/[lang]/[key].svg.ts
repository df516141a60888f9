/** The embed's map on theme=dark: the page's build-time SVG (/maps/…) in the dark base colours (src/embed/dark-map.ts). */
import type { APIRoute } from 'astro';
import { darkSvg } from '../../../../embed/dark-map.ts';
import { GET as lightSvg, getStaticPaths as paths } from '../../../maps/[lang]/[key].svg.ts';

export const getStaticPaths = paths;
export const GET: APIRoute = async (context) => {
  const light = await (await lightSvg(context)).text();
  return new Response(darkSvg(light), { headers: { 'Content-Type': 'image/svg+xml' } });
};
