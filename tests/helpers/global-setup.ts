import { mkdirSync, rmSync } from 'node:fs';
import { DEFAULT_SITE, OBSIDIAN_SITE, OBSIDIAN_VAULT, TMP, buildVault, recordBuild } from './build.ts';

/**
 * Builds the shipped default site and the Obsidian-syntax fixture vault once per run, for the build
 * and browser tests. Each result (exit code and log) is kept for their tests. One after the
 * other: Astro keeps the content layer's asset list in the project's `.astro/` folder, so two builds
 * at once can publish each other's images.
 */
async function buildSites(): Promise<void> {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const site = await buildVault({ contentDir: 'content', outDir: DEFAULT_SITE });
  if (site.code !== 0) throw new Error(`The default site did not build:\n${site.output}`);
  recordBuild(site);
  recordBuild(await buildVault({ contentDir: OBSIDIAN_VAULT, outDir: OBSIDIAN_SITE, env: { GARDEN_URL_LOCK: '' } }));
}

// Both the `build` and the `browser` project name this setup (vitest.config.ts), and Vitest runs each
// project's setup, all in its own process before any test: the first one builds, the second waits for it.
const BUILT = Symbol.for('study-garden.sites-built');

export default function setup(): Promise<void> {
  const run = globalThis as { [BUILT]?: Promise<void> };
  return (run[BUILT] ??= buildSites());
}
