import { qrPagePaths, qrSvgRoute } from '../../../../../../embed/qr.ts';

export const getStaticPaths = qrPagePaths;
export const GET = qrSvgRoute;
