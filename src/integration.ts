/**
 * The site as one Astro integration, configured where Astro users configure things: astro.config.mjs
 * → `integrations: [garden({ title, site, ... })]` (Starlight's `starlight({...})` is the model). It
 * checks the options (src/config/options.ts; GARDEN_* variables override them for one build), adds
 * the site's other integrations in their order, sets Astro's options, and hands the checked options to
 * pages, components and the content config through one virtual module, `virtual:garden/config`; the
 * client islands' text in every dictionary goes into the site script through another,
 * `virtual:garden/client-text`.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, HookParameters } from 'astro';
import { PAGES_GENERATED_AT_ONCE } from './config/page-generation.ts';
import { resolveGardenOptions, type GardenConfig, type GardenOptions } from './config/options.ts';
import atomicOutput from './integrations/atomic-output.ts';
import hardening from './integrations/hardening.ts';
import media from './integrations/media.ts';
import oembed from './integrations/oembed.ts';
import { mdxHeadDirective } from './integrations/mdx-head-directive.ts';
import { mdxProblems } from './integrations/mdx-problems.ts';
import pagefind from './integrations/pagefind.ts';
import { routeHandoff } from './garden/route-handoff.ts';
import { cartridgeSite } from './lib/site/course-cartridge.ts';
import { clientTextByDictionary } from './lib/site/i18n.ts';
import { themeScriptHash } from './lib/site/theme.ts';
import { declareVaultRoot } from './markdown/link-context.ts';
import { markdownProcessor } from './markdown/processor.ts';

export type { GardenConfig, GardenOptions };

export const GARDEN_INTEGRATION = 'study-garden';
const VIRTUAL_CONFIG = 'virtual:garden/config';
const VIRTUAL_CLIENT_TEXT = 'virtual:garden/client-text';

/** What an integration may set of Astro's config (resolved values: URLs for folders). */
type ConfigUpdate = Parameters<HookParameters<'astro:config:setup'>['updateConfig']>[0];

export interface GardenIntegration extends AstroIntegration {
  /** The checked options (with this build's GARDEN_* overrides): for tools that run outside Astro. */
  readonly config: GardenConfig;
}

/**
 * The Astro options the site needs, set from its own: a static site in folders with trailing
 * slashes, rendered with the chosen Markdown processor, under a Content Security Policy.
 */
function astroOptions(config: GardenConfig): ConfigUpdate {
  return {
    site: config.site,
    trailingSlash: 'always' as const,
    build: { format: 'directory' as const, concurrency: PAGES_GENERATED_AT_ONCE },
    markdown: {
      // Code is highlighted by the site's own rehype step, after untrusted HTML is sanitized.
      syntaxHighlight: false as const,
      // unified() with the site's remark/rehype plugins, or Sätteri with the same features as its own
      // plugins (src/markdown/satteri/): the `markdownProcessor` option. MDX uses the same one, and so
      // do the render workers (src/loaders/vault-worker.ts).
      processor: markdownProcessor(config.markdownProcessor),
    },
    devToolbar: { enabled: false },
    // A rebuild copies the pages of unchanged notes from the last build (their keys: src/lib/site/page-keys.ts).
    experimental: { incrementalBuild: true },
    // A Content Security Policy in every page: Astro hashes its own scripts and styles; the inline theme
    // script is allowed by its hash; Pagefind needs WebAssembly and a worker from a blob.
    security: {
      csp: {
        // Astro's default, written out: it fills defaults in only for options written in astro.config.mjs.
        algorithm: 'SHA-256' as const,
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
  };
}

export default function garden(options: GardenOptions = {}): GardenIntegration {
  // Checked at once, when astro.config.mjs is loaded: a bad option stops every command before it starts.
  const config = resolveGardenOptions(options, process.env);
  return {
    name: GARDEN_INTEGRATION,
    config,
    hooks: {
      'astro:build:start': ({ logger }) => {
        // A cartridge's links must lead to the site where it is deployed (src/lib/site/course-cartridge.ts).
        if (!cartridgeSite(config.site))
          logger.warn(
            `No course cartridges (.imscc) or course links are made: \`site\` is the placeholder ${config.site}. Set it to the site's address in garden({...}) in astro.config.mjs, or GARDEN_SITE=https://… for one build.`,
          );
      },
      'astro:config:setup': ({ config: astroConfig, updateConfig }) => {
        // Astro lists the MDX notes' modules (and content images) in the project's .astro/ folder, but
        // rewrites a list only when its content store changed since it was loaded: a store restored
        // from another cache folder (GARDEN_CACHE_DIR: one per vault in the tests and the bench) kept
        // the list of the vault built last, and its MDX notes failed to render. Removed, both lists are
        // written afresh from the store when the content syncs.
        for (const list of ['content-modules.mjs', 'content-assets.mjs'])
          rmSync(new URL(`.astro/${list}`, astroConfig.root), { force: true });
        // The build writes into a staging folder and replaces outDir only when everything succeeded.
        const output = atomicOutput();
        /**
         * Pages that are not indexed (redirects, retired URLs, 404) stay out of the sitemap. The route
         * table knows every page before it is written (src/lib/site/routes.ts); the vault loader hands it over
         * (src/garden/route-handoff.ts).
         */
        const indexable = (page: string) => {
          const routes = routeHandoff();
          if (!routes) throw new Error('The sitemap needs the route table, which the vault loader hands over');
          const indexed = routes.indexed(decodeURIComponent(new URL(page).pathname));
          if (indexed === undefined) throw new Error(`The sitemap lists ${page}, which is in no route of the route table`);
          return indexed;
        };
        const root = fileURLToPath(astroConfig.root);
        // The Markdown plugins must know the vault's folder before any note renders (link-context.ts).
        declareVaultRoot(resolve(root, config.contentDir));
        const astro = astroOptions(config);
        const folders = outputFolders(root);
        updateConfig({
          ...astro,
          ...folders,
          build: { ...astro.build, ...folders.build },
          // In `astro:build:done`: hardening runs after media (which copies the files it sanitizes);
          // `output` publishes the finished site, so it must stay the last integration, after every
          // other hook — and after any an author adds to astro.config.mjs: it checks that it is.
          integrations: [
            mdx(),
            sitemap({ filter: indexable }),
            oembed({ site: config.site, title: config.title }),
            media(),
            hardening({ embedOrigins: config.embedOrigins }),
            pagefind(),
            output,
          ],
          vite: {
            plugins: [
              {
                name: 'garden-config',
                resolveId: (id: string) => (id === VIRTUAL_CONFIG ? `\0${VIRTUAL_CONFIG}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL_CONFIG}` ? `export default ${JSON.stringify(config)};` : undefined),
              },
              {
                // The islands' text once in the site script, not in every page; built here, on the
                // server, so the script carries only the islands' messages and no whole dictionary.
                name: 'garden-client-text',
                resolveId: (id: string) => (id === VIRTUAL_CLIENT_TEXT ? `\0${VIRTUAL_CLIENT_TEXT}` : undefined),
                load: (id: string) =>
                  id === `\0${VIRTUAL_CLIENT_TEXT}` ? `export default ${JSON.stringify(clientTextByDictionary())};` : undefined,
              },
              mdxHeadDirective(),
              mdxProblems(root),
            ],
            // The reading scripts are one small cached file rather than a copy inlined in every page.
            build: {
              assetsInlineLimit: 0,
              // Mermaid's largest chunk is about 650 kB; it loads only on a page with a diagram, so a
              // build's log need not warn about it every time.
              chunkSizeWarningLimit: 800,
            },
          },
        });
      },
    },
  };
}

/**
 * GARDEN_OUT_DIR / GARDEN_CACHE_DIR let tests build fixture vaults side by side. Set here, after Astro
 * resolved its folders, so the client and server folders inside the out dir move with it.
 */
function outputFolders(root: string) {
  const folder = (path: string) => pathToFileURL(resolve(root, path) + '/');
  const out = process.env.GARDEN_OUT_DIR;
  const cache = process.env.GARDEN_CACHE_DIR;
  return {
    ...(out ? { outDir: folder(out) } : {}),
    build: out ? { client: folder(join(out, 'client')), server: folder(join(out, 'server')) } : {},
    ...(cache ? { cacheDir: folder(cache) } : {}),
  };
}
