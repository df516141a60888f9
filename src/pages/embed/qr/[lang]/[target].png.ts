import { qrPaths, qrPngRoute } from '../../../../embed/qr.ts';

export const getStaticPaths = qrPaths;
export const GET = qrPngRoute;
