/**
 * The search index, built at compile time with Pagefind's Node API once Astro has written every page
 * (the Starlight pattern). Only note bodies are indexed — pages mark theirs with `data-pagefind-body`,
 * so the home, 404, redirect and retired pages never are. Languages are indexed apart (Pagefind's
 * multilingual indexing). An indexing error fails the build, and the
 * Pagefind service is always closed.
 *
 * Pagefind indexes in a process of its own, so it starts as soon as the pages are written
 * (`astro:build:generated`) and runs while the other post-build steps (sitemap, media, hardening)
 * do their work; `astro:build:done` waits for it, before the atomic output publishes the site.
 * Only the pages whose text is indexed are read — the note pages the route table names
 * (src/garden/route-handoff.ts), not the tag, embed or redirect pages Pagefind would parse and drop —
 * in the one order the route table gives them, so a rebuild's index is byte for byte a clean build's
 * (Pagefind's output depends on the order pages are added in). Pages are sent without waiting for the
 * answer to the last one (addPages).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { routeHandoff } from '../garden/route-handoff.ts';
import type { SiteUrl } from '../lib/util/types.ts';

/** Where `build.format: 'directory'` writes the page at a URL, relative to the site: `/a/b/` → `a/b/index.html`. */
const pageFile = (url: SiteUrl) => `${url.slice(1)}index.html`;

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

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

interface Indexed {
  pages: number;
  seconds: number;
}

async function indexSite(site: string): Promise<Indexed> {
  const start = performance.now();
  // Each language gets an index of its own, by the pages' `<html lang>` (a note's `lang`, else
  // the site's), with its own stemming; a page's search loads the index of its language.
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const searched = routeHandoff()?.searched;
  let pages: number;
  if (searched) pages = await addPages(index, site, searched);
  else {
    // Without the route table (a build whose loader did not run), every page, as Pagefind finds them.
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    pages = added.page_count;
  }
  const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  return { pages, seconds: (performance.now() - start) / 1000 };
}

export default function pagefindIntegration(): AstroIntegration {
  let indexing: Promise<Indexed> | undefined;
  return {
    name: 'garden-pagefind',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        indexing = indexSite(fileURLToPath(dir));
        // Awaited in `astro:build:done`; a build that fails before then must not report it twice.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { pages, seconds } = await (indexing ?? indexSite(fileURLToPath(dir)));
          logger.info(`Indexed ${pages} pages for search in ${seconds.toFixed(1)} s`);
        } finally {
          indexing = undefined;
          await pagefind.close();
        }
      },
    },
  };
}
