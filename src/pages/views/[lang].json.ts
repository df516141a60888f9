import type { APIRoute, GetStaticPaths } from 'astro';
import { storyViews } from '../../data/load.ts';
import type { Lang } from '../../i18n/lang.ts';

/** Every compiled view of one language, fetched by the page only when the live map is needed. */
export const getStaticPaths = (() => [{ params: { lang: 'zh' } }, { params: { lang: 'en' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const views = Object.fromEntries(storyViews(params.lang as Lang).map((c) => [c.key, c.view]));
  return new Response(JSON.stringify(views), { headers: { 'Content-Type': 'application/json' } });
};
