/**
 * Atomic output (src/lib/output/atomic-output.ts): `astro build` writes into a staging folder beside the
 * out dir — Astro empties its out dir when it starts writing pages, so a build that failed there would
 * otherwise leave a site without its pages — and the finished site replaces the out dir only after
 * every `astro:build:done` hook succeeded. Hence this integration MUST STAY THE LAST ONE in
 * astro.config.mjs: the build stops when it is not. `astro dev` and `astro preview` see the real out dir.
 * A build that stops before search (`npm run build`, src/integrations/build-handoff.ts) leaves the
 * staging folder to the process that indexes it, which publishes with `publish` below.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { routeHandoff } from '../garden/route-handoff.ts';
import { outputFolders, recoverySteps, swapSteps, type OutputFolders, type Step } from '../lib/output/atomic-output.ts';
import { handoffFile, writeHandoff } from './build-handoff.ts';

const NAME = 'garden-atomic-output';

/** Deletes a folder from a detached Node process, which outlives the build. */
const REMOVER = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 5 })";

function run(steps: Step[]): void {
  for (const step of steps) {
    if (step.do === 'remove') rmSync(step.path, { recursive: true, force: true });
    else if (step.do === 'remove-later')
      spawn(process.execPath, ['-e', REMOVER, step.path], { detached: true, stdio: 'ignore' }).unref();
    else renameSync(step.from, step.to);
  }
}

/** Replaced sites a background deletion has not finished with. */
function discardedFolders(folders: OutputFolders): string[] {
  const prefix = basename(folders.discarded);
  const parent = dirname(folders.discarded);
  const names = existsSync(parent) ? readdirSync(parent) : [];
  return names.filter((name) => name.startsWith(prefix)).map((name) => join(parent, name));
}

const hasGit = (dir: string) => existsSync(join(dir, '.git'));

/** Puts the finished site in the staging folder in place of the published one. */
export function publish(folders: OutputFolders): void {
  run(swapSteps(folders, { out: existsSync(folders.out), outGit: hasGit(folders.out) }, `${process.pid}-${Date.now()}`));
}

export interface AtomicOutput extends AstroIntegration {
  /** The folder the running build writes the site into (the staging folder); for hooks and filters that read built pages. */
  buildDir(): string;
}

export default function atomicOutput(): AtomicOutput {
  let folders: OutputFolders | undefined;
  // Once the site is published or handed over, the staging folder is no longer this build's to remove.
  let done = false;

  return {
    name: NAME,
    buildDir() {
      if (!folders) throw new Error('The build folder is known only once `astro build` has set up its integrations');
      return folders.staging;
    },
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const current = outputFolders(fileURLToPath(config.outDir));
        folders = current;
        run(
          recoverySteps(current, {
            out: existsSync(current.out),
            outGit: hasGit(current.out),
            staging: existsSync(current.staging),
            previous: existsSync(current.previous),
            previousGit: hasGit(current.previous),
            discarded: discardedFolders(current),
          }),
        );
        // A failed build takes its staging folder with it; a killed one leaves it to the next build's start.
        process.once('exit', () => {
          if (!done) rmSync(current.staging, { recursive: true, force: true });
        });
        // Astro's client and server folders sit inside the out dir; they move along with it.
        const staging = pathToFileURL(current.staging + sep);
        const inside = (folder: URL) => new URL(`${relative(current.out, fileURLToPath(folder)).split(sep).join('/')}/`, staging);
        updateConfig({ outDir: staging, build: { client: inside(config.build.client), server: inside(config.build.server) } });
      },
      'astro:config:done': ({ config }) => {
        if (config.integrations.at(-1)?.name !== NAME)
          throw new Error(
            `${NAME} must be the last integration in astro.config.mjs: it publishes the site once all the others are done`,
          );
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!folders || fileURLToPath(dir) !== folders.staging + sep)
          throw new Error(`The build wrote to ${fileURLToPath(dir)}, not to its staging folder`);
        const handoff = handoffFile();
        if (handoff) {
          writeHandoff(handoff, { out: folders.out, searched: routeHandoff()?.searched ?? null });
          done = true;
          logger.info(`The site is written; the search index and publishing follow in a process of their own`);
          return;
        }
        publish(folders);
        done = true;
        logger.info(`Published the site to ${folders.out}`);
      },
    },
  };
}
