/**
 * `npm run bench`: how fast and how heavy the site is, against the framework floor (bench/floor/).
 *
 *   node bench/run.mjs [--sizes 1000,5000] [--runs 3] [--processors satteri,unified]
 *                      [--incremental 5000] [--memory 10000,20000] [--no-lighthouse] [--label name]
 *                      [--peers [--peer-list "hugo astro-satteri quartz-noog main"] [--quartz-git DIR]]
 *   node bench/run.mjs --profile N [--processors satteri]   (bench/profile.mjs: a CPU profile at N notes)
 *   node bench/run.mjs --report bench/results/<label>.json   (re-renders that run's Markdown)
 *
 * For each size N it writes a deterministic N-note vault with ../shared/bench/gen-corpus.mjs, runs
 * clean builds of the site and of the floor with each Markdown processor (the floor renders with the
 * same processor as the site build it is divided into), each in a fresh Node process, and reports
 * the median, min and max wall time, peak memory, pages, dist/ size, Pagefind index size and page
 * weight. At the incremental size it then edits one note, rebuilds on the warm cache, and
 * compares the output with a clean build of the edited vault by hashing dist/. One clean build of each
 * --memory size (10 000 notes by default; 0 skips it) checks peak memory and time. Lighthouse scores the
 * default site. With --peers, ../shared/bench/run-peers.sh then builds the same vault sizes with this
 * project's committed tree and its peers (Hugo, bare Astro, Quartz) in the same run, and its table is
 * folded into the report. Results go to bench/results/<label>.md and .json, with the machine they ran on.
 * Never part of `npm test`: these machines are shared and noisy, so figures are medians and ratios.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { CHROME_PATH, CHROMIUM_FLAGS } from '../tests/helpers/chromium.ts';
import { parsePeerTable, peerRatios } from './lib/peers.ts';
import { astroBuildArgs, nodePeakMb, siteBuild } from './lib/astro-build.mjs';
import { sampleGroupPeak } from './lib/group-rss.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const floorRoot = join(projectRoot, 'bench', 'floor');
const corpusScript = resolve(projectRoot, '..', 'shared', 'bench', 'gen-corpus.mjs');
const peersScript = resolve(projectRoot, '..', 'shared', 'bench', 'run-peers.sh');

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    runs: { type: 'string', default: '3' },
    // The site's default processor; `satteri,unified` measures both, each against its own floor.
    processors: { type: 'string', default: 'satteri' },
    incremental: { type: 'string', default: '' },
    memory: { type: 'string', default: '10000' },
    report: { type: 'string', default: '' },
    'no-lighthouse': { type: 'boolean', default: false },
    peers: { type: 'boolean', default: false },
    'peer-list': { type: 'string', default: 'hugo astro-satteri quartz-noog main' },
    // A bare git copy of Quartz v4 (../shared/README.md says which); QUARTZ_GIT works too.
    'quartz-git': { type: 'string', default: process.env.QUARTZ_GIT ?? '' },
    profile: { type: 'string', default: '' },
    label: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    work: { type: 'string', default: join(tmpdir(), 'garden-bench') },
  },
});
if (options.profile) {
  // The profile tool on its own: one profiled build, no timed ones.
  const [processor] = options.processors.split(',');
  const profileArgs = [options.profile, '--processor', processor, '--work', options.work, '--label', options.label];
  const profiled = spawnSync(process.execPath, [join(projectRoot, 'bench', 'profile.mjs'), ...profileArgs], { stdio: 'inherit' });
  process.exit(profiled.status ?? 1);
}
// `--sizes ''` runs no timed builds (only --memory, --peers or Lighthouse).
const sizes = options.sizes ? options.sizes.split(',').map(Number) : [];
const memorySizes = options.memory
  .split(',')
  .map(Number)
  .filter((size) => size > 0);
const runs = Number(options.runs);
const processors = options.processors.split(',');
const incrementalSize = Number(options.incremental || sizes.at(-1));
const work = resolve(options.work);
mkdirSync(work, { recursive: true });
const logFile = join(work, 'builds.log');
writeFileSync(logFile, '');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
const log = (message) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Every file below a folder, as paths relative to it. */
function filesOf(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
const sizeOf = (dir) => filesOf(dir).reduce((total, file) => total + statSync(join(dir, file)).size, 0);
const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * One build in fresh Node processes (bench/lib/astro-build.mjs: the site's as `npm run build` runs
 * it, the floor's with Astro's command), returning its wall time and peak memory: `peakMb` the whole
 * build's (the summed resident size of its process group, sampled every 100 ms: the Node processes
 * and the Pagefind indexer), `nodeMaxRssMb` its largest Node process's alone.
 */
function buildOnce(root, env) {
  return new Promise((done, fail) => {
    const started = performance.now();
    const command = root === projectRoot ? siteBuild() : { args: astroBuildArgs(), env: {} };
    const child = spawn(process.execPath, command.args, {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...command.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const sampler = sampleGroupPeak(child.pid);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => appendFileSync(logFile, chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = Math.round(performance.now() - started);
      const peak = sampler.stop();
      appendFileSync(logFile, out);
      const nodeMaxRssMb = nodePeakMb(out);
      if (code !== 0 || nodeMaxRssMb === undefined) fail(new Error(`build of ${root} failed (exit ${code}); see ${logFile}`));
      else done({ ms, nodeMaxRssMb, peakMb: Math.max(nodeMaxRssMb, Math.round(peak / 2 ** 20)) });
    });
  });
}

/** What a target builds: the site or the floor, with one Markdown processor, for one vault. */
function target(kind, vault, processor) {
  const name = `${kind} (${processor})`;
  const slug = `${kind}-${processor}`;
  const outDir = join(work, `${slug}-${vault.size}-dist`);
  const cacheDir = join(work, `${slug}-${vault.size}-cache`);
  const env =
    kind === 'site'
      ? {
          GARDEN_CONTENT_DIR: vault.dir,
          GARDEN_OUT_DIR: outDir,
          GARDEN_CACHE_DIR: cacheDir,
          GARDEN_URL_LOCK: '',
          GARDEN_BROKEN_LINKS: 'warn',
          GARDEN_MARKDOWN_PROCESSOR: processor,
        }
      : {
          FLOOR_CONTENT_DIR: vault.dir,
          FLOOR_OUT_DIR: outDir,
          FLOOR_CACHE_DIR: cacheDir,
          FLOOR_MARKDOWN_PROCESSOR: processor,
        };
  return { kind, name, root: kind === 'site' ? projectRoot : floorRoot, outDir, cacheDir, env };
}

/** Pages, sizes and the weight of the pages a reader opens. */
function measureOutput(outDir) {
  const files = filesOf(outDir);
  const pages = files.filter((file) => file.endsWith('.html'));
  const htmlGzip = pages.map((file) => gzipSize(readFileSync(join(outDir, file))));
  // The typical page: the median-weight one; what it loads before search opens is its CSS and JS.
  const byWeight = pages.map((file, index) => ({ file, weight: htmlGzip[index] })).sort((a, b) => a.weight - b.weight);
  const typical = byWeight[Math.floor(byWeight.length / 2)];
  let assetsGzip = 0;
  if (typical) {
    const { document } = parseHTML(readFileSync(join(outDir, typical.file), 'utf8'));
    const assets = [
      ...[...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href')),
      ...[...document.querySelectorAll('script[src]')].map((script) => script.getAttribute('src')),
    ];
    for (const href of assets) {
      const file = href && href.startsWith('/') ? join(outDir, href) : undefined;
      if (file && existsSync(file)) assetsGzip += gzipSize(readFileSync(file));
    }
  }
  return {
    pages: pages.length,
    distBytes: sizeOf(outDir),
    pagefindBytes: sizeOf(join(outDir, 'pagefind')),
    pageHtmlGzip: { median: median(htmlGzip), max: Math.max(...htmlGzip) },
    typicalPage: typical ? { file: typical.file, htmlGzip: typical.weight, cssAndJsGzip: assetsGzip } : null,
  };
}

/** A digest of every file of a build, to compare an incremental build with a clean one. */
function digestOf(dir) {
  const hash = createHash('sha256');
  for (const file of filesOf(dir).sort())
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}
function differingFiles(a, b) {
  const files = new Set([...filesOf(a), ...filesOf(b)]);
  return [...files].filter((file) => {
    const left = join(a, file);
    const right = join(b, file);
    return !existsSync(left) || !existsSync(right) || !readFileSync(left).equals(readFileSync(right));
  });
}

async function cleanBuilds(spec) {
  const times = [];
  const memory = [];
  const nodeMemory = [];
  for (let run = 1; run <= runs; run++) {
    rmSync(spec.outDir, { recursive: true, force: true });
    rmSync(spec.cacheDir, { recursive: true, force: true });
    const result = await buildOnce(spec.root, spec.env);
    log(
      `${spec.name}: run ${run}: ${(result.ms / 1000).toFixed(1)} s, ${result.peakMb} MB (Node alone ${result.nodeMaxRssMb} MB)`,
    );
    times.push(result.ms);
    memory.push(result.peakMb);
    nodeMemory.push(result.nodeMaxRssMb);
  }
  return {
    timeMs: summary(times),
    peakMemoryMb: summary(memory),
    nodePeakMemoryMb: summary(nodeMemory),
    ...measureOutput(spec.outDir),
  };
}

/** Edit one brief, rebuild on the warm cache, and compare with a clean build of the edited vault. */
async function incrementalBuild(spec, vault, coldMs) {
  const brief = filesOf(vault.dir).find(
    (file) =>
      file.endsWith('.md') &&
      readFileSync(join(vault.dir, file), 'utf8').includes('dg-publish: true') &&
      !readFileSync(join(vault.dir, file), 'utf8').includes('type:'),
  );
  if (!brief) throw new Error('no published brief to edit');
  const path = join(vault.dir, brief);
  const original = readFileSync(path, 'utf8');
  try {
    writeFileSync(path, `${original}\n\nAn added paragraph, as an author's one-note edit.\n`);
    const rebuild = await buildOnce(spec.root, spec.env);
    log(`${spec.name}: rebuild after editing one note: ${(rebuild.ms / 1000).toFixed(1)} s`);
    const clean = { ...spec, outDir: `${spec.outDir}-clean`, cacheDir: `${spec.cacheDir}-clean` };
    rmSync(clean.outDir, { recursive: true, force: true });
    rmSync(clean.cacheDir, { recursive: true, force: true });
    await buildOnce(clean.root, { ...clean.env, GARDEN_OUT_DIR: clean.outDir, GARDEN_CACHE_DIR: clean.cacheDir });
    const differing = differingFiles(spec.outDir, clean.outDir);
    return {
      editedNote: brief,
      rebuildMs: rebuild.ms,
      coldMs,
      ratio: rebuild.ms / coldMs,
      identicalToCleanBuild: differing.length === 0,
      differingFiles: differing.slice(0, 20),
      digest: digestOf(spec.outDir),
    };
  } finally {
    writeFileSync(path, original);
  }
}

async function lighthouseScores() {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const { preview } = await import('astro');
  const outDir = join(work, 'default-site-dist');
  rmSync(outDir, { recursive: true, force: true });
  await buildOnce(projectRoot, { GARDEN_OUT_DIR: outDir, GARDEN_CACHE_DIR: join(work, 'default-site-cache') });
  const notes = JSON.parse(readFileSync(join(outDir, 'notes.json'), 'utf8')).notes;
  const pages = {
    home: '/',
    brief: notes.find((note) => note.type === 'brief')?.url,
    timeline: notes.find((note) => note.type === 'timeline')?.url,
    search: '/search/',
  };
  process.env.GARDEN_OUT_DIR = outDir;
  const server = await preview({ root: projectRoot, logLevel: 'error', server: { port: 4399, host: '127.0.0.1' } });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: CHROMIUM_FLAGS,
  });
  const scores = {};
  try {
    for (const [name, path] of Object.entries(pages)) {
      const result = await lighthouse(`http://127.0.0.1:4399${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const categories = result?.lhr.categories ?? {};
      const audits = result?.lhr.audits ?? {};
      scores[name] = {
        url: path,
        ...Object.fromEntries(
          Object.entries(categories).map(([key, category]) => [key, Math.round((category.score ?? 0) * 100)]),
        ),
        // What cost points, so the next person knows where to look.
        failing: Object.values(audits)
          .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
          .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
      };
      log(`lighthouse ${name} (${path}): ${JSON.stringify(scores[name])}`);
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
  return scores;
}

/**
 * The same sizes built by ../shared/bench/run-peers.sh: this project's committed tree (its `main`
 * peer, `npm ci` and `npm run build` in a copy) beside bare Astro, Hugo and Quartz, each timed as a
 * whole process tree with its search index. Quartz needs a bare git copy (--quartz-git or
 * QUARTZ_GIT); without one its peers are left out and the report says so.
 */
async function peersRun() {
  const bench = join(work, 'peers');
  let peers = options['peer-list'].split(/\s+/).filter(Boolean);
  const notes = [];
  const quartzGit = options['quartz-git'] ? resolve(options['quartz-git']) : '';
  if (!quartzGit || !existsSync(quartzGit)) {
    const left = peers.filter((peer) => peer.startsWith('quartz'));
    if (left.length) notes.push(`${left.join(', ')} left out: no Quartz git dir (pass --quartz-git DIR or set QUARTZ_GIT).`);
    peers = peers.filter((peer) => !peer.startsWith('quartz'));
  }
  const env = { ...process.env, BENCH: bench, MAIN_DIR: projectRoot };
  if (quartzGit) env.QUARTZ_GIT = quartzGit;
  // run-peers.sh times with farm-bench; where there is none, bench/farm-bench.mjs stands in.
  let timer = 'farm-bench';
  if (spawnSync('sh', ['-c', 'command -v farm-bench'], { stdio: 'ignore' }).status !== 0) {
    const bin = join(work, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      join(bin, 'farm-bench'),
      `#!/bin/sh\nexec "${process.execPath}" "${join(projectRoot, 'bench', 'farm-bench.mjs')}" "$@"\n`,
    );
    chmodSync(join(bin, 'farm-bench'), 0o755);
    env.PATH = `${bin}:${env.PATH}`;
    timer = 'bench/farm-bench.mjs (a stand-in: wall time and summed RSS of the process group, sampled every 100 ms)';
  }
  const args = ['--sizes', sizes.join(' '), '--peers', peers.join(' '), '--runs', String(runs)];
  const shown = [...args, ...(quartzGit ? ['--quartz-git', '"$QUARTZ_GIT"'] : [])]
    .map((arg) => (arg.includes(' ') ? `"${arg}"` : arg))
    .join(' ');
  const command = `bash ../shared/bench/run-peers.sh ${shown}`;
  log(`peers: ${command} (BENCH=${bench})`);
  rmSync(join(bench, 'results'), { recursive: true, force: true });
  const exit = await new Promise((done) => {
    const child = spawn('bash', [peersScript, ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => appendFileSync(logFile, chunk));
    child.on('close', (code) => done(code));
  });
  const tableFile = join(bench, 'results', 'table.md');
  const table = existsSync(tableFile) ? readFileSync(tableFile, 'utf8').trim() : '';
  if (exit !== 0) notes.push(`run-peers.sh exited ${exit}; see builds.log in the work folder (--work).`);
  const versionsFile = join(bench, 'results', 'versions.txt');
  return {
    command,
    timer,
    exit,
    notes,
    versions: existsSync(versionsFile) ? readFileSync(versionsFile, 'utf8').trim() : '',
    table,
    ratios: peerRatios(parsePeerTable(table)),
  };
}

function machine() {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpu: cpu[0]?.model.trim(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    astro: JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'astro', 'package.json'), 'utf8')).version,
    commit: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })(),
  };
}

const seconds = (ms) => (ms / 1000).toFixed(1);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);

function markdownReport(results) {
  const { machine: m } = results;
  // Runs before the process group was sampled measured Node alone.
  const wholeBuild = results.sizes.some((size) => Object.values(size.builds).some((r) => r.nodePeakMemoryMb));
  const lines = [
    `# Bench ${results.label}`,
    '',
    `Command: \`${results.command}\``,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, Astro ${m.astro}, commit ${m.commit}.`,
  ];
  // A run of only the memory or incremental builds (`--sizes ''`) has no clean-build tables.
  if (results.sizes.length > 0) {
    lines.push(
      `Clean builds, ${results.runs} runs each, each in a fresh Node process; times are wall clock (median, min–max).`,
      '',
      `| N | build | time s (median, min–max) | peak MB (${wholeBuild ? 'Node + Pagefind' : 'Node alone'}) | pages | dist MB | Pagefind MB | page HTML gzip kB (median / max) | typical page CSS+JS gzip kB |`,
      '| ---: | --- | --- | ---: | ---: | ---: | ---: | --- | ---: |',
    );
    for (const size of results.sizes) {
      for (const [name, r] of Object.entries(size.builds)) {
        lines.push(
          `| ${size.notes} | ${name} | ${seconds(r.timeMs.median)} (${seconds(r.timeMs.min)}–${seconds(r.timeMs.max)}) | ${r.peakMemoryMb.median} | ${r.pages} | ${mb(r.distBytes)} | ${mb(r.pagefindBytes)} | ${kb(r.pageHtmlGzip.median)} / ${kb(r.pageHtmlGzip.max)} | ${r.typicalPage ? kb(r.typicalPage.cssAndJsGzip) : '–'} |`,
        );
      }
    }
    lines.push('', '| N | ratio | value |', '| ---: | --- | ---: |');
    for (const size of results.sizes) {
      for (const [name, ratio] of Object.entries(size.ratios)) lines.push(`| ${size.notes} | ${name} | ${ratio.toFixed(2)} |`);
    }
    for (const [name, ratio] of Object.entries(results.growth)) lines.push(`| – | ${name} | ${ratio.toFixed(2)} |`);
  }
  if (results.incremental) {
    const inc = results.incremental;
    lines.push(
      '',
      `Incremental (N = ${inc.notes}, one brief edited): rebuild ${seconds(inc.rebuildMs)} s against a cold ${seconds(inc.coldMs)} s — ratio ${inc.ratio.toFixed(2)}; output ${inc.identicalToCleanBuild ? 'identical to a clean build of the edited vault (every file of dist/ hashed)' : `differs from a clean build in ${inc.differingFiles.length} file(s): ${inc.differingFiles.join(', ')}`}.`,
    );
  }
  // One memory build per --memory size (an earlier run's JSON has one object).
  for (const m of [results.memory ?? []].flat()) {
    lines.push(
      '',
      m.failed
        ? `Memory (N = ${m.notes}, ${m.build}, one clean build): the build failed — ${m.failed}.`
        : `Memory (N = ${m.notes}, ${m.build}, one clean build): ${m.peakMemoryMb} MB peak${m.nodePeakMemoryMb ? ` (Node and Pagefind together; Node alone ${m.nodePeakMemoryMb} MB)` : ''}, ${seconds(m.ms)} s, ${m.pages} pages.`,
    );
  }
  if (results.peers) {
    const p = results.peers;
    lines.push(
      '',
      '## Peers, same run',
      '',
      `Command (from the project root): \`${p.command}\`; timed by ${p.timer}. "this project" is the committed tree built with \`npm run build\` in a fresh copy; bare Astro is the floor on Sätteri, the site's default processor.`,
      ...p.notes.map((note) => `\n${note}`),
      '',
      p.table || 'No table: run-peers.sh measured nothing.',
    );
    if (p.ratios.length) {
      lines.push('', '| N | ratio | value |', '| ---: | --- | ---: |');
      for (const ratio of p.ratios) lines.push(`| ${ratio.notes} | ${ratio.name} | ${ratio.value.toFixed(2)} |`);
    }
    if (p.versions) lines.push('', '```', p.versions, '```');
  }
  if (results.lighthouse) {
    lines.push(
      '',
      '| Lighthouse page | URL | performance | accessibility | best practices | SEO | audits below 0.9 |',
      '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    );
    for (const [name, s] of Object.entries(results.lighthouse)) {
      lines.push(
        `| ${name} | ${s.url} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${s.failing.join(', ') || '–'} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

if (options.report) {
  // Only re-render the Markdown of an earlier run's JSON (after the report's format changed).
  const earlier = JSON.parse(readFileSync(resolve(options.report), 'utf8'));
  writeFileSync(resolve(options.report).replace(/\.json$/, '.md'), markdownReport(earlier));
  process.exit(0);
}

const results = {
  label: options.label,
  // The Quartz copy's path is this machine's: the command names the variable instead.
  command: `npm run bench -- ${process.argv
    .slice(2)
    .join(' ')
    .replace(/(--quartz-git[= ])\S+/, '$1"$QUARTZ_GIT"')}`.trim(),
  machine: machine(),
  runs,
  sizes: [],
  growth: {},
  incremental: null,
  memory: [],
  peers: null,
  lighthouse: null,
};

/** Written after every step, so a run that stops half-way keeps what it measured. */
function saveResults() {
  const resultsDir = join(projectRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${options.label}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, `${options.label}.md`), markdownReport(results));
}

for (const size of sizes) {
  const vault = { size, dir: join(work, `vault-${size}`) };
  rmSync(vault.dir, { recursive: true, force: true });
  execFileSync(process.execPath, [corpusScript, String(size), vault.dir], { stdio: 'ignore' });
  log(`vault of ${size} notes written`);
  const builds = {};
  const specs = processors.flatMap((processor) => [target('site', vault, processor), target('floor', vault, processor)]);
  for (const spec of specs) builds[spec.name] = await cleanBuilds(spec);
  // Site over floor on the same processor: what the garden adds, not which processor renders.
  const ratios = {};
  for (const processor of processors) {
    const [site, floor] = [builds[`site (${processor})`], builds[`floor (${processor})`]];
    ratios[`site (${processor}) / floor (${processor}): time`] = site.timeMs.median / floor.timeMs.median;
    ratios[`site (${processor}) / floor (${processor}): dist bytes`] = site.distBytes / floor.distBytes;
  }
  if (processors.length > 1) {
    ratios[`site (${processors[1]}) / site (${processors[0]})`] =
      builds[`site (${processors[1]})`].timeMs.median / builds[`site (${processors[0]})`].timeMs.median;
  }
  results.sizes.push({ notes: size, builds, ratios });
  saveResults();
  if (size === incrementalSize) {
    const spec = specs[0];
    results.incremental = { notes: size, ...(await incrementalBuild(spec, vault, builds[spec.name].timeMs.median)) };
    saveResults();
  }
}
if (sizes.length > 1) {
  const [first, last] = [results.sizes[0], results.sizes.at(-1)];
  for (const name of Object.keys(first.builds)) {
    results.growth[`${name}: time ${first.notes} → ${last.notes} notes (linear = ${last.notes / first.notes})`] =
      last.builds[name].timeMs.median / first.builds[name].timeMs.median;
  }
}
for (const memorySize of memorySizes) {
  const vault = { size: memorySize, dir: join(work, `vault-${memorySize}`) };
  rmSync(vault.dir, { recursive: true, force: true });
  execFileSync(process.execPath, [corpusScript, String(memorySize), vault.dir], { stdio: 'ignore' });
  const spec = target('site', vault, processors[0]);
  rmSync(spec.outDir, { recursive: true, force: true });
  rmSync(spec.cacheDir, { recursive: true, force: true });
  try {
    const result = await buildOnce(spec.root, spec.env);
    log(
      `${spec.name}, ${memorySize} notes: ${(result.ms / 1000).toFixed(1)} s, ${result.peakMb} MB (Node alone ${result.nodeMaxRssMb} MB)`,
    );
    results.memory.push({
      notes: memorySize,
      build: spec.name,
      ms: result.ms,
      peakMemoryMb: result.peakMb,
      nodePeakMemoryMb: result.nodeMaxRssMb,
      pages: measureOutput(spec.outDir).pages,
    });
  } catch (error) {
    // A build that runs out of memory is a result too.
    log(`${spec.name}, ${memorySize} notes: failed (${error.message})`);
    results.memory.push({ notes: memorySize, build: spec.name, failed: String(error.message) });
  }
  rmSync(spec.outDir, { recursive: true, force: true });
  saveResults();
}
if (options.peers) {
  results.peers = await peersRun();
  saveResults();
}
if (!options['no-lighthouse']) results.lighthouse = await lighthouseScores();

saveResults();
console.log(`\n${markdownReport(results)}`);
log(`written to bench/results/${options.label}.md and .json`);
