/**
 * Resident memory of a whole process group, so that a build's peak counts the processes it starts
 * (Pagefind's indexer, esbuild) beside Node itself: the bench and bench/farm-bench.mjs sample it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const PAGE = 4096;

/** Resident bytes of every process in a process group (0 where /proc is not there). */
export function groupRss(pgid) {
  if (!existsSync('/proc')) return 0;
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  let total = 0;
  for (const pid of pids) {
    try {
      // Fields after the parenthesised command name: state ppid pgrp …
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

/** Samples a process group's resident memory every `everyMs` until `stop()`, which returns the peak in bytes. */
export function sampleGroupPeak(pgid, everyMs = 100) {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, groupRss(pgid)));
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
