/**
 * A pool of render workers (src/markdown/render-worker.ts). Rendering is most of a large build's
 * time and one thread does it all otherwise; jobs go to whichever worker is free. The pool is
 * closed after each load, so no thread outlives the build.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest, WorkerSetup } from '../markdown/render-worker.ts';

export interface RenderedBody {
  code: string;
  metadata: Record<string, unknown>;
}

export class RenderError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

export interface RenderPool {
  readonly size: number;
  render(markdown: string, fileURL: URL): Promise<RenderedBody>;
  close(): Promise<void>;
}

export async function createRenderPool(workerFile: URL, size: number, setup: WorkerSetup): Promise<RenderPool> {
  const pending = new Map<number, { resolve: (body: RenderedBody) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const workers = await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = new Worker(workerFile);
      await new Promise<void>((ready, fail) => {
        worker.once('error', fail);
        worker.once('message', (reply: WorkerReply) =>
          reply.kind === 'ready' ? ready() : fail(new Error((reply as { message: string }).message)),
        );
        worker.postMessage({ kind: 'setup', setup } satisfies WorkerRequest);
      });
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'ready') return;
        const job = pending.get(reply.id);
        pending.delete(reply.id);
        busy.set(worker, (busy.get(worker) ?? 1) - 1);
        if (reply.kind === 'rendered') job?.resolve({ code: reply.code, metadata: reply.metadata });
        else job?.reject(new RenderError(reply.message, reply.line));
      });
      worker.on('error', (error: Error) => {
        for (const job of pending.values()) job.reject(error);
        pending.clear();
      });
      return worker;
    }),
  );
  const busy = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
  return {
    size,
    render(markdown, fileURL) {
      const id = nextId++;
      // The least busy worker takes the job; jobs of uneven size even out.
      const worker = workers.reduce((best, candidate) => ((busy.get(candidate) ?? 0) < (busy.get(best) ?? 0) ? candidate : best));
      busy.set(worker, (busy.get(worker) ?? 0) + 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ kind: 'render', id, markdown, fileURL: fileURL.href } satisfies WorkerRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
