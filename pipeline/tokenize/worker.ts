// A tokenizer worker: receives texts, tokenizes them, writes the cache entry, and sends the columnar
// tokens back (typed arrays transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../lib/types.ts';
import { writeCached } from './cache.ts';
import { tokenizeDocument } from './index.ts';

export interface TokenizeJob {
  id: number;
  text: string;
  docId: string;
  lang: Lang;
  textHash: string;
}

const cacheDir = (workerData as { cacheDir: string }).cacheDir;

parentPort!.on('message', async (job: TokenizeJob) => {
  try {
    const doc = tokenizeDocument(job.text, { docId: job.docId, lang: job.lang, textHash: job.textHash });
    await writeCached(cacheDir, doc);
    parentPort!.postMessage({ id: job.id, doc }, [doc.types.buffer, doc.starts.buffer, doc.ends.buffer, doc.kinds.buffer, doc.pos.buffer, doc.sentenceEnds.buffer] as ArrayBuffer[]);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).stack ?? String(e) });
  }
});
