// A tokenizer worker: receives texts, tokenizes them, writes the cache entry, and sends the columnar
// tokens back (typed arrays transferred, not copied).
import { workerData } from 'node:worker_threads';
import type { Lang, TokenizedDocument } from '../lib/types.ts';
import { serveJobs } from '../lib/pool.ts';
import { writeCached } from './cache.ts';
import { tokenizeDocument } from './index.ts';

export interface TokenizeJob {
  text: string;
  docId: string;
  lang: Lang;
  textHash: string;
}

const { cacheDir } = (workerData as { data: { cacheDir: string } }).data;

serveJobs<TokenizeJob, TokenizedDocument>(async (job) => {
  const doc = tokenizeDocument(job.text, { docId: job.docId, lang: job.lang, textHash: job.textHash });
  await writeCached(cacheDir, doc);
  return { result: doc, transfer: [doc.types.buffer, doc.starts.buffer, doc.ends.buffer, doc.kinds.buffer, doc.pos.buffer, doc.sentenceEnds.buffer] as ArrayBuffer[] };
});
