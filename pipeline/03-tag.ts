// tag: match the lexicon against each tokenized document, decide each hit's use (stance), find
// securitizing moves, and tally hits per document. Reads: --corpus, --lexicon, the token cache.
// Writes: out/documents.csv, out/hits.csv, out/moves.csv (streamed, one document at a time).
import type { Context } from './lib/context.ts';
import { num } from './lib/context.ts';
import { formatCsvHeader, formatCsvRows } from './lib/csv.ts';
import { UsageError } from './lib/diagnostics.ts';
import type { OutputSession } from './lib/io.ts';
import { createProgress } from './lib/progress.ts';
import type { Lexicon } from './lib/types.ts';
import { loadInputs, type Inputs } from './inputs.ts';
import { addHits, createTally, type DocTally } from './count/tally.ts';
import { createStanceAnnotator, findMoves } from './stance/index.ts';
import { documentColumns, documentRow, HIT_COLUMNS, hitRow, MOVE_COLUMNS, moveRow } from './tag/rows.ts';
import { createTagger } from './tag/tagger.ts';
import { tokenizeCorpus, type TokenizeStats } from './tokenize/stream.ts';

export interface TagResult {
  inputs: Inputs;
  lexicon: Lexicon;
  tallies: DocTally[];
  tokenize: TokenizeStats;
  hits: number;
  moves: number;
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
  const tag = createTagger(lexicon, createStanceAnnotator(cues));
  const frameIndex = new Map(lexicon.frames.map((f, i) => [f.frame, i]));
  const patternById = lexicon.patterns;
  const docsOut = session.stream('documents.csv');
  const hitsOut = session.stream('hits.csv');
  const movesOut = session.stream('moves.csv');
  docsOut.write(formatCsvHeader(documentColumns(corpus.extraColumns)));
  hitsOut.write(formatCsvHeader(HIT_COLUMNS));
  movesOut.write(formatCsvHeader(MOVE_COLUMNS));
  const stats: TokenizeStats = { documents: 0, cached: 0, tokens: 0, words: 0, sentences: 0 };
  const entries = new Map(corpus.entries.map((e) => [e.meta.docId, e]));
  const tallies: DocTally[] = [];
  let hitCount = 0;
  let moveCount = 0;
  const progress = createProgress(ctx, 'tag', corpus.entries.length);
  for await (const { doc, tokens } of tokenizeCorpus(ctx, corpus, stats)) {
    const hits = tag(tokens, doc.text);
    const moves = findMoves(tokens, doc.text, hits, cues);
    const tally = createTally(doc.meta.docId, groupValue(doc.meta.columns[ctx.options.by]), doc.meta.lang, tokens.words, lexicon.frames.length);
    addHits(tally, hits, frameIndex);
    tally.moves = moves.length;
    tallies.push(tally);
    hitCount += hits.length;
    moveCount += moves.length;
    docsOut.write(formatCsvRows([documentRow(entries.get(doc.meta.docId)!, corpus.extraColumns, tokens)]));
    if (hits.length) hitsOut.write(formatCsvRows(hits.map((h) => hitRow(h, patternById[h.patternId]))));
    if (moves.length) movesOut.write(formatCsvRows(moves.map(moveRow)));
    progress.tick();
  }
  progress.stop();
  ctx.log(`tokenize: ${num(stats.documents)} documents → ${num(stats.sentences)} sentences, ${num(stats.tokens)} tokens, ${num(stats.words)} words (${num(stats.cached)} from cache)`);
  ctx.log(`tag: ${num(stats.documents)} documents, ${num(stats.words)} words → ${num(hitCount)} hits in ${lexicon.frames.length} frames, ${num(moveCount)} securitizing moves (${lexicon.files.length} lexicon files, ${num(lexicon.patterns.length)} patterns; 0 errors, ${inputs.warnings.length} warnings)`);
  return { inputs, lexicon, tallies, tokenize: stats, hits: hitCount, moves: moveCount, seconds: { tokenize_tag: (performance.now() - t0) / 1000 } };
}

export function groupValue(v: string | undefined): string {
  return v === undefined || v === '' ? '(missing)' : v;
}

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  await tagCorpus(ctx, session);
}
