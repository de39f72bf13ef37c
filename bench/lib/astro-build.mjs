/**
 * How the bench runs one build: the site exactly as `npm run build` does (src/cli/build.ts: Astro's
 * own command, `node …/astro/bin/astro.mjs build`, then the search index in a process of its own),
 * the floor (bench/floor) with Astro's command — never Astro's `build()` function, through which the
 * floor generated its pages seven to eight times slower at 5 000 notes (82–99 s against 11–12 s; the
 * site took the same time either way). A preload (report-build.mjs) prints each Node process's own
 * peak memory as a line of the output when it exits.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const report = join(projectRoot, 'bench', 'lib', 'report-build.mjs');

/** Node's arguments for one `astro build` (the project's Astro, the floor's too), `nodeFlags` first. */
export function astroBuildArgs(nodeFlags = []) {
  return [...nodeFlags, '--import', report, join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'];
}

/**
 * Node's arguments and environment for one build of the site, as `npm run build` runs it: the report
 * is preloaded through NODE_OPTIONS, so that Astro's Node process, which the build command starts,
 * reports too.
 */
export function siteBuild() {
  return { args: [join(projectRoot, 'src', 'cli', 'build.ts')], env: { NODE_OPTIONS: `--import=${JSON.stringify(report)}` } };
}

/**
 * The peak memory in MB of the build's largest Node process, as report-build.mjs printed it, if the
 * build ended with a report (its output's last line: the build's first process exits last).
 */
export function nodePeakMb(stdout) {
  const lines = stdout.trim().split('\n');
  if (!lines.at(-1)?.startsWith('{"benchBuild"')) return undefined;
  const reports = lines.filter((line) => line.startsWith('{"benchBuild"'));
  return Math.max(...reports.map((line) => JSON.parse(line).benchBuild.maxRssMb));
}
