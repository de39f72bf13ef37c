import { mkdirSync, rmSync } from 'node:fs';
import { DEFAULT_SITE, OBSIDIAN_SITE, OBSIDIAN_VAULT, TMP, buildVault, recordBuild } from './build.ts';

/**
 * Builds the shipped default site and the Obsidian-syntax fixture vault once per run, for the build
 * and browser tests. The fixture's result (exit code and log) is kept for its tests. One after the
 * other: Astro keeps the content layer's asset list in the project's `.astro/` folder, so two builds
 * at once can publish each other's images.
 */
export default async function setup() {
  rmSync(TMP, { recursive: true, force: true });
  if (process.env.GARDEN_SKIP_SITE_BUILD === '1') return;
  mkdirSync(TMP, { recursive: true });
  const site = await buildVault({ contentDir: 'content', outDir: DEFAULT_SITE });
  if (site.code !== 0) throw new Error(`The default site did not build:\n${site.output}`);
  recordBuild(await buildVault({ contentDir: OBSIDIAN_VAULT, outDir: OBSIDIAN_SITE, env: { GARDEN_URL_LOCK: '' } }));
}
