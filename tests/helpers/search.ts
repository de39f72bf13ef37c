/** Pagefind's own search API, run in Node against a built site served on loopback (no browser). */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic, type StaticSite } from './serve.ts';

export interface SearchHit {
  url: string;
  title: string;
  type: string;
  subResults: string[];
  /** The titles the search shows for those sections. */
  subResultTitles: string[];
}

export interface SiteSearch {
  search(query: string, filters?: Record<string, string[]>): Promise<SearchHit[]>;
  filters(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: Record<string, unknown>): Promise<{ results: { data(): Promise<PagefindData> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy?(): Promise<void>;
}

interface PagefindData {
  url: string;
  meta: Record<string, string>;
  sub_results: { url: string; title: string }[];
}

export async function openSearch(siteDir: string): Promise<SiteSearch> {
  const site: StaticSite = await serveStatic(siteDir);
  // A fresh module instance per site: the query string keeps Node's module cache apart.
  const pagefind = (await import(
    `${pathToFileURL(join(siteDir, 'pagefind/pagefind.js')).href}?site=${encodeURIComponent(siteDir)}`
  )) as PagefindApi;
  await pagefind.options({ basePath: `${site.origin}/pagefind/` });
  await pagefind.init();
  const path = (url: string) => new URL(url, site.origin).pathname + new URL(url, site.origin).hash;
  return {
    async search(query, filters) {
      const found = await pagefind.search(query, filters ? { filters } : {});
      const data = await Promise.all(found.results.map((result) => result.data()));
      return data.map((item) => ({
        url: path(item.url),
        title: item.meta.title ?? '',
        type: item.meta.type ?? '',
        subResults: item.sub_results.map((sub) => path(sub.url)),
        subResultTitles: item.sub_results.map((sub) => sub.title),
      }));
    },
    filters: () => pagefind.filters(),
    async close() {
      await pagefind.destroy?.();
      await site.close();
    },
  };
}
