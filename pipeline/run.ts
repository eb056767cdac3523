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

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    timings[stage] = (performance.now() - t0) / 1000;
    return r;
  };
  const tagged = await time('ingest+tokenize+tag', () => tagCorpus(ctx, session));
  await time('count', () => writeCountTables(ctx, session, tagged.tallies, tagged.lexicon.frames));
  if (ctx.options.figures) await time('figures', () => writeFigures(ctx, session, session.path('.'), tagged.lexicon.frames));
  await time('report', () => writeReport(ctx, session, session.path('.'), tagged));
  await writeManifest(ctx, session, tagged, timings);
}
