// Documents in corpus order with their tokens: from the cache when the text and tokenizer are unchanged,
// otherwise tokenized — in worker threads when --workers > 1 — and cached. At most a few documents per
// worker are in flight, so memory does not grow with the corpus.
import type { Context } from '../lib/context.ts';
import type { Document, TokenizedDocument } from '../lib/types.ts';
import { loadDocument, type CorpusIndex } from '../ingest/read.ts';
import { existsSync } from 'node:fs';
import { cachePath, readCached, writeCached } from './cache.ts';
import { tokenizeDocument, tokenizerId } from './index.ts';
import { createTokenizerPool, type TokenizerPool } from './pool.ts';

export interface TokenizedItem {
  doc: Document;
  tokens: TokenizedDocument;
  cached: boolean;
}

export interface TokenizeStats {
  documents: number;
  cached: number;
  tokens: number;
  words: number;
  sentences: number;
}

async function tokenizeHere(cacheDir: string, doc: Document): Promise<TokenizedDocument> {
  const tokens = tokenizeDocument(doc.text, { docId: doc.meta.docId, lang: doc.meta.lang, textHash: doc.textHash });
  await writeCached(cacheDir, tokens);
  return tokens;
}

/** Below this much text to tokenize, starting workers (each loads the model) costs more than it saves. */
export const WORKER_THRESHOLD_CHARS = 2_000_000;

function uncachedChars(corpus: CorpusIndex, cache: string): number {
  let n = 0;
  for (const e of corpus.entries) if (!existsSync(cachePath(cache, e.textHash, tokenizerId(e.meta.lang)))) n += e.chars;
  return n;
}

export async function* tokenizeCorpus(ctx: Context, corpus: CorpusIndex, stats: TokenizeStats): AsyncGenerator<TokenizedItem> {
  const { cache } = ctx.options;
  const workers = ctx.options.workers > 1 && uncachedChars(corpus, cache) >= WORKER_THRESHOLD_CHARS ? ctx.options.workers : 1;
  let pool: TokenizerPool | undefined;
  const queue: { doc: Document; cached: boolean; tokens: Promise<TokenizedDocument> }[] = [];
  const inFlight = Math.max(2, workers * 4);
  const take = async (): Promise<TokenizedItem> => {
    const head = queue.shift()!;
    const tokens = await head.tokens;
    tokens.docId = head.doc.meta.docId;
    stats.documents++;
    if (head.cached) stats.cached++;
    stats.tokens += tokens.types.length;
    stats.words += tokens.words;
    stats.sentences += tokens.sentenceEnds.length;
    return { doc: head.doc, tokens, cached: head.cached };
  };
  try {
    for (const entry of corpus.entries) {
      const doc = loadDocument(corpus, entry);
      const hit = readCached(cache, entry.meta.docId, doc.textHash, tokenizerId(entry.meta.lang));
      if (hit) queue.push({ doc, cached: true, tokens: Promise.resolve(hit) });
      else if (workers > 1) {
        pool ??= createTokenizerPool(workers, cache);
        queue.push({ doc, cached: false, tokens: pool.tokenize({ text: doc.text, docId: doc.meta.docId, lang: doc.meta.lang, textHash: doc.textHash }) });
      } else queue.push({ doc, cached: false, tokens: tokenizeHere(cache, doc) });
      while (queue.length >= inFlight) yield await take();
    }
    while (queue.length > 0) yield await take();
  } finally {
    await pool?.close();
  }
}
