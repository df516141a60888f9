// @ts-check
import { defineConfig } from 'astro/config';

// A fully static site: every page, embed and data file is written at build time.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  vite: {
    build: {
      // Every script as a file, never inlined into the HTML: the Content-Security-Policy
      // (public/_headers) allows scripts from this origin only, with no 'unsafe-inline'.
      // Other assets keep Vite's default (inlined under 4 KB).
      assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined),
    },
  },
});
