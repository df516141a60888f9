import { qrPaths, qrSvgRoute } from '../../../../embed/qr.ts';

export const getStaticPaths = qrPaths;
export const GET = qrSvgRoute;
