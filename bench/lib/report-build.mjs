/**
 * Preloaded (`node --import`) into each Node process of a benched build: on a successful exit, one
 * JSON line on standard output with the process's peak resident memory — its own alone; Pagefind's
 * indexer is a process of its own, which the bench counts by sampling the process group. Astro's
 * command ends the process itself, and the site's build command waits for Astro's, so the line of
 * the process that exits last is the output's last.
 */
import { writeSync } from 'node:fs';

process.on('exit', (code) => {
  if (code !== 0) return;
  // maxRSS is in kilobytes.
  writeSync(1, `\n${JSON.stringify({ benchBuild: { maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) } })}\n`);
});
