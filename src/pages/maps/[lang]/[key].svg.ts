import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData, storyViewSpecs, storyViews } from '../../../data/load.ts';
import { renderSvg } from '../../../render/svg.ts';
import { compactSvgPaths } from '../../../render/svg-compact.ts';
import { LANGS, type Lang } from '../../../i18n/lang.ts';
import { allViewKeys } from '../../../views/view-keys.ts';

/** Map area size of the page's SVG fallback; the page draws title and legend in HTML around it. */
export const PAGE_SVG = { width: 800, height: 1000, labelSize: 18 } as const;

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) => allViewKeys(storyViewSpecs()).map((k) => ({ params: { lang, key: k.key } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const { view } = storyViews(params.lang as Lang).find((c) => c.key === params.key)!;
  // Compacted: the first map is the phone's largest first-screen element (svg-compact.ts).
  const svg = compactSvgPaths(renderSvg(view, loadSiteData().geo, { ...PAGE_SVG, frame: false }));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
