/**
 * Adding pages to a Pagefind index and writing it: shared by the build's own process and the child
 * processes that index the other bundles (src/integrations/pagefind-bundle.ts), so every bundle is
 * indexed the same way. No Astro import: the child runs this file with Node's type stripping.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Pagefind from 'pagefind';
import type { SiteUrl } from '../lib/util/types.ts';

/** Where `build.format: 'directory'` writes the page at a URL, relative to the site: `/a/b/` → `a/b/index.html`. */
const pageFile = (url: SiteUrl) => `${url.slice(1)}index.html`;

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof Pagefind.createIndex>>['index']>;

/** Pages sent to Pagefind at once, while the next as many are read: a few MB, far below any limit on open files. */
const BATCH = 32;

/**
 * Adds the pages in the given order, a batch at a time, without waiting for each page's answer before
 * sending the next: Pagefind's service handles its messages one at a time, in the order they arrive, so
 * the order holds and Pagefind never waits for a round trip. The next batch is read while Pagefind
 * indexes this one. The number added.
 */
async function addPages(index: PagefindIndex, site: string, urls: readonly SiteUrl[]): Promise<number> {
  const errors: string[] = [];
  let indexing: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < urls.length; start += BATCH) {
    const batch = urls.slice(start, start + BATCH).map(pageFile);
    const contents = await Promise.all(batch.map((sourcePath) => readFile(join(site, sourcePath), 'utf8')));
    await indexing;
    indexing = Promise.all(
      batch.map((sourcePath, i) =>
        index.addHTMLFile({ sourcePath, content: contents[i]! }).then((added) => {
          if (added.errors.length > 0) errors.push(`${sourcePath}: ${added.errors.join('; ')}`);
        }),
      ),
    );
  }
  await indexing;
  if (errors.length > 0) throw new Error(`Pagefind could not index ${errors.join('\n')}`);
  return urls.length;
}

/**
 * Indexes the pages in their order with this process's Pagefind service and writes the bundle to
 * `outputPath`. Each language gets an index of its own, by the pages' `<html lang>` (a note's `lang`,
 * else the site's), with its own stemming; a page's search loads the index of its language. The
 * number of pages.
 */
export async function indexBundle(
  pagefind: typeof Pagefind,
  site: string,
  urls: readonly SiteUrl[],
  outputPath: string,
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const pages = await addPages(index, site, urls);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  return pages;
}
