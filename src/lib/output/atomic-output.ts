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
  /**
   * The start of the name a replaced site is renamed to once the new one is in place (a unique tag
   * follows), to be deleted in the background: deleting ~9500 pages takes this disk 5–9 s, and the
   * build need not wait for it.
   */
  discarded: string;
}

export function outputFolders(outDir: string): OutputFolders {
  const out = resolve(outDir);
  if (dirname(out) === out) throw new Error(`The output folder cannot be the root of a file system: ${out}`);
  const parent = dirname(out);
  const name = basename(out);
  return {
    out,
    staging: join(parent, `.${name}.staging`),
    previous: join(parent, `.${name}.previous`),
    discarded: join(parent, `.${name}.discarded-`),
  };
}

/** `remove-later`: deleted by a process of its own, which the build does not wait for. */
export type Step =
  { do: 'remove'; path: string } | { do: 'remove-later'; path: string } | { do: 'rename'; from: string; to: string };

/** What is on disk. Astro keeps a `.git` folder of the out dir across builds (a deploy repository); so does the swap. */
export interface Found {
  out: boolean;
  outGit: boolean;
  staging: boolean;
  previous: boolean;
  previousGit: boolean;
  /** Replaced sites whose deletion in the background did not finish (the machine stopped, say). */
  discarded?: readonly string[];
}

const remove = (path: string): Step => ({ do: 'remove', path });
const removeLater = (path: string): Step => ({ do: 'remove-later', path });
const rename = (from: string, to: string): Step => ({ do: 'rename', from, to });

/** Moves the deploy repository of the last site, if any, into the new one. */
function keepRepository(folders: OutputFolders, found: Pick<Found, 'outGit' | 'previousGit'>): Step[] {
  return found.previousGit && !found.outGit ? [rename(join(folders.previous, '.git'), join(folders.out, '.git'))] : [];
}

/**
 * At a build's start, what an earlier build left behind. A staging folder is an unfinished build
 * (failed or killed): removed. A previous folder means a build was stopped during its swap: if the
 * new site is not in place yet, the last good site goes back; if it is, the swap is finished.
 */
export function recoverySteps(folders: OutputFolders, found: Found): Step[] {
  const steps: Step[] = [];
  if (found.staging) steps.push(remove(folders.staging));
  if (found.previous)
    steps.push(
      ...(found.out ? [...keepRepository(folders, found), remove(folders.previous)] : [rename(folders.previous, folders.out)]),
    );
  steps.push(...(found.discarded ?? []).map(removeLater));
  return steps;
}

/**
 * After a build succeeded: the last site aside, the new one into place, the last one renamed to a
 * discarded folder (`tag` makes its name unique) and deleted in the background. Once the new site
 * is in place nothing needs the last one, and a rename is instant where the deletion is not.
 */
export function swapSteps(folders: OutputFolders, found: Pick<Found, 'out' | 'outGit'>, tag: string): Step[] {
  if (!found.out) return [rename(folders.staging, folders.out)];
  const discarded = `${folders.discarded}${tag}`;
  return [
    rename(folders.out, folders.previous),
    rename(folders.staging, folders.out),
    ...keepRepository(folders, { previousGit: found.outGit, outGit: false }),
    rename(folders.previous, discarded),
    removeLater(discarded),
  ];
}
