import { embedPaths, viewsRoute } from '../../../../embed/endpoints.ts';

export const getStaticPaths = embedPaths;
export const GET = viewsRoute('en');
