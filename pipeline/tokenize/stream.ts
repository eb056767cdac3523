// Documents in corpus order with their tokens: from the cache when the text and tokenizer are unchanged,
// otherwise tokenized (in worker threads when there is more than one worker) and cached.
import type { Context } from '../lib/context.ts';
import type { Document, TokenizedDocument } from '../lib/types.ts';
import { loadDocument, type CorpusIndex } from '../ingest/read.ts';
import { readCached, writeCached } from './cache.ts';
import { tokenizeDocument, tokenizerId } from './index.ts';

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

export async function* tokenizeCorpus(ctx: Context, corpus: CorpusIndex, stats: TokenizeStats): AsyncGenerator<TokenizedItem> {
  for (const entry of corpus.entries) {
    const doc = loadDocument(corpus, entry);
    const tokenizer = tokenizerId(entry.meta.lang);
    let tokens = readCached(ctx.options.cache, entry.meta.docId, doc.textHash, tokenizer);
    const cached = tokens !== undefined;
    if (!tokens) {
      tokens = tokenizeDocument(doc.text, { docId: entry.meta.docId, lang: entry.meta.lang, textHash: doc.textHash });
      await writeCached(ctx.options.cache, tokens);
    }
    stats.documents++;
    if (cached) stats.cached++;
    stats.tokens += tokens.types.length;
    stats.words += tokens.words;
    stats.sentences += tokens.sentenceEnds.length;
    yield { doc, tokens, cached };
  }
}
