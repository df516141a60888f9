// @ts-check
import { defineConfig } from 'astro/config';

// A fully static site: every page, embed and data file is written at build time.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
});
