/** The static files beside each embed page (oembed.json, views.json), shared by /embed/ and /en/embed/. */
import type { APIRoute } from 'astro';
import type { Lang } from '../i18n/lang.ts';
import { allEmbedKeys } from './keys.ts';
import { embedMeta } from './meta.ts';
import { oembedFor } from './oembed.ts';
import { siteOrigin } from '../site/urls.ts';

export const embedPaths = () => allEmbedKeys().map((k) => ({ params: { key: k.key } }));

const json = (data: unknown, type = 'application/json') => new Response(JSON.stringify(data), { headers: { 'Content-Type': type } });

export const oembedRoute =
  (lang: Lang): APIRoute =>
  ({ params, site }) =>
    json(oembedFor(lang, params.key!, siteOrigin(site)), 'application/json+oembed');

/** Only this page's compiled views (a few kB), not every view of the story. */
export const viewsRoute =
  (lang: Lang): APIRoute =>
  ({ params }) =>
    json(Object.fromEntries(embedMeta(lang, params.key!).views.map((v) => [v.key, v.view])));
