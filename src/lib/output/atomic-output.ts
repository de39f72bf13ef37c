/**
 * Atomic output: a build writes the site into a staging folder beside the out dir and puts it in
 * place only once every step (pages, sitemap, media, Pagefind, …) has succeeded, so a failed or
 * killed build leaves the last good site as it was. The folders and the steps are decided here;
 * src/integrations/atomic-output.ts carries them out.
 */
import { basename, dirname, join, resolve } from 'node:path';

export interface OutputFolders {
  /** Where the site is published: the configured out dir. */
  out: string;
  /** Where a build writes. A sibling of the out dir, so the swap is two renames on one file system;
   * hidden, so TypeScript's and editors' globs pass it by. */
  staging: string;
  /** Where the last good site waits while the new one is renamed into place. */
  previous: string;
}

export function outputFolders(outDir: string): OutputFolders {
  const out = resolve(outDir);
  if (dirname(out) === out) throw new Error(`The output folder cannot be the root of a file system: ${out}`);
  const parent = dirname(out);
  const name = basename(out);
  return { out, staging: join(parent, `.${name}.staging`), previous: join(parent, `.${name}.previous`) };
}

export type Step = { do: 'remove'; path: string } | { do: 'rename'; from: string; to: string };

/** What is on disk. Astro keeps a `.git` folder of the out dir across builds (a deploy repository); so does the swap. */
export interface Found {
  out: boolean;
  outGit: boolean;
  staging: boolean;
  previous: boolean;
  previousGit: boolean;
}

const remove = (path: string): Step => ({ do: 'remove', path });
const rename = (from: string, to: string): Step => ({ do: 'rename', from, to });

/** Moves the deploy repository of the last site, if any, into the new one, then drops the last site. */
function finish(folders: OutputFolders, found: Pick<Found, 'outGit' | 'previousGit'>): Step[] {
  return [
    ...(found.previousGit && !found.outGit ? [rename(join(folders.previous, '.git'), join(folders.out, '.git'))] : []),
    remove(folders.previous),
  ];
}

/**
 * At a build's start, what an earlier build left behind. A staging folder is an unfinished build
 * (failed or killed): removed. A previous folder means a build was stopped during its swap: if the
 * new site is not in place yet, the last good site goes back; if it is, the swap is finished.
 */
export function recoverySteps(folders: OutputFolders, found: Found): Step[] {
  const steps: Step[] = [];
  if (found.staging) steps.push(remove(folders.staging));
  if (found.previous) steps.push(...(found.out ? finish(folders, found) : [rename(folders.previous, folders.out)]));
  return steps;
}

/** After a build succeeded: the last site aside, the new one into place, the last one removed. */
export function swapSteps(folders: OutputFolders, found: Pick<Found, 'out' | 'outGit'>): Step[] {
  if (!found.out) return [rename(folders.staging, folders.out)];
  return [
    rename(folders.out, folders.previous),
    rename(folders.staging, folders.out),
    ...finish(folders, { previousGit: found.outGit, outGit: false }),
  ];
}
