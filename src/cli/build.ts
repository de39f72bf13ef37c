/**
 * `npm run build`: the site in two processes, so that Astro's memory and Pagefind's never add up
 * (src/integrations/build-handoff.ts). `astro build`, with the arguments given after `--`, writes
 * every page into the staging folder and stops before search; once its process has exited, this
 * one has Pagefind index the pages and publishes the site — the same site `astro build` alone makes.
 * A failure leaves the published site as it was. Runs on Node's own TypeScript support.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HANDOFF_VARIABLE, readHandoff } from '../integrations/build-handoff.ts';

const log = (name: string, message: string) => console.log(`${new Date().toTimeString().slice(0, 8)} [${name}] ${message}`);

const astro = join(dirname(createRequire(join(process.cwd(), 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'garden-build-'));
const handoffPath = join(scratch, 'handoff.json');

try {
  const built = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      // Rolldown and Astro's compiler (Rust) allocate with mimalloc, which keeps freed memory a while
      // before it hands it back: purged at once, Astro's process peaked 120–390 MB lower at 10 000
      // notes, no slower. mimalloc reads it only as the process starts; an author's own value wins.
      MIMALLOC_PURGE_DELAY: '0',
      ...process.env,
      [HANDOFF_VARIABLE]: handoffPath,
    },
  });
  if (built.status !== 0) process.exitCode = built.status ?? 1;
  // No handoff from a build that succeeded: Astro did not build (`-- --help`, say).
  else if (existsSync(handoffPath)) {
    // Loaded only now: while Astro builds, this process holds as little as it can beside it.
    const [pagefind, { publish }, { indexSite }, { outputFolders }] = await Promise.all([
      import('pagefind'),
      import('../integrations/atomic-output.ts'),
      import('../integrations/pagefind.ts'),
      import('../lib/output/atomic-output.ts'),
    ]);
    const handoff = readHandoff(handoffPath);
    const folders = outputFolders(handoff.out);
    try {
      const { pages, seconds } = await indexSite(folders.staging, handoff.searched ?? undefined);
      log('garden-pagefind', `Indexed ${pages} pages for search in ${seconds.toFixed(1)} s`);
      publish(folders);
      log('garden-atomic-output', `Published the site to ${folders.out}`);
    } catch (error) {
      rmSync(folders.staging, { recursive: true, force: true });
      console.error(`The site was not published: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    } finally {
      await pagefind.close();
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
