// A pool of tokenizer workers. Jobs go to the least busy worker; results come back as promises, and the
// caller keeps corpus order, so output is identical to a one-worker run.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { TokenizedDocument } from '../lib/types.ts';
import type { TokenizeJob } from './worker.ts';

const ENTRY = fileURLToPath(new URL('../../bin/worker.js', import.meta.url));
const MODULE = new URL('./worker.ts', import.meta.url).href;

interface Slot {
  worker: Worker;
  busy: number;
}

export interface TokenizerPool {
  tokenize(job: Omit<TokenizeJob, 'id'>): Promise<TokenizedDocument>;
  close(): Promise<void>;
}

export function createTokenizerPool(size: number, cacheDir: string): TokenizerPool {
  const pending = new Map<number, { resolve: (d: TokenizedDocument) => void; reject: (e: Error) => void; slot: Slot }>();
  let nextId = 0;
  const slots: Slot[] = Array.from({ length: size }, () => {
    const worker = new Worker(ENTRY, { workerData: { module: MODULE, cacheDir } });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (msg: { id: number; doc?: TokenizedDocument; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      p.slot.busy--;
      if (msg.error) p.reject(new Error(`tokenizer worker failed: ${msg.error}`));
      else p.resolve(msg.doc!);
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
    tokenize(job) {
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, slot });
        slot.worker.postMessage({ ...job, id });
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
