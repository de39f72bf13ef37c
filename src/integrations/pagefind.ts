/**
 * The search index, built at compile time with Pagefind's Node API once Astro has written every page
 * (the Starlight pattern). Only note bodies are indexed — pages mark theirs with `data-pagefind-body`,
 * so the home, 404, redirect and retired pages never are. Languages are indexed apart (Pagefind's
 * multilingual indexing). An indexing error fails the build with the page named, and every Pagefind
 * service is always closed.
 *
 * Pagefind indexes in a process of its own, so it starts as soon as the pages are written
 * (`astro:build:generated`) and runs while the other post-build steps (sitemap, media, hardening)
 * do their work; `astro:build:done` waits for it, before the atomic output publishes the site.
 * Only the pages whose text is indexed are read — the note pages the route table names
 * (src/garden/route-handoff.ts), not the tag, embed or redirect pages Pagefind would parse and drop.
 *
 * The index is written as SEARCH_BUNDLES bundles (src/lib/site/search-bundles.ts): `pagefind/`,
 * `pagefind-1/`…, each page in one by a hash of its URL, which the search merges in the browser
 * (src/scripts/pagefind-ui.ts). Pagefind's service uses one core, and the npm API allows one service
 * per Node process, so each bundle but the first is indexed by a child process
 * (src/integrations/pagefind-bundle.ts) while this process indexes the first. Each bundle adds its
 * pages in the route table's order, so a rebuild's index is byte for byte a clean build's (Pagefind's
 * output depends on the order pages are added in).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { routeHandoff } from '../garden/route-handoff.ts';
import { bundleFolder, splitSearched } from '../lib/site/search-bundles.ts';
import type { BundleJob, BundleReply } from './pagefind-bundle.ts';
import { indexBundle } from './pagefind-pages.ts';

interface Indexed {
  pages: number;
  seconds: number;
}

interface Child {
  pages: Promise<number>;
  kill(): void;
}

/** Indexes one bundle in a child process; its error names the page, and it is killed with the build. */
export function indexInChild(root: string, job: BundleJob): Child {
  const child: ChildProcess = fork(join(root, 'src/integrations/pagefind-bundle.ts'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };
  // A build that ends any other way (an error elsewhere, Ctrl-C) takes the child with it.
  process.once('exit', kill);
  const pages = new Promise<number>((resolve, reject) => {
    let answer: BundleReply | undefined;
    child.once('message', (message: BundleReply) => {
      answer = message;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('exit', kill);
      if (answer?.kind === 'done') resolve(answer.pages);
      else if (answer?.kind === 'failed') reject(new Error(answer.message));
      else reject(new Error(`The search index's ${job.outputPath} stopped (${signal ?? `exit code ${code}`})`));
    });
  });
  child.send(job);
  return { pages, kill };
}

async function indexSite(root: string, site: string): Promise<Indexed> {
  const start = performance.now();
  const searched = routeHandoff()?.searched;
  let pages: number;
  if (searched) {
    const [own = [], ...others] = splitSearched(searched);
    const children = others.map((urls, i) => indexInChild(root, { site, urls, outputPath: join(site, bundleFolder(i + 1)) }));
    try {
      const counts = await Promise.all([
        indexBundle(pagefind, site, own, join(site, bundleFolder(0))),
        ...children.map((child) => child.pages),
      ]);
      pages = counts.reduce((sum, count) => sum + count, 0);
    } finally {
      for (const child of children) child.kill();
    }
  } else {
    // Without the route table (a build whose loader did not run), every page, as Pagefind finds them,
    // in one bundle.
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    pages = added.page_count;
    const written = await index.writeFiles({ outputPath: join(site, bundleFolder(0)) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  }
  return { pages, seconds: (performance.now() - start) / 1000 };
}

export default function pagefindIntegration(): AstroIntegration {
  let indexing: Promise<Indexed> | undefined;
  let root = process.cwd();
  return {
    name: 'garden-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:generated': ({ dir }) => {
        indexing = indexSite(root, fileURLToPath(dir));
        // Awaited in `astro:build:done`; a build that fails before then must not report it twice.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { pages, seconds } = await (indexing ?? indexSite(root, fileURLToPath(dir)));
          logger.info(`Indexed ${pages} pages for search in ${seconds.toFixed(1)} s`);
        } finally {
          indexing = undefined;
          await pagefind.close();
        }
      },
    },
  };
}
