// A pool of worker threads running one module. Jobs go to the least busy worker; results come back as
// promises, and callers keep their own order, so output never depends on which worker finished first.
// The worker side is `serveJobs`: one handler, whose result may name buffers to transfer, not copy.
import { parentPort, Worker } from 'node:worker_threads';
import { DataError } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';
import { workerEntry, type WorkerName } from './where.ts';

interface Slot {
  worker: Worker;
  busy: number;
}

export interface WorkerPool<J, R> {
  run(job: J): Promise<R>;
  close(): Promise<void>;
}

/** `name` picks the worker module (see where.ts); `data` reaches it as `workerData.data`. */
export function createWorkerPool<J, R>(size: number, name: WorkerName, data: unknown): WorkerPool<J, R> {
  const { entry, module } = workerEntry(name);
  const pending = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void; slot: Slot }>();
  let nextId = 0;
  const slots: Slot[] = Array.from({ length: size }, () => {
    const worker = new Worker(entry, { workerData: { module, data } });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (msg: { id: number; result?: R; error?: string; problems?: Diagnostic[] }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      p.slot.busy--;
      if (msg.problems) p.reject(new DataError(msg.problems));
      else if (msg.error !== undefined) p.reject(new Error(`${name} worker failed: ${msg.error}`));
      else p.resolve(msg.result!);
    });
    worker.on('error', (e) => {
      for (const [id, p] of pending) if (p.slot === slot) {
        pending.delete(id);
        p.reject(e);
      }
    });
    return slot;
  });
  return {
    run(job) {
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, slot });
        slot.worker.postMessage({ id, job });
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

export interface Served<R> {
  result: R;
  transfer?: ArrayBuffer[];
}

/**
 * In a worker: answer each job with `handle`. A problem with the data (a DataError) crosses back as its
 * diagnostics, reported like any other; any other exception is a bug, sent back with its stack.
 */
export function serveJobs<J, R>(handle: (job: J) => Promise<Served<R>>): void {
  parentPort!.on('message', async ({ id, job }: { id: number; job: J }) => {
    try {
      const { result, transfer } = await handle(job);
      parentPort!.postMessage({ id, result }, transfer ?? []);
    } catch (e) {
      if (e instanceof DataError) parentPort!.postMessage({ id, problems: e.diagnostics });
      else parentPort!.postMessage({ id, error: (e as Error).stack ?? String(e) });
    }
  });
}
