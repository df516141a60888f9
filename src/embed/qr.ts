/**
 * QR codes of the story and of each chapter (`/embed/qr/{lang}/{story|chapter}.{svg,png}`),
 * drawn at build time with `qrcode` from the public origin (SITE_URL): for posters, print and
 * WeChat, where a reader scans rather than clicks. Error correction M: survives a little ink spread.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import QRCode from 'qrcode';
import { loadSiteData } from '../data/load.ts';
import { readChapters } from '../story/read-chapters.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { siteOrigin, storyPath } from '../site/urls.ts';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } } as const;
/** PNG edge in px: 12 px modules or more for a version-3/4 code, enough for a poster at 300 dpi (~8 cm). */
export const QR_PNG_WIDTH = 960;

export const qrPaths: GetStaticPaths = () =>
  LANGS.flatMap((lang) => [null, ...readChapters().map((c) => c.id)].map((chapter) => ({ params: { lang, target: chapter ?? 'story' } })));

/** A later page's story and chapters: `/embed/qr/{lang}/pages/{page}/{story|chapter}.{svg,png}`. */
export const qrPagePaths: GetStaticPaths = () =>
  loadSiteData()
    .pages.filter((p) => !p.first)
    .flatMap((p) =>
      LANGS.flatMap((lang) =>
        [null, ...readChapters(undefined, p.name).map((c) => c.id)].map((chapter) => ({
          params: { lang, page: p.name, target: chapter ?? 'story' },
        })),
      ),
    );

const urlOf = (params: Record<string, string | undefined>, site: URL | undefined) => {
  const lang = params.lang as Lang;
  const chapter = params.target === 'story' ? null : params.target!;
  return new URL(storyPath(lang, chapter, params.page), siteOrigin(site)).href;
};

export const qrSvgRoute: APIRoute = async ({ params, site }) =>
  new Response(await QRCode.toString(urlOf(params, site), { ...OPTIONS, type: 'svg' }), { headers: { 'Content-Type': 'image/svg+xml' } });

export const qrPngRoute: APIRoute = async ({ params, site }) =>
  new Response(new Uint8Array(await QRCode.toBuffer(urlOf(params, site), { ...OPTIONS, type: 'png', width: QR_PNG_WIDTH })), {
    headers: { 'Content-Type': 'image/png' },
  });
