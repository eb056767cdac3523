// The tag stage's work on one piece of the corpus (a document, or a segment of a very long one): tokens
// from the cache or the tokenizer, frame hits with their use, securitizing moves. The same function runs
// in this thread or in a worker (tag/worker.ts), so the output cannot depend on where it ran.
import type { FrameHit, Lang, Lexicon } from '../lib/types.ts';
import { createStanceAnnotator, findMoves, type CueLexicon, type Move } from '../stance/index.ts';
import { readCached, writeCached } from '../tokenize/cache.ts';
import { tokenizeDocument, tokenizerId } from '../tokenize/index.ts';
import { countsOf, type DocCounts } from './rows.ts';
import { createTagger } from './tagger.ts';

export interface TagJob {
  text: string;
  docId: string;
  lang: Lang;
  textHash: string;
}

export interface TaggedPiece {
  hits: FrameHit[];
  moves: Move[];
  counts: DocCounts;
  cached: boolean;
}

export interface PieceTaggerSetup {
  lexicon: Lexicon;
  cues: CueLexicon;
  cacheDir: string;
}

export function createPieceTagger({ lexicon, cues, cacheDir }: PieceTaggerSetup): (job: TagJob) => Promise<TaggedPiece> {
  const tag = createTagger(lexicon, createStanceAnnotator(cues));
  return async ({ text, docId, lang, textHash }) => {
    let tokens = readCached(cacheDir, docId, textHash, tokenizerId(lang));
    const cached = tokens !== undefined;
    if (!tokens) {
      tokens = tokenizeDocument(text, { docId, lang, textHash });
      await writeCached(cacheDir, tokens);
    }
    const hits = tag(tokens, text);
    return { hits, moves: findMoves(tokens, text, hits, cues), counts: countsOf(tokens), cached };
  };
}
