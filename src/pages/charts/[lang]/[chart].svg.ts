import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, CHARTS, type ChartId } from '../../../charts/charts.ts';
import { loadSiteData } from '../../../data/load.ts';
import { LANGS, type Lang } from '../../../i18n/lang.ts';

/** Each chart of the story in each language, as the story's image (Story.astro). */
export const getStaticPaths = (() =>
  LANGS.flatMap((lang) => CHART_IDS.map((chart) => ({ params: { lang, chart } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const drawn = CHARTS[params.chart as ChartId](loadSiteData().metricsById, params.lang as Lang);
  return new Response(drawn.svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
