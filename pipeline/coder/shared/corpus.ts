// Re-tag the corpus with the lexicon as it is now, on cached tokens, so a coder sees the effect of an
// edit at once. Reads --corpus, --lexicon (+ cues) and the token cache; writes only to the cache.
import type { Context } from '../../lib/context.ts';
import type { Document, FrameHit, Lexicon, TokenizedDocument } from '../../lib/types.ts';
import type { CorpusEntry } from '../../ingest/read.ts';
import { loadInputs, type Inputs } from '../../inputs.ts';
import { createProgress } from '../../lib/progress.ts';
import { createStanceAnnotator } from '../../stance/index.ts';
import { createTagger } from '../../tag/tagger.ts';
import { tokenizeCorpus, type TokenizeStats } from '../../tokenize/stream.ts';

export interface TaggedDoc {
  doc: Document;
  entry: CorpusEntry;
  tokens: TokenizedDocument;
  /** Hits of the lexicon passed in (the live one unless another is given), with their use. */
  hits: FrameHit[];
}

export function emptyStats(): TokenizeStats {
  return { documents: 0, cached: 0, tokens: 0, words: 0, sentences: 0 };
}

/** Load corpus + lexicon + cues, failing once with every error. */
export function loadCoderInputs(ctx: Context): Inputs & { lexicon: NonNullable<Inputs['lexicon']> } {
  const inputs = loadInputs(ctx, { lexicon: true });
  return inputs as Inputs & { lexicon: NonNullable<Inputs['lexicon']> };
}

/**
 * Every document in corpus order with its tokens and hits. `lexicon` defaults to the loaded one; pass
 * another (an ad hoc pattern) to tag with that instead. `keep` skips documents before tagging.
 */
export async function* tagDocuments(ctx: Context, inputs: Inputs, label: string, options: {
  lexicon?: Lexicon; keep?: (entry: CorpusEntry) => boolean; stats?: TokenizeStats;
} = {}): AsyncGenerator<TaggedDoc> {
  const lexicon = options.lexicon ?? inputs.lexicon!.lexicon;
  const tag = createTagger(lexicon, createStanceAnnotator(inputs.cues!.cues));
  const entries = new Map(inputs.corpus.entries.map((e) => [e.meta.docId, e]));
  const keep = options.keep;
  const corpus = keep ? { ...inputs.corpus, entries: inputs.corpus.entries.filter(keep) } : inputs.corpus;
  const progress = createProgress(ctx, label, corpus.entries.length);
  try {
    for await (const { doc, tokens } of tokenizeCorpus(ctx, corpus, options.stats ?? emptyStats())) {
      progress.tick();
      yield { doc, entry: entries.get(doc.meta.docId)!, tokens, hits: tag(tokens, doc.text) };
    }
  } finally {
    progress.stop();
  }
}

/** Hits grouped by 0-based sentence. */
export function hitsBySentence(hits: readonly FrameHit[]): Map<number, FrameHit[]> {
  const m = new Map<number, FrameHit[]>();
  for (const h of hits) {
    const l = m.get(h.sentence - 1);
    if (l) l.push(h);
    else m.set(h.sentence - 1, [h]);
  }
  return m;
}
