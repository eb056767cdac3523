// ingest: read and check the corpus (metadata + texts), write documents.csv (metadata, text hashes).
// Reads: --corpus. Writes: out/documents.csv (token columns empty until tokenize runs).
import type { Context } from './lib/context.ts';
import { num } from './lib/context.ts';
import { formatCsvHeader, formatCsvRows } from './lib/csv.ts';
import type { OutputSession } from './lib/io.ts';
import { loadInputs } from './inputs.ts';
import { documentColumns, documentRow } from './tag/rows.ts';

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  const { corpus, warnings } = loadInputs(ctx, { lexicon: false });
  const cols = documentColumns(corpus.extraColumns);
  await session.write('documents.csv', formatCsvHeader(cols) + formatCsvRows(corpus.entries.map((e) => documentRow(e, corpus.extraColumns))));
  const chars = corpus.entries.totalChars();
  ctx.log(`ingest: ${corpus.path} → ${num(corpus.entries.length)} documents, ${num(chars)} characters (0 errors, ${warnings.length} warnings)`);
}
