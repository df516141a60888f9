import type { APIRoute, GetStaticPaths } from 'astro';
import { storyViews } from '../../../../data/load.ts';
import { locatorSvg } from '../../../../render/locator.ts';
import { LANGS, type Lang } from '../../../../i18n/lang.ts';

/** The locator inset of each story map that has one, as the legend's image (Legend.astro). */
export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    storyViews(lang).flatMap(({ key, view }) => (view.locator ? [{ params: { lang, key } }] : [])),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const { view } = storyViews(params.lang as Lang).find((c) => c.key === params.key)!;
  return new Response(locatorSvg(view.locator!), { headers: { 'Content-Type': 'image/svg+xml' } });
};
