/**
 * How the bench runs one build: Astro's own command, `node …/astro/bin/astro.mjs build` in the
 * project's root, exactly as `npm run build` does — not Astro's `build()` function, through which the
 * floor (bench/floor) generated its pages seven to eight times slower at 5 000 notes (82–99 s against
 * 11–12 s; the site took the same time either way). A preload (report-build.mjs) prints Node's own
 * peak memory as the last line of its output when it exits.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Node's arguments for one `astro build` (the project's Astro, the floor's too), `nodeFlags` first. */
export function astroBuildArgs(nodeFlags = []) {
  return [
    ...nodeFlags,
    '--import',
    join(projectRoot, 'bench', 'lib', 'report-build.mjs'),
    join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'),
    'build',
  ];
}

/** Node's own peak memory in MB as report-build.mjs printed it (the last line of a build's output), if it did. */
export function nodePeakMb(stdout) {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{"benchBuild"')) return undefined;
  return JSON.parse(last).benchBuild.maxRssMb;
}
