/**
 * Where a build's time goes: one clean build of an N-note generated vault under `node --cpu-prof`
 * (Node 24 from the project's `node` package), then the functions and modules with the most self
 * time, summed over the main thread and the render workers.
 *
 *   node bench/profile.mjs [N=5000] [--processor satteri|unified] [--top 25] [--work DIR] [--label name]
 *   npm run bench -- --profile N          (the same, from the bench)
 *
 * The profiles (.cpuprofile, one per thread; Chromium's DevTools and speedscope open them) stay in
 * DIR/profile-N/; the summary is printed and written to bench/results/ (profile-LABEL.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { astroBuildArgs } from './lib/astro-build.mjs';
import { selfTimeTable, summariseProfiles } from './lib/cpuprofile.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusScript = resolve(projectRoot, '..', 'shared', 'bench', 'gen-corpus.mjs');

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    processor: { type: 'string', default: 'satteri' },
    top: { type: 'string', default: '25' },
    work: { type: 'string', default: join(tmpdir(), 'garden-bench') },
    label: { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
});
const notes = Number(positionals[0] ?? 5000);
if (!Number.isInteger(notes) || notes <= 0) throw new Error('usage: node bench/profile.mjs [N] [--processor satteri|unified]');
const top = Number(options.top);
const work = join(resolve(options.work), `profile-${notes}`);
const vault = join(work, 'vault');
const profiles = join(work, 'cpuprofiles');
const outDir = join(work, 'dist');
const cacheDir = join(work, 'cache');
// Node 24 as the npm scripts run it, whichever Node started this script.
const projectNode = join(projectRoot, 'node_modules', 'node', 'bin', 'node');
const node = existsSync(projectNode) ? projectNode : process.execPath;

rmSync(work, { recursive: true, force: true });
mkdirSync(profiles, { recursive: true });
execFileSync(process.execPath, [corpusScript, String(notes), vault], { stdio: 'ignore' });
console.log(`[profile] vault of ${notes} notes written; building under --cpu-prof …`);

const started = performance.now();
const build = spawnSync(node, astroBuildArgs(['--cpu-prof', `--cpu-prof-dir=${profiles}`]), {
  cwd: projectRoot,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  // Astro's log of a large build (a line a page, a warning a broken link) runs to megabytes.
  maxBuffer: 2 ** 30,
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    GARDEN_CONTENT_DIR: vault,
    GARDEN_OUT_DIR: outDir,
    GARDEN_CACHE_DIR: cacheDir,
    GARDEN_URL_LOCK: '',
    GARDEN_BROKEN_LINKS: 'warn',
    GARDEN_MARKDOWN_PROCESSOR: options.processor,
  },
});
if (build.status !== 0) {
  console.error(`${build.stdout}${build.stderr}`.trim().split('\n').slice(-40).join('\n'));
  throw new Error(`the profiled build failed (exit ${build.status})`);
}
const wallS = (performance.now() - started) / 1000;
const files = readdirSync(profiles).filter((file) => file.endsWith('.cpuprofile'));
const summary = summariseProfiles(
  files.map((file) => JSON.parse(readFileSync(join(profiles, file), 'utf8'))),
  projectRoot,
);

const report = [
  `# Profile of a clean build, ${notes} notes (${options.processor})`,
  '',
  // The command without --work: no path of this machine in a committed report.
  `Command: \`npm run bench:profile -- ${notes} --processor ${options.processor}\`; Node ${execFileSync(node, ['-v'], { encoding: 'utf8' }).trim()}, --cpu-prof (1 ms samples).`,
  `Build ${wallS.toFixed(1)} s under the profiler (slower than without it); ${summary.totalMs.toFixed(0)} ms of sampled non-idle time over ${files.length} thread(s). Self time: the samples taken in a function itself, not in what it calls.`,
  '',
  selfTimeTable('function (self time)', summary.functions, top),
  '',
  selfTimeTable('module / package (self time)', summary.modules, top),
  '',
].join('\n');
console.log(`\n${report}`);
const resultsDir = join(projectRoot, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const written = join(resultsDir, `profile-${options.label}.md`);
writeFileSync(written, report);
console.log(`[profile] ${written}; profiles in ${profiles}`);
rmSync(outDir, { recursive: true, force: true });
