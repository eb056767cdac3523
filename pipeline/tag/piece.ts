// The tag stage's work on one piece of the corpus (a document, or a segment of a very long one): tokens
// from the cache or the tokenizer, frame hits with their use, securitizing moves — returned as what the
// stage writes and counts (CSV rows, hits per frame × use, the report's summary), so that a worker sends
// back a few strings instead of every hit. The same function runs in this thread or in a worker
// (tag/worker.ts), so the output cannot depend on where it ran.
import { formatCsvRows } from '../lib/csv.ts';
import type { FrameHit, Lang, Lexicon } from '../lib/types.ts';
import { readDocumentText, type TextSource } from '../ingest/read.ts';
import { addHits, createTally } from '../count/tally.ts';
import { summarizeHits, type HitPartial } from '../report/hits.ts';
import { createStanceAnnotator, cueMatchesOnce, findMoves, type CueLexicon, type Move } from '../stance/index.ts';
import { readCached, writeCached } from '../tokenize/cache.ts';
import { tokenizeDocument, tokenizerId } from '../tokenize/index.ts';
import { countsOf, hitRowsText, moveRow, type DocCounts } from './rows.ts';
import { createTagger } from './tagger.ts';

export interface TagJob {
  text: string;
  /** Where to read the text instead (then `text` is empty): reading it here spares the main thread. */
  source?: TextSource;
  docId: string;
  lang: Lang;
  textHash: string;
  /**
   * A segment of a very long text: its hits and moves come back as they are, because their offsets and
   * sentence numbers must first be shifted by what came before.
   */
  segment: boolean;
}

export interface TaggedPiece {
  counts: DocCounts;
  cached: boolean;
  hitCount: number;
  moveCount: number;
  /** Hits per frame × use, in a tally's layout (count/tally.ts). */
  frameUse: Int32Array;
  summary: HitPartial;
  /** hits.csv and moves.csv rows, ready to write (a whole document). */
  rows?: { hits: string; moves: string };
  /** The hits and moves themselves (a segment). */
  objects?: { hits: FrameHit[]; moves: Move[] };
}

export interface PieceTaggerSetup {
  lexicon: Lexicon;
  cues: CueLexicon;
  cacheDir: string;
}

export function createPieceTagger({ lexicon, cues, cacheDir }: PieceTaggerSetup): (job: TagJob) => Promise<TaggedPiece> {
  const tag = createTagger(lexicon, createStanceAnnotator(cues));
  const frameIndex = new Map(lexicon.frames.map((f, i) => [f.frame, i]));
  return async ({ text: given, source, docId, lang, textHash, segment }) => {
    const text = source ? readDocumentText(source) : given;
    let tokens = readCached(cacheDir, docId, textHash, tokenizerId(lang));
    const cached = tokens !== undefined;
    if (!tokens) {
      tokens = tokenizeDocument(text, { docId, lang, textHash });
      await writeCached(cacheDir, tokens);
    }
    // One cue pass per document, shared by the stance view and the move finder.
    const cueMatches = cueMatchesOnce(tokens, cues);
    const hits = tag(tokens, text, cueMatches);
    const moves = findMoves(tokens, text, hits, cues, cueMatches);
    const tally = createTally(docId, '', lang, 0, lexicon.frames.length);
    addHits(tally, hits, frameIndex);
    const piece: TaggedPiece = { counts: countsOf(tokens), cached, hitCount: hits.length, moveCount: moves.length, frameUse: tally.counts, summary: summarizeHits(hits) };
    if (segment) piece.objects = { hits, moves };
    else piece.rows = formatRows(hits, moves, lexicon);
    return piece;
  };
}

/** The hits.csv and moves.csv rows of a document's (or a shifted segment's) hits and moves. */
export function formatRows(hits: readonly FrameHit[], moves: readonly Move[], lexicon: Lexicon): { hits: string; moves: string } {
  return { hits: hitRowsText(hits, lexicon.patterns), moves: formatCsvRows(moves.map(moveRow)) };
}
