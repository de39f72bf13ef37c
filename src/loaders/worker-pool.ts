/**
 * A pool of vault workers (vault-worker.ts). Scanning and rendering are most of a large build's
 * time, and one thread does it all otherwise; each job goes to the least busy worker. The pool is
 * closed after each load, so no thread outlives the build.
 */
import { Worker } from 'node:worker_threads';
import type { ScanJob, StoredScan } from '../lib/vault/read.ts';
import type { RenderSetup, WorkerReply, WorkerRequest } from './vault-worker.ts';

export interface RenderedBody {
  code: string;
  metadata: Record<string, unknown>;
}

/** A job a worker could not do, with the line of the note where the parser knows it. */
export class WorkerJobError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface WorkerPool {
  readonly size: number;
  /** Tells every worker the glossary, before scans. */
  setupScans(terms: Extract<WorkerRequest, { kind: 'scan-setup' }>['terms']): Promise<void>;
  scan(job: ScanJob): Promise<StoredScan>;
  /** Tells every worker the vault's link context, before renders. */
  setupRenders(setup: RenderSetup): Promise<void>;
  render(markdown: string, fileURL: URL): Promise<RenderedBody>;
  close(): Promise<void>;
}

export function createWorkerPool(workerFile: URL, size: number): WorkerPool {
  const pending = new Map<number, { worker: Worker; resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  const busy = new Map<Worker, number>();
  const stopped = new Map<Worker, Error>();
  let nextId = 0;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(workerFile);
    busy.set(worker, 0);
    worker.on('message', (reply: WorkerReply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      busy.set(worker, (busy.get(worker) ?? 1) - 1);
      if (reply.kind === 'failed') job?.reject(new WorkerJobError(reply.message, reply.line));
      else job?.resolve(reply);
    });
    // A worker that dies (it could not load, or ran out of memory) fails the jobs it had, and no more
    // are sent to it: the others carry on, so one note cannot stall or fail the rest.
    const stop = (error: Error) => {
      stopped.set(worker, error);
      for (const [id, job] of pending) {
        if (job.worker !== worker) continue;
        pending.delete(id);
        job.reject(error);
      }
    };
    worker.on('error', stop);
    worker.on('exit', (code) => stop(new WorkerJobError(`the render thread stopped (exit code ${code})`)));
    return worker;
  });

  const send = (worker: Worker, request: Request): Promise<WorkerReply> => {
    const error = stopped.get(worker);
    if (error) return Promise.reject(error);
    const id = nextId++;
    busy.set(worker, (busy.get(worker) ?? 0) + 1);
    return new Promise((resolve, reject) => {
      pending.set(id, { worker, resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  const leastBusy = () => {
    const running = workers.filter((worker) => !stopped.has(worker));
    // With every thread stopped, send() rejects with the first one's error.
    return running.reduce(
      (best, worker) => ((busy.get(worker) ?? 0) < (busy.get(best) ?? 0) ? worker : best),
      running[0] ?? (workers[0] as Worker),
    );
  };
  const toAll = async (request: Request) => {
    await Promise.all(workers.filter((worker) => !stopped.has(worker)).map((worker) => send(worker, request)));
  };

  return {
    size,
    setupScans: (terms) => toAll({ kind: 'scan-setup', terms }),
    async scan(job) {
      const reply = await send(leastBusy(), { kind: 'scan', job });
      return (reply as Extract<WorkerReply, { kind: 'scanned' }>).scan;
    },
    setupRenders: (setup) => toAll({ kind: 'render-setup', setup }),
    async render(markdown, fileURL) {
      const reply = (await send(leastBusy(), { kind: 'render', markdown, fileURL: fileURL.href })) as Extract<
        WorkerReply,
        { kind: 'rendered' }
      >;
      return { code: reply.code, metadata: reply.metadata };
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
