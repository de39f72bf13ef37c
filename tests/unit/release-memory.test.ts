import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(resolve(import.meta.dirname, '..', '..', 'src', 'lib', 'util', 'release-memory.ts')).href;

describe('releaseMemory (the build gives its garbage back before Pagefind peaks)', () => {
  it('collects what nothing refers to any more and shrinks the heap, in a Node started without --expose-gc', () => {
    // In a Node of its own, as `astro build` is started: no flag, no global gc.
    const script = `
      import { releaseMemory } from ${JSON.stringify(MODULE)};
      import { getHeapStatistics } from 'node:v8';
      const mb = (bytes) => Math.round(bytes / 2 ** 20);
      let garbage = Array.from({ length: 1_500_000 }, (_, i) => ({ i, text: 'note ' + i }));
      const held = garbage.length;
      garbage = null;
      const before = getHeapStatistics();
      const released = releaseMemory();
      const after = getHeapStatistics();
      console.log(JSON.stringify({ held, released, hadGc: typeof globalThis.gc,
        usedBefore: mb(before.used_heap_size), usedAfter: mb(after.used_heap_size),
        physicalBefore: mb(before.total_physical_size), physicalAfter: mb(after.total_physical_size) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.held).toBe(1_500_000);
    expect(result.released).toBe(true);
    // The build's own globals are untouched: `gc` is taken from a context of its own.
    expect(result.hadGc).toBe('undefined');
    // About 120 MB of objects were garbage: the heap in use and the memory V8 holds both shrink.
    expect(result.usedBefore - result.usedAfter).toBeGreaterThan(60);
    expect(result.physicalBefore - result.physicalAfter).toBeGreaterThan(60);
  });
});
