/**
 * One bundle of the search index, indexed in a child process of the build (src/integrations/pagefind.ts):
 * Pagefind's npm API runs a single service process per Node process, so a second bundle indexed at the
 * same time needs a Node process of its own. Run by Node's type stripping; it gets its pages and
 * folder in one message, answers with the page count or the error (which names the page), and exits —
 * also when the build's process goes away, so it never outlives the build.
 */
import * as pagefind from 'pagefind';
import type { SiteUrl } from '../lib/util/types.ts';
import { indexBundle } from './pagefind-pages.ts';

export interface BundleJob {
  site: string;
  urls: SiteUrl[];
  outputPath: string;
}

export type BundleReply = { kind: 'done'; pages: number } | { kind: 'failed'; message: string };

const reply = (message: BundleReply) =>
  new Promise<void>((resolve) => {
    process.send?.(message, () => resolve());
  });

process.once('disconnect', () => process.exit(1));
process.once('message', (job: BundleJob) => {
  indexBundle(pagefind, job.site, job.urls, job.outputPath)
    .then(
      (pages) => reply({ kind: 'done', pages }),
      (error: unknown) => reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    .finally(async () => {
      await pagefind.close();
      process.exit(0);
    });
});
