/** Same input, same bytes (DESIGN §6): a second build of the default vault equals the first. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_SITE, TMP, buildVault, hashTree } from '../helpers/build.ts';

it('builds the default site byte for byte the same twice', async () => {
  const again = await buildVault({ contentDir: 'content', outDir: join(TMP, 'site-default-again') });
  expect(again.code, again.output).toBe(0);
  const first = hashTree(DEFAULT_SITE);
  const second = hashTree(again.outDir);
  expect([...second.keys()]).toEqual([...first.keys()]);
  for (const [file, hash] of first) expect(second.get(file), file).toBe(hash);
});
