// @ts-check
/**
 * The floor: the least an Astro 7 site can do with the same vault — one route rendering each published
 * note at its permalink, then a Pagefind index; no garden feature. It renders with the same Markdown
 * processor as the site build it is compared with (FLOOR_MARKDOWN_PROCESSOR, `satteri` by default as
 * the site's `markdownProcessor`), each with its built-in GFM and smart punctuation and no plugin, so
 * site/floor measures what the garden adds, not which processor renders. The bench divides the site's
 * build time by this one's, processor by processor.
 */
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import pagefind from '../../src/integrations/pagefind.ts';
import { PAGES_GENERATED_AT_ONCE } from '../../src/config/page-generation.ts';

const name = process.env.FLOOR_MARKDOWN_PROCESSOR || 'satteri';
if (name !== 'unified' && name !== 'satteri') throw new Error(`FLOOR_MARKDOWN_PROCESSOR must be unified or satteri, not ${name}`);
const processor =
  name === 'unified' ? unified({ gfm: true, smartypants: true }) : satteri({ features: { gfm: true, smartPunctuation: true } });

export default defineConfig({
  site: 'https://floor.example.org',
  trailingSlash: 'always',
  // As many pages at once as the site generates: the same work, done the same way.
  build: { format: 'directory', concurrency: PAGES_GENERATED_AT_ONCE },
  outDir: process.env.FLOOR_OUT_DIR ?? './dist',
  cacheDir: process.env.FLOOR_CACHE_DIR ?? './node_modules/.astro',
  integrations: [pagefind()],
  markdown: { syntaxHighlight: false, processor },
  devToolbar: { enabled: false },
});
