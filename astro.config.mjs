// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import atomicOutput from './src/integrations/atomic-output.ts';
import hardening from './src/integrations/hardening.ts';
import media from './src/integrations/media.ts';
import pagefind from './src/integrations/pagefind.ts';
import { markdownProcessor } from './src/markdown/processor.ts';
import { siteConfig } from './src/site.config.ts';
import { themeScriptHash } from './src/lib/theme.ts';

const outDir = process.env.GARDEN_OUT_DIR ?? './dist';
// The build writes into a staging folder and replaces outDir only when everything succeeded.
const output = atomicOutput();

/**
 * Pages marked noindex (redirects, retired notes, 404) stay out of the sitemap.
 * @param {string} page
 */
function indexable(page) {
  // The route table knows every page before it is written (src/lib/routes.ts); the vault loader hands
  // it over on globalThis (src/garden/route-handoff.ts), as the config cannot import the loader's modules.
  /** @type {import('./src/garden/route-handoff.ts').RouteHandoff | undefined} */
  const routes = Reflect.get(globalThis, Symbol.for('study-garden.routes'));
  if (!routes) throw new Error('The sitemap needs the route table, which the vault loader hands over');
  const indexed = routes.indexed(decodeURIComponent(new URL(page).pathname));
  if (indexed === undefined) throw new Error(`The sitemap lists ${page}, which is in no route of the route table`);
  return indexed;
}

export default defineConfig({
  site: siteConfig.site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // GARDEN_OUT_DIR / GARDEN_CACHE_DIR let tests build fixture vaults side by side.
  outDir,
  cacheDir: process.env.GARDEN_CACHE_DIR ?? './node_modules/.astro',
  // In `astro:build:done`: hardening runs after media (which copies the files it sanitizes); `output`
  // publishes the finished site, so it must stay the last integration, after every other hook.
  integrations: [mdx(), sitemap({ filter: indexable }), media(), hardening(), pagefind(), output],
  markdown: {
    // Code is highlighted by the site's own rehype step, after untrusted HTML is sanitized.
    syntaxHighlight: false,
    // unified() with the site's remark/rehype plugins, or Sätteri with the same features as its own
    // plugins (src/markdown/satteri/): the `markdownProcessor` site option. MDX uses the same one, and
    // so do the render workers (src/markdown/render-worker.ts).
    processor: markdownProcessor(siteConfig.markdownProcessor),
  },
  devToolbar: { enabled: false },
  // A rebuild copies the pages of unchanged notes from the last build (their keys: src/lib/page-keys.ts).
  experimental: { incrementalBuild: true },
  // A Content Security Policy in every page: Astro hashes its own scripts and styles; the inline theme
  // script is allowed by its hash; Pagefind needs WebAssembly and a worker from a blob.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        // External images (`![](https://…)`) are shown, as in Obsidian.
        "img-src 'self' data: https:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeScriptHash()] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // The reading scripts are one small cached file rather than a copy inlined in every page.
  vite: {
    build: {
      assetsInlineLimit: 0,
      // Mermaid's largest chunk is about 650 kB; it loads only on a page with a diagram, so a build's
      // log need not warn about it every time.
      chunkSizeWarningLimit: 800,
    },
  },
});
