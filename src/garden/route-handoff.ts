/**
 * The loader's route table for the rest of the build: the retired URLs of the URL lock (which the
 * loader has read and checked, so no page reads the file again), whether each URL is indexed (for the
 * sitemap filter, src/integration.ts), which pages the search index reads and which embeds get an
 * oEmbed file. It lives on globalThis because Astro loads the config, the content loader and the
 * pages as separate module graphs in one process.
 */
import { indexedUrls, oembedSources, searchedUrls, type OembedSource, type RetiredUrl, type Route } from '../lib/site/routes.ts';
import type { SiteUrl } from '../lib/util/types.ts';

export interface RouteHandoff {
  retired: readonly RetiredUrl[];
  /** Whether the page at a URL (decoded, as a site URL) is indexed; `undefined` for a URL no route serves. */
  indexed(url: string): boolean | undefined;
  /** The pages the search index reads, in the order it adds them (src/integrations/pagefind.ts). */
  searched: readonly SiteUrl[];
  /** The embeds whose oEmbed files are written after the pages (src/integrations/oembed.ts). */
  oembeds: readonly OembedSource[];
}

const KEY = Symbol.for('study-garden.routes');
type WithRoutes = typeof globalThis & { [KEY]?: RouteHandoff };

export function setRouteHandoff(routes: readonly Route[], retired: readonly RetiredUrl[]): void {
  (globalThis as WithRoutes)[KEY] = {
    retired,
    indexed: indexedUrls(routes),
    searched: searchedUrls(routes),
    oembeds: oembedSources(routes),
  };
}

export function routeHandoff(): RouteHandoff | undefined {
  return (globalThis as WithRoutes)[KEY];
}
