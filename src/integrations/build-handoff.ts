/**
 * `npm run build` builds in two processes (src/cli/build.ts): `astro build` writes the whole site
 * into its staging folder and stops there, leaving in a file what the rest needs; then a Node process
 * of its own indexes the pages for search and publishes the site. Astro's process has exited by then,
 * so its memory and Pagefind's never add up: at 10 000 notes Node peaks at about 2.8 GB and Pagefind
 * at 2.3 GB, which came to 3.9 GB when Pagefind indexed beside the build. `astro build` on its own
 * still does everything in one process.
 *
 * The build stops before search when the variable below names the file to leave; only
 * src/cli/build.ts sets it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { SiteUrl } from '../lib/util/types.ts';

export const HANDOFF_VARIABLE = 'STUDY_GARDEN_HANDOFF';

export interface BuildHandoff {
  /** The configured out dir; its staging folder holds the written site (src/lib/output/atomic-output.ts). */
  out: string;
  /** The pages the search index reads, in that order; null for a build without the route table. */
  searched: readonly SiteUrl[] | null;
}

/** The file a build that stops before search leaves its handoff in; undefined for a whole build. */
export function handoffFile(): string | undefined {
  return process.env[HANDOFF_VARIABLE] || undefined;
}

export function writeHandoff(file: string, handoff: BuildHandoff): void {
  writeFileSync(file, JSON.stringify(handoff));
}

export function readHandoff(file: string): BuildHandoff {
  return JSON.parse(readFileSync(file, 'utf8')) as BuildHandoff;
}
