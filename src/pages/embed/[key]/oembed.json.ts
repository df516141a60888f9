import { embedPaths, oembedRoute } from '../../../embed/endpoints.ts';

export const getStaticPaths = embedPaths;
export const GET = oembedRoute('zh');
