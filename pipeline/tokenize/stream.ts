// Documents in corpus order with their tokens: from the cache when the text and tokenizer are unchanged,
// otherwise tokenized — in worker threads when --workers > 1 — and cached. At most a few documents per
// worker are in flight, so memory does not grow with the corpus. `processCorpus` is the ordered
// machinery; the tag stage uses it to run tokenizing, matching and stance together in its workers.
import type { Context } from '../lib/context.ts';
import type { Document, TokenizedDocument } from '../lib/types.ts';
import { loadDocument, textSource, type CorpusEntry, type CorpusIndex, type TextSource } from '../ingest/read.ts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, diag } from '../lib/diagnostics.ts';
import { sha256 } from '../lib/io.ts';
import { createWorkerPool, type WorkerPool } from '../lib/pool.ts';
import { displayPath } from '../ingest/read.ts';
import { readSegments, segmentation } from './segments.ts';
import { cachePath, readCached, writeCached } from './cache.ts';
import { tokenizeDocument, tokenizerId } from './index.ts';
import type { TokenizeJob } from './worker.ts';

export interface TokenizedItem {
  doc: Document;
  tokens: TokenizedDocument;
  cached: boolean;
  /** Set when the item is one segment of a very long text (see segments.ts). */
  segment?: Segment;
}

export interface Segment {
  base: number;
  index: number;
  last: boolean;
}

export interface TokenizeStats {
  /** Worker threads used (1: this thread only). */
  workers?: number;
  documents: number;
  cached: number;
  tokens: number;
  words: number;
  sentences: number;
}

/** One piece of work: a whole document, or one segment of a very long one. */
export interface Piece {
  doc: Document;
  /** The corpus index's entry of the document. */
  entry: CorpusEntry;
  segment?: Segment;
  /**
   * Set when the text is left to whoever processes the piece (a worker reads, decodes and checks it):
   * `doc.text` is then empty.
   */
  source?: TextSource;
}

async function tokenizeHere(cacheDir: string, doc: Document): Promise<TokenizedDocument> {
  const tokens = tokenizeDocument(doc.text, { docId: doc.meta.docId, lang: doc.meta.lang, textHash: doc.textHash });
  await writeCached(cacheDir, tokens);
  return tokens;
}

/**
 * Below this much text to work on, starting workers (each loads its modules, and the model when it
 * tokenizes) costs more than it saves. Tests lower it.
 */
export const workerPolicy = { minChars: 2_000_000 };

export function uncachedChars(corpus: CorpusIndex, cache: string): number {
  let n = 0;
  for (const e of corpus.entries) if (!existsSync(cachePath(cache, e.textHash, tokenizerId(e.meta.lang)))) n += e.chars;
  return n;
}

/**
 * The pieces of the corpus in order: very long UTF-8 texts (segmentation.from) come as segments. With
 * `lazy`, the texts of whole documents of a folder corpus are not read here (see Piece.source).
 */
function* pieces(corpus: CorpusIndex, segmented: boolean, lazy: boolean): Generator<Piece> {
  for (const entry of corpus.entries) {
    const single = !segmented || corpus.inlineTexts || entry.encoding || entry.chars < segmentation.from;
    if (single && lazy && !corpus.inlineTexts) {
      yield { doc: { meta: entry.meta, text: '', textHash: entry.textHash, encoding: entry.decodedAs }, entry, source: textSource(corpus, entry) };
      continue;
    }
    if (single) {
      yield { doc: loadDocument(corpus, entry), entry };
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
      yield { doc, entry, segment: { base: seg.base, index: index++, last: seg.last } };
    }
  }
}

/** At most this much text held by pieces in flight (segments of very long texts are 1 M characters each). */
export const IN_FLIGHT_CHARS = 8_000_000;

/**
 * `start(piece)` for every piece of the corpus, at most `inFlight` at a time (and no more than
 * IN_FLIGHT_CHARS of text loaded here), yielded in corpus order whatever order they finish in. `close`
 * runs at the end, also when the caller stops early or fails.
 */
export async function* processCorpus<R>(corpus: CorpusIndex, segmented: boolean, inFlight: number, start: (p: Piece) => Promise<R>, close?: () => Promise<void>, lazy = false): AsyncGenerator<{ piece: Piece; result: R }> {
  const queue: { piece: Piece; result: Promise<R> }[] = [];
  // A rejected promise waiting in the queue must not be reported as unhandled before its turn comes.
  const started = (piece: Piece) => {
    const result = start(piece);
    result.catch(() => undefined);
    return { piece, result };
  };
  let chars = 0;
  try {
    for (const piece of pieces(corpus, segmented, lazy)) {
      queue.push(started(piece));
      chars += piece.doc.text.length;
      while (queue.length >= inFlight || (chars > IN_FLIGHT_CHARS && queue.length > 1)) {
        const head = queue.shift()!;
        chars -= head.piece.doc.text.length;
        yield { piece: head.piece, result: await head.result };
      }
    }
    while (queue.length > 0) {
      const head = queue.shift()!;
      yield { piece: head.piece, result: await head.result };
    }
  } finally {
    await close?.();
  }
}

/** The worker count for a run: more than one only when there is enough work to pay for starting them. */
export function workerCount(ctx: Context, workChars: number): number {
  return ctx.options.workers > 1 && workChars >= workerPolicy.minChars ? ctx.options.workers : 1;
}

/**
 * Tokenized documents in corpus order. With `segmented`, a very long text comes as several items whose
 * tokens and text are its segments (offsets relative to the segment; `segment.base` shifts them back);
 * callers that can aggregate segments ask for this, the others get whole documents.
 */
export async function* tokenizeCorpus(ctx: Context, corpus: CorpusIndex, stats: TokenizeStats, segmented = false): AsyncGenerator<TokenizedItem> {
  const { cache } = ctx.options;
  const workers = workerCount(ctx, uncachedChars(corpus, cache));
  let pool: WorkerPool<TokenizeJob, TokenizedDocument> | undefined;
  const start = async ({ doc }: Piece): Promise<{ tokens: TokenizedDocument; cached: boolean }> => {
    const hit = readCached(cache, doc.meta.docId, doc.textHash, tokenizerId(doc.meta.lang));
    if (hit) return { tokens: hit, cached: true };
    if (workers === 1) return { tokens: await tokenizeHere(cache, doc), cached: false };
    pool ??= createWorkerPool<TokenizeJob, TokenizedDocument>(workers, 'tokenize', { cacheDir: cache });
    return { tokens: await pool.run({ text: doc.text, docId: doc.meta.docId, lang: doc.meta.lang, textHash: doc.textHash }), cached: false };
  };
  for await (const { piece, result } of processCorpus(corpus, segmented, Math.max(2, workers * 4), start, async () => pool?.close())) {
    const { tokens, cached } = result;
    tokens.docId = piece.doc.meta.docId;
    countPiece(stats, piece, cached, { sentences: tokens.sentenceEnds.length, tokens: tokens.types.length, words: tokens.words });
    yield { doc: piece.doc, tokens, cached, segment: piece.segment };
  }
}

export function countPiece(stats: TokenizeStats, piece: Piece, cached: boolean, c: { sentences: number; tokens: number; words: number }): void {
  if (!piece.segment || piece.segment.last) stats.documents++;
  if (cached) stats.cached++;
  stats.tokens += c.tokens;
  stats.words += c.words;
  stats.sentences += c.sentences;
}
