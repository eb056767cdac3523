// tokenize: split every document into sentences and tokens with character offsets, caching the result.
// Reads: --corpus (and the token cache). Writes: out/documents.csv with sentence, token and word counts.
import type { Context } from './lib/context.ts';
import { num } from './lib/context.ts';
import { formatCsvHeader, formatCsvRows } from './lib/csv.ts';
import { put, type OutputSession } from './lib/io.ts';
import { createProgress } from './lib/progress.ts';
import { loadInputs } from './inputs.ts';
import { countsOf, documentColumns, documentRow, type DocCounts } from './tag/rows.ts';
import { tokenizeCorpus, type TokenizeStats } from './tokenize/stream.ts';

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  const { corpus } = loadInputs(ctx, { lexicon: false });
  const stats: TokenizeStats = { documents: 0, cached: 0, tokens: 0, words: 0, sentences: 0 };
  const docs = session.stream('documents.csv');
  docs.write(formatCsvHeader(documentColumns(corpus.extraColumns)));
  const progress = createProgress(ctx, 'tokenize', corpus.entries.length);
  const entries = new Map(corpus.entries.map((e) => [e.meta.docId, e]));
  let counts: DocCounts = { sentences: 0, tokens: 0, words: 0 };
  for await (const { tokens, segment } of tokenizeCorpus(ctx, corpus, stats, true)) {
    const c = countsOf(tokens);
    counts = !segment || segment.index === 0 ? c : { sentences: counts.sentences + c.sentences, tokens: counts.tokens + c.tokens, words: counts.words + c.words };
    if (segment && !segment.last) continue;
    await put(docs, formatCsvRows([documentRow(entries.get(tokens.docId)!, corpus.extraColumns, counts)]));
    progress.tick();
  }
  progress.stop();
  ctx.log(`tokenize: ${num(stats.documents)} documents → ${num(stats.sentences)} sentences, ${num(stats.tokens)} tokens, ${num(stats.words)} words (${num(stats.cached)} from cache)`);
}
