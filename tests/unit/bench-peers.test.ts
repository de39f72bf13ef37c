import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildArgs, nodePeakMb, siteBuild } from '../../bench/lib/astro-build.mjs';
import { groupRss, sampleGroupPeak } from '../../bench/lib/group-rss.mjs';
import { farmReport, parsePeerTable, peerRatios, PEER_NAMES } from '../../bench/lib/peers.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
const SHARED_BENCH = resolve(PROJECT_ROOT, '..', 'shared', 'bench');

// As ../shared/bench/report.mjs writes it (one row cut short of its last columns where they do not matter).
const TABLE = `| Peer | Notes | Wall s, median [min–max] (runs) | Peak RSS MiB | HTML pages | Output MB | JS on a note page: files KB (gzip KB) + inline KB; external | Search index MB (data only) | Unpublished leak: pages / index files |
| --- | ---: | --- | ---: | ---: | ---: | --- | --- | --- |
| Hugo + Pagefind | 1000 | 3.10 [3.00–3.20] (3) | 210 | 910 | 12.0 | 0 (0) + 0.0 | 4.0 (3.9) | 0 / 0 |
| Astro 7 bare, Sätteri Markdown + Pagefind | 1000 | 12.50 [12.10–13.00] (3) | 900 | 899 | 10.0 | 0 (0) + 0.0 | 4.1 (4.0) | 0 / 0 |
| Astro 7 bare, Sätteri Markdown + Pagefind | 5000 | 42.60 [41.00–44.00] (3) | 1989 | 4494 | 48.8 | 0 (0) + 0.0 | 17.5 (17.0) | 0 / 0 |
| Quartz 4 (no OG images) | 1000 | 24.60 [24.00–25.00] (3) | 1200 | 920 | 50.0 | 12 (4) + 1.0 | 3.0 (gzip 1.0) | 0 / 0 |
| Quartz 4 (no OG images) | 5000 | skipped (projected 700s/run) | | | | | | |
| this project | 1000 | 34.50 [33.00–36.00] (3) | 1800 | 1481 | 60.0 | 30 (10) + 0.5 | 4.4 (4.2) | 0 / 0 |
| this project | 5000 | 127.80 [120.00–130.00] (3; exit 1,0) | 3823 | 7246 | 305.0 | 30 (10) + 0.5 | 19.2 (19.0) | 0 / 0 |`;

describe('parsePeerTable', () => {
  it('reads peer, size, median wall time, peak memory and output size', () => {
    const rows = parsePeerTable(TABLE);
    expect(rows).toHaveLength(7);
    expect(rows[1]).toEqual({ peer: PEER_NAMES.floor, notes: 1000, wallS: 12.5, peakMib: 900, outputMb: 10 });
    expect(rows[4]).toEqual({ peer: PEER_NAMES.quartz, notes: 5000, wallS: null, peakMib: null, outputMb: null });
    expect(rows[6]).toMatchObject({ peer: PEER_NAMES.main, notes: 5000, wallS: 127.8, peakMib: 3823, outputMb: 305 });
  });

  it('reads nothing from an empty or missing table', () => {
    expect(parsePeerTable('')).toEqual([]);
  });
});

describe('peerRatios', () => {
  it('divides this project by bare Astro on Sätteri and by Quartz without OG images, where both were measured', () => {
    const ratios = peerRatios(parsePeerTable(TABLE)).map((ratio) => [ratio.notes, ratio.name, ratio.value.toFixed(2)]);
    expect(ratios).toEqual([
      [1000, 'this project / bare Astro (Sätteri): time', '2.76'],
      [1000, 'this project / bare Astro (Sätteri): output bytes', '6.00'],
      [1000, 'this project / Quartz (no OG images): time', '1.40'],
      [5000, 'this project / bare Astro (Sätteri): time', '3.00'],
      [5000, 'this project / bare Astro (Sätteri): output bytes', '6.25'],
    ]);
  });
});

describe('farmReport', () => {
  const runs = [
    { wallS: 30, peakMib: 1500, exit: 0 },
    { wallS: 10, peakMib: 1700.4, exit: 0 },
    { wallS: 20, peakMib: 1600, exit: 0 },
  ];

  it("writes the lines run-peers.sh reads: the median wall time as the line's fifth field, all runs exiting 0", () => {
    const lines = farmReport(runs).split('\n');
    const wall = lines.find((line) => line.startsWith('A wall s'))!;
    expect(wall.split(/\s+/)[4]).toBe('20.00');
    expect(lines).toContain('A exit 0 (3 of 3)');
    expect(lines).toContain('A peak MiB 1500.00 1600.00 1700.40');
  });

  it('says which exit codes a failing run had', () => {
    expect(farmReport([...runs.slice(0, 2), { wallS: 5, peakMib: 9, exit: 137 }])).toContain('A exit 0,137 (2 of 3)');
  });

  const dir = mkdtempSync(join(tmpdir(), 'bench-peers-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read by the shared report.mjs into the table parsePeerTable reads back', () => {
    // A one-page built site for measure.mjs, then report.mjs over the results folder, as run-peers.sh does.
    const site = join(dir, 'site');
    const results = join(dir, 'results');
    mkdirSync(join(site, 'pagefind'), { recursive: true });
    mkdirSync(results);
    writeFileSync(join(site, 'index.html'), '<html><head><title>Siege of Wenoford</title></head><body>A note</body></html>');
    writeFileSync(join(site, 'pagefind', 'pagefind.js'), 'export {};');
    writeFileSync(join(results, 'main-300.farm.txt'), farmReport(runs));
    const measured = execFileSync(process.execPath, [join(SHARED_BENCH, 'measure.mjs'), site, '--title', 'Siege of Wenoford']);
    writeFileSync(join(results, 'main-300.json'), measured);
    const table = execFileSync(process.execPath, [join(SHARED_BENCH, 'report.mjs'), results], { encoding: 'utf8' });
    expect(parsePeerTable(table)).toEqual([{ peer: PEER_NAMES.main, notes: 300, wallS: 20, peakMib: 1600, outputMb: 0 }]);
    expect(table).toContain('20.00 [10.00–30.00] (3)');
  });
});

describe('groupRss and sampleGroupPeak (the bench counts every process of a build)', () => {
  it('sums the resident memory of a process group, its children included', async () => {
    // A parent that starts a child holding 64 MB: both sit in the parent's process group.
    const script = `const { spawn } = require('node:child_process');
      spawn(process.execPath, ['-e', 'const b = Buffer.alloc(64 * 2 ** 20, 1); setTimeout(() => b.length, 4000)'], { stdio: 'ignore' });
      setTimeout(() => {}, 4000);`;
    const parent = spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' });
    const pgid = parent.pid as number;
    const sampler = sampleGroupPeak(pgid, 50);
    try {
      // Wait until the child has filled its buffer.
      let sum = 0;
      for (let tries = 0; tries < 60 && sum < 100 * 2 ** 20; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        sum = groupRss(pgid);
      }
      // Two Node processes (about 40 MB each) and the child's 64 MB.
      expect(sum).toBeGreaterThan(100 * 2 ** 20);
      // The sampler, every 50 ms, saw it too.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sampler.stop()).toBeGreaterThan(100 * 2 ** 20);
    } finally {
      process.kill(-pgid, 'SIGKILL');
    }
    expect(groupRss(2 ** 22 + 7)).toBe(0);
  });
});

describe('astroBuildArgs, siteBuild and report-build.mjs (the bench runs the build commands)', () => {
  it('runs astro.mjs build with the report preloaded, after the given Node flags', () => {
    const args = astroBuildArgs(['--cpu-prof']);
    expect(args[0]).toBe('--cpu-prof');
    expect(args.slice(-2)).toEqual([join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
  });

  it("reports Node's own peak memory as the last line of a process that exits with 0, and nothing otherwise", () => {
    const [, preload] = astroBuildArgs();
    const run = (code: string) =>
      spawnSync(process.execPath, ['--import', preload as string, '-e', code], { encoding: 'utf8' }).stdout;
    // A process that holds 64 MB peaks above it.
    const ok = run("const b = Buffer.alloc(64 * 2 ** 20, 1); console.log('log line'); b.length");
    expect(nodePeakMb(ok)).toBeGreaterThan(64);
    expect(ok.startsWith('log line')).toBe(true);
    expect(nodePeakMb(run("console.log('log line'); process.exit(1)"))).toBeUndefined();
  });

  it("reports the largest Node process of the site's build, which runs Astro in a process of its own", () => {
    const { args, env } = siteBuild();
    expect(args).toEqual([join(PROJECT_ROOT, 'src', 'cli', 'build.ts')]);
    // A parent holding 8 MB waits for a child holding 96 MB; both are preloaded through NODE_OPTIONS.
    const child = 'const b = Buffer.alloc(96 * 2 ** 20, 1); b.length';
    const parent = `const b = Buffer.alloc(8 * 2 ** 20, 1); require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' }); b.length`;
    const out = spawnSync(process.execPath, ['-e', parent], { encoding: 'utf8', env: { ...process.env, ...env } }).stdout;
    expect(out.match(/benchBuild/g)).toHaveLength(2);
    expect(nodePeakMb(out)).toBeGreaterThan(96);
  });
});
