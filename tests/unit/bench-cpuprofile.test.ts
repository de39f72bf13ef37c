import { describe, expect, it } from 'vitest';
import {
  functionOf,
  moduleOf,
  selfTimeTable,
  summariseProfiles,
  type CallFrame,
  type CpuProfile,
} from '../../bench/lib/cpuprofile.ts';

const ROOT = '/home/me/garden';
const frame = (functionName: string, url = '', lineNumber = 0): CallFrame => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
});

/** root → render (project) → tokenize (micromark); GC and idle beside. */
function profile(samples: number[], timeDeltas: number[], endTime: number): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
      { id: 2, callFrame: frame('render', `file://${ROOT}/src/lib/render.ts`, 9), children: [3] },
      { id: 3, callFrame: frame('tokenize', `file://${ROOT}/node_modules/micromark/lib/create-tokenizer.js`, 399) },
      { id: 4, callFrame: frame('(garbage collector)') },
      { id: 5, callFrame: frame('(idle)') },
    ],
    startTime: 0,
    endTime,
    samples,
    timeDeltas,
  };
}

describe('summariseProfiles', () => {
  it('gives each sample the time until the next one, and the last the mean', () => {
    // Samples at 0, 1000, 3000, 3500 µs; the profile lasts 4000 µs (mean 1000 µs a sample).
    const summary = summariseProfiles([profile([2, 3, 3, 4], [0, 1000, 2000, 500], 4000)], ROOT);
    expect(summary.functions).toEqual([
      { name: 'tokenize node_modules/micromark/lib/create-tokenizer.js:400', selfMs: 2.5, share: 2.5 / 4.5 },
      // Ties by name.
      { name: '(garbage collector)', selfMs: 1, share: 1 / 4.5 },
      { name: 'render src/lib/render.ts:10', selfMs: 1, share: 1 / 4.5 },
    ]);
    expect(summary.totalMs).toBe(4.5);
  });

  it('leaves idle time out and sums threads by module', () => {
    const main = profile([2, 5, 5, 3], [0, 1000, 1000, 1000], 4000);
    const worker = profile([3, 3], [0, 2000], 4000);
    const summary = summariseProfiles([main, worker], ROOT);
    expect(summary.functions.map((row) => row.name)).not.toContain('(idle)');
    // micromark: 1000 (last sample of main, the mean) + 2000 + 2000 (the worker's last, its mean).
    expect(summary.modules).toEqual([
      { name: 'micromark', selfMs: 5, share: 5 / 6 },
      { name: 'src/lib/render.ts', selfMs: 1, share: 1 / 6 },
    ]);
  });

  it('spreads the duration over hit counts when a profile has no samples', () => {
    const bare: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), hitCount: 0 },
        { id: 2, callFrame: frame('a', `file://${ROOT}/src/a.ts`), hitCount: 3 },
        { id: 3, callFrame: frame('b', `file://${ROOT}/src/b.ts`), hitCount: 1 },
      ],
      startTime: 1000,
      endTime: 9000,
    };
    expect(summariseProfiles([bare], ROOT).functions.map((row) => [row.name, row.selfMs])).toEqual([
      ['a src/a.ts:1', 6],
      ['b src/b.ts:1', 2],
    ]);
  });
});

describe('moduleOf and functionOf', () => {
  it('names packages, project files, Node internals and V8 pseudo-frames', () => {
    expect(moduleOf(frame('f', `file://${ROOT}/node_modules/@astrojs/markdown-satteri/dist/x.js`), ROOT)).toBe(
      '@astrojs/markdown-satteri',
    );
    expect(moduleOf(frame('f', `file://${ROOT}/node_modules/a/node_modules/yaml/dist/x.js`), ROOT)).toBe('yaml');
    expect(moduleOf(frame('f', `file://${ROOT}/src/lib/vault.ts`), ROOT)).toBe('src/lib/vault.ts');
    expect(moduleOf(frame('f', 'node:internal/modules/esm/utils'), ROOT)).toBe('node:internal/modules/esm/utils');
    expect(moduleOf(frame('(garbage collector)'), ROOT)).toBe('(garbage collector)');
    expect(moduleOf(frame('postMessage'), ROOT)).toBe('(native)');
  });

  it("drops the content hash of Astro's chunks, so two runs compare", () => {
    const chunk = frame('renderChild', `file://${ROOT}/.astro/.prerender/chunks/jsx-runtime_BCJ7Ueue.mjs`, 1328);
    expect(moduleOf(chunk, ROOT)).toBe('.astro/.prerender/chunks/jsx-runtime.mjs');
    expect(functionOf(chunk, ROOT)).toBe('renderChild .astro/.prerender/chunks/jsx-runtime.mjs:1329');
    expect(functionOf(frame('', `file://${ROOT}/src/a.ts`, 4), ROOT)).toBe('(anonymous) src/a.ts:5');
  });
});

describe('selfTimeTable', () => {
  it('writes the first rows as a Markdown table', () => {
    const rows = [
      { name: 'a|b', selfMs: 1234.4, share: 0.5 },
      { name: 'c', selfMs: 10, share: 0.25 },
    ];
    expect(selfTimeTable('function', rows, 1)).toBe(
      ['| # | function | self ms | share |', '| ---: | --- | ---: | ---: |', '| 1 | `a\\|b` | 1234 | 50.0 % |'].join('\n'),
    );
  });
});
