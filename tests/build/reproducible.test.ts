/**
 * Same input, same bytes (DESIGN §6): a second build of the default vault equals the first. The
 * second renders its notes on worker threads (as large vaults do), and is `astro build` alone, which
 * indexes for search in its own process, where the first was `npm run build`, which indexes once
 * Astro's process has exited (src/cli/build.ts) — so this also proves the render workers give exactly
 * what rendering on the main thread gives, and the two commands the same site.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_SITE, TMP, buildVault, hashTree, recordedBuild } from '../helpers/build.ts';

it('builds the default site byte for byte the same twice, once on render workers with `astro build` alone', async () => {
  const again = await buildVault({
    contentDir: 'content',
    outDir: join(TMP, 'site-default-again'),
    env: { GARDEN_RENDER_WORKERS: '2' },
    astroOnly: true,
  });
  expect(again.code, again.output).toBe(0);
  expect(again.output).toMatch(/rendered in [\d.]+ s on 2 threads/);
  // Indexed inside Astro's build, not after it.
  expect(again.output).not.toContain('search index and publishing follow');
  expect(recordedBuild(DEFAULT_SITE).output).toContain('search index and publishing follow');
  const first = hashTree(DEFAULT_SITE);
  const second = hashTree(again.outDir);
  expect([...second.keys()]).toEqual([...first.keys()]);
  for (const [file, hash] of first) expect(second.get(file), file).toBe(hash);
});
