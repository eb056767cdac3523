// run: every stage in one pass — ingest, tokenize and tag stream document by document, then count,
// figures, report and the manifest. Outputs are staged and committed together, so a failed run leaves
// the previous out/ as it was.
import type { Context } from './lib/context.ts';
import type { OutputSession } from './lib/io.ts';
import { tagCorpus } from './03-tag.ts';
import { writeCountTables } from './04-count.ts';
import { writeFigures } from './05-figures.ts';
import { writeReport } from './06-report.ts';
import { writeManifest } from './manifest.ts';
import { docRowsFromTallies, figureTablesFrom } from './figures/tables.ts';

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    timings[stage] = (performance.now() - t0) / 1000;
    return r;
  };
  const tagged = await time('ingest+tokenize+tag', () => tagCorpus(ctx, session));
  const frames = tagged.lexicon.frames;
  const counted = await time('count', () => writeCountTables(ctx, session, tagged.tallies, frames));
  // Figures and report are drawn from the tables just computed, not re-read from disk.
  // The tallies are in corpus order, one per entry of the index.
  const { entries } = tagged.inputs.corpus;
  const dateOf = (d: number) => {
    const { meta } = entries.at(d);
    return meta.docId === tagged.tallies.docIds[d] ? meta.date : '';
  };
  const tables = await figureTablesFrom({ dir: ctx.options.out, ...counted, docs: (uses) => docRowsFromTallies(tagged.tallies, frames, uses, dateOf) }, frames);
  if (ctx.options.figures) await time('figures', () => writeFigures(ctx, session, tables));
  await time('report', () => writeReport(ctx, session, session.path('.'), { tagged, tables }));
  await writeManifest(ctx, session, tagged, timings);
}
