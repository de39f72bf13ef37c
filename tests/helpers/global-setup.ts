import { rmSync } from 'node:fs';
import { DEFAULT_SITE, TMP, buildVault } from './build.ts';

/** Builds the shipped default site once per run, for the build and browser tests. */
export default async function setup() {
  rmSync(TMP, { recursive: true, force: true });
  if (process.env.GARDEN_SKIP_SITE_BUILD === '1') return;
  const result = await buildVault({ contentDir: 'content', outDir: DEFAULT_SITE });
  if (result.code !== 0) throw new Error(`The default site did not build:\n${result.output}`);
}
