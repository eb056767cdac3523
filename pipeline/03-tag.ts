// tag: match the lexicon against each tokenized document, decide each hit's use (stance), find
// securitizing moves, and tally hits per document. Reads: --corpus, --lexicon, the token cache.
// Writes: out/documents.csv, out/hits.csv, out/moves.csv (streamed, one document at a time). With
// --workers > 1 and enough text, each document is tokenized (or read from the cache), matched and
// annotated in a worker thread (tag/piece.ts); this thread keeps corpus order, tallies and writes.
import type { Context } from './lib/context.ts';
import { num } from './lib/context.ts';
import { formatCsvHeader, formatCsvRows } from './lib/csv.ts';
import { UsageError } from './lib/diagnostics.ts';
import { batched, type OutputSession } from './lib/io.ts';
import { createProgress } from './lib/progress.ts';
import type { Document, FrameHit, Lexicon } from './lib/types.ts';
import type { CorpusIndex } from './ingest/read.ts';
import { createWorkerPool } from './lib/pool.ts';
import { loadInputs, type Inputs } from './inputs.ts';
import { createTally, TallyStore, type DocTally } from './count/tally.ts';
import type { CueLexicon, Move } from './stance/index.ts';
import { createHitSummarizer, type HitSummary } from './report/hits.ts';
import { createPieceTagger, formatRows, type TagJob, type TaggedPiece } from './tag/piece.ts';
import { documentColumns, documentRow, HIT_COLUMNS, MOVE_COLUMNS, type DocCounts } from './tag/rows.ts';
import { countPiece, processCorpus, workerCount, type Piece, type Segment, type TokenizeStats } from './tokenize/stream.ts';

export interface TagResult {
  inputs: Inputs;
  lexicon: Lexicon;
  tallies: TallyStore;
  tokenize: TokenizeStats;
  hits: number;
  moves: number;
  /** The report's summary of hits.csv and moves.csv, gathered while they were written. */
  hitSummary: HitSummary;
  seconds: { tokenize_tag: number };
}

/** Check `--by` names a metadata column; the error lists the ones there are. */
export function checkGroupColumn(by: string, columns: readonly string[]): void {
  if (!columns.includes(by)) throw new UsageError(`--by \`${by}\` is not a metadata column; expected one of: ${columns.join(', ')}`);
}

export async function tagCorpus(ctx: Context, session: OutputSession): Promise<TagResult> {
  const t0 = performance.now();
  const inputs = loadInputs(ctx, { lexicon: true });
  const { corpus } = inputs;
  const lexicon = inputs.lexicon!.lexicon;
  const cues = inputs.cues!.cues;
  const metaColumns = [...new Set(['doc_id', 'source', 'source_type', 'date', 'lang', 'title', 'url', ...corpus.extraColumns])];
  checkGroupColumn(ctx.options.by, metaColumns);
  const docsOut = batched(session.stream('documents.csv'));
  const hitsOut = batched(session.stream('hits.csv'));
  const movesOut = batched(session.stream('moves.csv'));
  await docsOut.add(formatCsvHeader(documentColumns(corpus.extraColumns)));
  await hitsOut.add(formatCsvHeader(HIT_COLUMNS));
  await movesOut.add(formatCsvHeader(MOVE_COLUMNS));
  const stats: TokenizeStats = { documents: 0, cached: 0, tokens: 0, words: 0, sentences: 0 };
  const tallies = new TallyStore(lexicon.frames.length);
  let hitCount = 0;
  let moveCount = 0;
  const progress = createProgress(ctx, 'tag', corpus.entries.length);
  const summary = createHitSummarizer();
  let tally: DocTally | undefined;
  let counts: DocCounts = { sentences: 0, tokens: 0, words: 0 };
  for await (const { doc, entry, segment, tagged } of tagPieces(ctx, corpus, lexicon, cues, stats)) {
    countPiece(stats, { doc, entry, segment }, tagged.cached, tagged.counts);
    if (!segment || segment.index === 0) {
      tally = createTally(doc.meta.docId, groupValue(doc.meta.columns[ctx.options.by]), doc.meta.lang, 0, lexicon.frames.length);
      counts = { sentences: 0, tokens: 0, words: 0 };
    }
    let rows = tagged.rows;
    if (tagged.objects) {
      shiftSegment(tagged.objects.hits, tagged.objects.moves, segment!.base, counts.sentences);
      rows = formatRows(tagged.objects.hits, tagged.objects.moves, lexicon);
    }
    for (let k = 0; k < tagged.frameUse.length; k++) tally!.counts[k] += tagged.frameUse[k];
    tally!.words += tagged.counts.words;
    tally!.moves += tagged.moveCount;
    counts = { sentences: counts.sentences + tagged.counts.sentences, tokens: counts.tokens + tagged.counts.tokens, words: counts.words + tagged.counts.words };
    hitCount += tagged.hitCount;
    moveCount += tagged.moveCount;
    summary.addPartial(doc.meta.docId, tagged.summary);
    summary.addMoves(tagged.moveCount);
    if (rows!.hits) await hitsOut.add(rows!.hits);
    if (rows!.moves) await movesOut.add(rows!.moves);
    if (segment && !segment.last) continue;
    tallies.add(tally!);
    await docsOut.add(formatCsvRows([documentRow(entry, corpus.extraColumns, counts)]));
    progress.tick();
  }
  for (const out of [docsOut, hitsOut, movesOut]) await out.flush();
  progress.stop();
  ctx.log(`tokenize: ${num(stats.documents)} documents → ${num(stats.sentences)} sentences, ${num(stats.tokens)} tokens, ${num(stats.words)} words (${num(stats.cached)} from cache)`);
  ctx.log(`tag: ${num(stats.documents)} documents, ${num(stats.words)} words → ${num(hitCount)} hits in ${lexicon.frames.length} frames, ${num(moveCount)} securitizing moves (${lexicon.files.length} lexicon files, ${num(lexicon.patterns.length)} patterns; 0 errors, ${inputs.warnings.length} warnings)`);
  return { inputs, lexicon, tallies, tokenize: stats, hits: hitCount, moves: moveCount, hitSummary: summary.result(), seconds: { tokenize_tag: (performance.now() - t0) / 1000 } };
}

/**
 * Every piece of the corpus tokenized (or read from the cache), matched and annotated, in corpus order.
 * With more than one worker and enough text, the whole per-document work runs in worker threads.
 */
async function* tagPieces(ctx: Context, corpus: CorpusIndex, lexicon: Lexicon, cues: CueLexicon, stats: TokenizeStats): AsyncGenerator<Piece & { tagged: TaggedPiece }> {
  const setup = { lexicon, cues, cacheDir: ctx.options.cache };
  const workers = workerCount(ctx, corpus.entries.totalChars());
  stats.workers = workers;
  const here = workers === 1 ? createPieceTagger(setup) : undefined;
  const pool = workers === 1 ? undefined : createWorkerPool<TagJob, TaggedPiece>(workers, 'tag', setup);
  const start = ({ doc, segment, source }: Piece) => {
    const job = { text: doc.text, source, docId: doc.meta.docId, lang: doc.meta.lang, textHash: doc.textHash, segment: segment !== undefined };
    return here ? here(job) : pool!.run(job);
  };
  // Results are taken in corpus order, so a long document holds back the ones after it: with 16 pieces
  // per worker in flight the other worker keeps busy meanwhile. The texts are read by the workers, so a
  // piece in flight costs this thread little more than its result.
  for await (const { piece, result } of processCorpus(corpus, true, Math.max(2, workers * 16), start, async () => pool?.close(), true)) {
    yield { ...piece, tagged: result };
  }
}

/** Offsets of a segment's hits and moves, made relative to the whole text. */
function shiftSegment(hits: FrameHit[], moves: Move[], base: number, sentenceBase: number): void {
  for (const h of hits) {
    h.start += base;
    h.end += base;
    if (h.cueStart >= 0) h.cueStart += base;
    h.sentence += sentenceBase;
  }
  for (const m of moves) {
    m.referent = { ...m.referent, start: m.referent.start + base, end: m.referent.end + base };
    m.sentence += sentenceBase;
  }
}

export function groupValue(v: string | undefined): string {
  return v === undefined || v === '' ? '(missing)' : v;
}

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  await tagCorpus(ctx, session);
}
