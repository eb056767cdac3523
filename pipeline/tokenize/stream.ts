// Documents in corpus order with their tokens: from the cache when the text and tokenizer are unchanged,
// otherwise tokenized — in worker threads when --workers > 1 — and cached. At most a few documents per
// worker are in flight, so memory does not grow with the corpus.
import type { Context } from '../lib/context.ts';
import type { Document, TokenizedDocument } from '../lib/types.ts';
import { loadDocument, type CorpusIndex } from '../ingest/read.ts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, diag } from '../lib/diagnostics.ts';
import { sha256 } from '../lib/io.ts';
import { displayPath } from '../ingest/read.ts';
import { readSegments, segmentation } from './segments.ts';
import { cachePath, readCached, writeCached } from './cache.ts';
import { tokenizeDocument, tokenizerId } from './index.ts';
import { createTokenizerPool, type TokenizerPool } from './pool.ts';

export interface TokenizedItem {
  doc: Document;
  tokens: TokenizedDocument;
  cached: boolean;
  /** Set when the item is one segment of a very long text (see segments.ts). */
  segment?: { base: number; index: number; last: boolean };
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

/** One piece of work: a whole document, or one segment of a very long one. */
interface Piece {
  doc: Document;
  segment?: { base: number; index: number; last: boolean };
}

/** The pieces of the corpus in order: very long UTF-8 texts (segmentation.from) come as segments. */
function* pieces(corpus: CorpusIndex, segmented: boolean): Generator<Piece> {
  for (const entry of corpus.entries) {
    if (!segmented || corpus.inlineTexts || entry.encoding || entry.chars < segmentation.from) {
      yield { doc: loadDocument(corpus, entry) };
      continue;
    }
    const whole = createHash('sha256');
    let index = 0;
    for (const seg of readSegments(join(corpus.path, entry.file))) {
      whole.update(seg.text, 'utf8');
      if (seg.last && whole.digest('hex') !== entry.textHash) {
        throw new DataError([diag(displayPath(join(corpus.path, entry.file)), undefined, 'error', `the text of doc_id \`${entry.meta.docId}\` changed while qantar was running; run again when the corpus is no longer being edited`, 'corpus/changed-during-run')]);
      }
      const doc = { meta: entry.meta, text: seg.text, textHash: sha256(seg.text), encoding: entry.decodedAs };
      yield { doc, segment: { base: seg.base, index: index++, last: seg.last } };
    }
  }
}

/**
 * Tokenized documents in corpus order. With `segmented`, a very long text comes as several items whose
 * tokens and text are its segments (offsets relative to the segment; `segment.base` shifts them back);
 * callers that can aggregate segments ask for this, the others get whole documents.
 */
export async function* tokenizeCorpus(ctx: Context, corpus: CorpusIndex, stats: TokenizeStats, segmented = false): AsyncGenerator<TokenizedItem> {
  const { cache } = ctx.options;
  const workers = ctx.options.workers > 1 && uncachedChars(corpus, cache) >= WORKER_THRESHOLD_CHARS ? ctx.options.workers : 1;
  let pool: TokenizerPool | undefined;
  const queue: (Piece & { cached: boolean; tokens: Promise<TokenizedDocument> })[] = [];
  const inFlight = Math.max(2, workers * 4);
  const take = async (): Promise<TokenizedItem> => {
    const head = queue.shift()!;
    const tokens = await head.tokens;
    tokens.docId = head.doc.meta.docId;
    if (!head.segment || head.segment.last) stats.documents++;
    if (head.cached) stats.cached++;
    stats.tokens += tokens.types.length;
    stats.words += tokens.words;
    stats.sentences += tokens.sentenceEnds.length;
    return { doc: head.doc, tokens, cached: head.cached, segment: head.segment };
  };
  try {
    for (const piece of pieces(corpus, segmented)) {
      const { doc } = piece;
      const hit = readCached(cache, doc.meta.docId, doc.textHash, tokenizerId(doc.meta.lang));
      if (hit) queue.push({ ...piece, cached: true, tokens: Promise.resolve(hit) });
      else if (workers > 1) {
        pool ??= createTokenizerPool(workers, cache);
        queue.push({ ...piece, cached: false, tokens: pool.tokenize({ text: doc.text, docId: doc.meta.docId, lang: doc.meta.lang, textHash: doc.textHash }) });
      } else queue.push({ ...piece, cached: false, tokens: tokenizeHere(cache, doc) });
      while (queue.length >= inFlight) yield await take();
    }
    while (queue.length > 0) yield await take();
  } finally {
    await pool?.close();
  }
}
