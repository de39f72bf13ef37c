/**
 * The worker pool (src/loaders/worker-pool.ts) when a job goes wrong on a thread: a stack overflow
 * is a failed job of that note, and a thread that dies fails its own jobs and takes no more, so the
 * build reports the note instead of hanging or blaming the others.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { createWorkerPool, WorkerJobError, type WorkerPool } from '../../src/loaders/worker-pool.ts';
import type { ScanJob } from '../../src/lib/vault/read.ts';
import { TMP } from '../helpers/build.ts';

/** A stand-in for vault-worker.ts: overflows its stack, dies, or scans, as the job's Markdown says. */
const WORKER = `
import { parentPort } from 'node:worker_threads';
const deeper = (n) => deeper(n + 1) + 1;
parentPort.on('message', async (request) => {
  try {
    if (request.job?.markdown === 'overflow') deeper(0);
    if (request.job?.markdown === 'die') process.exit(3);
    parentPort.postMessage({ kind: 'scanned', id: request.id, scan: { markdown: request.job?.markdown } });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', id: request.id, message: error.message });
  }
});
`;

const job = (markdown: string) => ({ vaultPath: 'A.md', markdown, reserved: [], terms: false }) as unknown as ScanJob;
const pools: WorkerPool[] = [];

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

function pool(size: number): WorkerPool {
  mkdirSync(TMP, { recursive: true });
  const file = join(TMP, 'worker-pool-stand-in.mjs');
  writeFileSync(file, WORKER);
  const created = createWorkerPool(pathToFileURL(file), size);
  pools.push(created);
  return created;
}

it('fails the job of a note that overflows the stack, and carries on', async () => {
  const workers = pool(1);
  await expect(workers.scan(job('overflow'))).rejects.toThrow(/Maximum call stack/);
  await expect(workers.scan(job('fine'))).resolves.toEqual({ markdown: 'fine' });
});

it('fails the jobs of a thread that dies, sends it no more, and keeps the other threads working', async () => {
  const workers = pool(2);
  await expect(workers.scan(job('die'))).rejects.toBeInstanceOf(WorkerJobError);
  const after = await Promise.all([1, 2, 3].map((n) => workers.scan(job(`note ${n}`))));
  expect(after).toEqual([{ markdown: 'note 1' }, { markdown: 'note 2' }, { markdown: 'note 3' }]);
});

it('fails, rather than waits forever, when every thread has died', async () => {
  const workers = pool(1);
  await expect(workers.scan(job('die'))).rejects.toThrow(/stopped/);
  await expect(workers.scan(job('late'))).rejects.toThrow(/stopped/);
});
