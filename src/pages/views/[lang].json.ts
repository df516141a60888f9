import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData } from '../../data/load.ts';
import { compileView } from '../../spec/compile.ts';
import type { Lang } from '../../spec/format.ts';
import { allViewKeys } from '../../spec/view-keys.ts';

/** Every compiled view of one language, fetched by the page only when the live map is needed. */
export const getStaticPaths = (() => [{ params: { lang: 'zh' } }, { params: { lang: 'en' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const lang = params.lang as Lang;
  const { compileInput } = loadSiteData();
  const views = Object.fromEntries(allViewKeys().map((k) => [k.key, compileView(k.view, compileInput, lang, k.state)]));
  return new Response(JSON.stringify(views), { headers: { 'Content-Type': 'application/json' } });
};
