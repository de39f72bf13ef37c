/**
 * One clean or incremental `astro build` of a project, in this process: prints one JSON line
 * {ms, maxRssMb}, maxRssMb being this process's peak. The bench runs it in a fresh Node each time, in
 * a process group of its own whose summed memory it samples, so that Pagefind's indexer counts too.
 * Usage: node bench/build-once.mjs <project root>   (the vault and output come from the environment)
 */
import { build } from 'astro';
import { resolve } from 'node:path';

const root = process.argv[2];
if (!root) throw new Error('usage: node bench/build-once.mjs <project root>');
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const started = performance.now();
await build({ root: resolve(root), logLevel: process.env.BENCH_LOG_LEVEL === 'info' ? 'info' : 'error' });
const ms = Math.round(performance.now() - started);
// maxRSS is in kilobytes; Pagefind's indexer is a separate process, counted by the bench's sampling.
console.log(JSON.stringify({ ms, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
