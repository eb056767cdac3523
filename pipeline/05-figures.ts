// figures: paper figures from the count tables, as SVG and PNG (fonts bundled, UTC dates, fixed bytes).
// Reads: documents.csv, counts_by_doc.csv, counts_by_group.csv, comparison.csv in out/ (during `run`, the
// same tables from memory).
// Writes: figures/<name>.svg and figures/<name>.png (the list and captions are in figures/plan.ts).
import type { Context } from './lib/context.ts';
import type { OutputSession } from './lib/io.ts';
import { readLexicon } from './lexicon/read.ts';
import { failOnErrors } from './lib/diagnostics.ts';
import { planFigures } from './figures/plan.ts';
import { renderPngAsync, renderSvg } from './figures/render.ts';
import { readFigureTables, type FigureTables } from './figures/tables.ts';

export async function writeFigures(ctx: Context, session: OutputSession, tables: FigureTables): Promise<void> {
  const plan = planFigures(tables, { seed: ctx.options.seed, reps: ctx.options.reps });
  const pngs: Promise<void>[] = [];
  for (const fig of plan) {
    const svg = await renderSvg(fig.spec());
    await session.write(`figures/${fig.name}.svg`, svg);
    pngs.push(renderPngAsync(svg).then((png) => session.write(`figures/${fig.name}.png`, png)));
  }
  await Promise.all(pngs);
  ctx.log(`figures: ${tables.groups.length} groups × ${tables.frames.length} frames, ${tables.docs.length.toLocaleString('en-US')} documents → ${plan.length} figures (SVG + PNG) in figures/`);
}

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  const lex = readLexicon(ctx.options.lexicon);
  failOnErrors(lex.diagnostics.filter((d) => d.severity === 'error'));
  await writeFigures(ctx, session, await readFigureTables(ctx.options.out, lex.lexicon.frames));
}
