import { qrPagePaths, qrPngRoute } from '../../../../../../embed/qr.ts';

export const getStaticPaths = qrPagePaths;
export const GET = qrPngRoute;
