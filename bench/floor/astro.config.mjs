// @ts-check
/**
 * The floor: the least an Astro 7 site can do with the same vault — one route rendering each published
 * note at its permalink with the same Markdown processor as the site (unified + remark-gfm + smartypants),
 * then a Pagefind index. The bench divides the site's build time by this one's.
 */
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import pagefind from '../../src/integrations/pagefind.ts';

export default defineConfig({
  site: 'https://floor.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.FLOOR_OUT_DIR ?? './dist',
  cacheDir: process.env.FLOOR_CACHE_DIR ?? './node_modules/.astro',
  integrations: [pagefind()],
  markdown: { syntaxHighlight: false, processor: unified({ gfm: true, smartypants: true }) },
  devToolbar: { enabled: false },
});
