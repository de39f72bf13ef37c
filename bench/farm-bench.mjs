/**
 * A stand-in for `farm-bench` on machines without it, enough for ../shared/bench/run-peers.sh:
 *
 *   node bench/farm-bench.mjs -n RUNS [--warmup W] [--timeout S] -- COMMAND...
 *
 * runs COMMAND W untimed times, then RUNS timed times, each in a process group of its own, and prints
 * the wall time and the peak memory of the whole group (the summed resident size of its processes,
 * sampled every 100 ms on Linux, so Pagefind's and esbuild's own processes count) in farm-bench's
 * report format (bench/lib/peers.ts). `npm run bench -- --peers` puts it on PATH as `farm-bench` when
 * there is none.
 */
import { spawn } from 'node:child_process';
import { sampleGroupPeak } from './lib/group-rss.mjs';
import { farmReport } from './lib/peers.ts';

const args = process.argv.slice(2);
const split = args.indexOf('--');
if (split < 0) throw new Error('usage: farm-bench -n RUNS [--warmup W] [--timeout S] -- COMMAND...');
const flags = args.slice(0, split);
const command = args.slice(split + 1);
const flag = (name, fallback) => {
  const at = flags.indexOf(name);
  return at >= 0 ? Number(flags[at + 1]) : fallback;
};
const runs = flag('-n', 3);
const warmup = flag('--warmup', 0);
const timeoutS = flag('--timeout', 3600);

function runOnce() {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    const sampler = sampleGroupPeak(child.pid);
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), timeoutS * 1000);
    child.on('close', (code, signal) => {
      const peak = sampler.stop();
      clearTimeout(timer);
      done({ wallS: (performance.now() - started) / 1000, peakMib: peak / 2 ** 20, exit: code ?? (signal ? 128 : 1) });
    });
  });
}

for (let run = 0; run < warmup; run++) await runOnce();
const timed = [];
for (let run = 0; run < runs; run++) {
  const result = await runOnce();
  console.log(`run ${run + 1}: ${result.wallS.toFixed(2)} s, ${result.peakMib.toFixed(0)} MiB, exit ${result.exit}`);
  timed.push(result);
}
process.stdout.write(farmReport(timed));
