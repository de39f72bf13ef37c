/**
 * Same input, same bytes (DESIGN §6): a second build of the default vault equals the first. The
 * second renders its notes on worker threads (as large vaults do), so this also proves the render
 * workers give exactly what rendering on the main thread gives.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_SITE, TMP, buildVault, hashTree } from '../helpers/build.ts';

it('builds the default site byte for byte the same twice, once on render workers', async () => {
  const again = await buildVault({
    contentDir: 'content',
    outDir: join(TMP, 'site-default-again'),
    env: { GARDEN_RENDER_WORKERS: '2' },
  });
  expect(again.code, again.output).toBe(0);
  expect(again.output).toMatch(/rendered in [\d.]+ s on 2 threads/);
  const first = hashTree(DEFAULT_SITE);
  const second = hashTree(again.outDir);
  expect([...second.keys()]).toEqual([...first.keys()]);
  for (const [file, hash] of first) expect(second.get(file), file).toBe(hash);
});
