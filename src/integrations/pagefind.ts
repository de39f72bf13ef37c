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
 * (src/garden/route-handoff.ts), not the tag, embed or redirect pages Pagefind would parse and drop.
 *
 * Pagefind reads them itself from a folder of links to them (addSearchedPages): given a folder, it
 * indexes 4 494 pages in about 3.5 s, against 8–10 s for the same pages sent one by one through its
 * Node API (`addHTMLFile`). Its output depends on the order it finds pages in, which is the order the
 * file system lists them; the folder is written afresh in the route table's order each build, so a
 * rebuild's index is byte for byte a clean build's on the same machine.
 *
 * Before waiting for the index, Node's garbage is collected (src/lib/util/release-memory.ts): the two
 * processes' memory peaks together, and most of what Node held for page generation is garbage by then.
 * `npm run build` avoids that altogether: its `astro build` stops before search, and the index is built
 * once Astro's process has exited (src/integrations/build-handoff.ts, src/cli/build.ts).
 */
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { routeHandoff } from '../garden/route-handoff.ts';
import { handoffFile } from './build-handoff.ts';
import { releaseMemory } from '../lib/util/release-memory.ts';
import type { SiteUrl } from '../lib/util/types.ts';

/** Where `build.format: 'directory'` writes the page at a URL, relative to the site: `/a/b/` → `a/b/index.html`. */
const pageFile = (url: SiteUrl) => `${url.slice(1)}index.html`;

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

interface Added {
  pages: number;
  /** The folder's removal, under way while Pagefind writes its index (1.4–1.8 s at 4 494 pages). */
  removal: Promise<void>;
}

/**
 * Indexes the given pages: each is linked (hard link, or copied where the file system has none) into
 * a folder beside the site, at its own path so that Pagefind gives it its URL, in the given order;
 * Pagefind reads that folder. Once Pagefind has read it, the folder is removed.
 */
async function addSearchedPages(index: PagefindIndex, site: string, urls: readonly SiteUrl[]): Promise<Added> {
  const folder = `${site.replace(/[\\/]+$/, '')}.searched`;
  const remove = () => rm(folder, { recursive: true, force: true });
  await remove();
  try {
    // Synchronous: Pagefind waits for the whole folder, and awaited calls (two a page) took
    // 0.5–0.7 s at 4 494 pages against 0.25–0.3 s.
    for (const url of urls) {
      const [from, to] = [join(site, pageFile(url)), join(folder, pageFile(url))];
      mkdirSync(dirname(to), { recursive: true });
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
    const added = await index.addDirectory({ path: folder });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    return { pages: added.page_count, removal: remove() };
  } catch (error) {
    await remove();
    throw error;
  }
}

interface Indexed {
  pages: number;
  seconds: number;
}

/**
 * Indexes the site in a folder and writes the index into its `pagefind/`: the pages named, in their
 * order, or, without them (a build whose loader did not run), every page as Pagefind finds them.
 */
export async function indexSite(site: string, searched: readonly SiteUrl[] | undefined): Promise<Indexed> {
  const start = performance.now();
  // Each language gets an index of its own, by the pages' `<html lang>` (a note's `lang`, else
  // the site's), with its own stemming; a page's search loads the index of its language.
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let pages: number;
  let removal: Promise<void> | undefined;
  if (searched) ({ pages, removal } = await addSearchedPages(index, site, searched));
  else {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    pages = added.page_count;
  }
  const [written] = await Promise.all([index.writeFiles({ outputPath: `${site}/pagefind` }), removal]);
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  return { pages, seconds: (performance.now() - start) / 1000 };
}

export default function pagefindIntegration(): AstroIntegration {
  let indexing: Promise<Indexed> | undefined;
  return {
    name: 'garden-pagefind',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        if (handoffFile()) return;
        indexing = indexSite(fileURLToPath(dir), routeHandoff()?.searched);
        // Awaited in `astro:build:done`; a build that fails before then must not report it twice.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (handoffFile()) return;
        try {
          // Pagefind peaks while it writes its files, after the other post-build steps (sitemap, headers)
          // have run: collected now, Node holds 2.0 GB beside it at 10 000 notes instead of 2.75 GB. Once
          // only: collected when the pages are written too, Node held 1.6 GB, but V8 then collected again
          // and again while those steps allocated (6.4 s more collection at 5 000 notes, against 2.4 s).
          if (indexing) releaseMemory();
          const { pages, seconds } = await (indexing ?? indexSite(fileURLToPath(dir), routeHandoff()?.searched));
          logger.info(`Indexed ${pages} pages for search in ${seconds.toFixed(1)} s`);
        } finally {
          indexing = undefined;
          await pagefind.close();
        }
      },
    },
  };
}
