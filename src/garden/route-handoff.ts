/**
 * The loader's route table for the rest of the build: the retired URLs of the URL lock (which the
 * loader has read and checked, so no page reads the file again) and whether each URL is indexed, for
 * the sitemap filter (src/integration.ts). It lives on globalThis because Astro loads the config, the
 * content loader and the pages as separate module graphs in one process.
 */
import { indexedUrls, type RetiredUrl, type Route } from '../lib/site/routes.ts';

export interface RouteHandoff {
  retired: readonly RetiredUrl[];
  /** Whether the page at a URL (decoded, as a site URL) is indexed; `undefined` for a URL no route serves. */
  indexed(url: string): boolean | undefined;
}

const KEY = Symbol.for('study-garden.routes');
type WithRoutes = typeof globalThis & { [KEY]?: RouteHandoff };

export function setRouteHandoff(routes: readonly Route[], retired: readonly RetiredUrl[]): void {
  (globalThis as WithRoutes)[KEY] = { retired, indexed: indexedUrls(routes) };
}

export function routeHandoff(): RouteHandoff | undefined {
  return (globalThis as WithRoutes)[KEY];
}
