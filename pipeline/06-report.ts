// report: report.md and report.html — run summary, tables, figures with captions and a methods paragraph.
// Reads: the tables in `tablesDir` (documents, hits, moves, counts_by_doc, counts_by_group, comparison),
// figures/*.svg there when drawn, and (stage alone) manifest.json. Writes: report.md, report.html.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from './lib/context.ts';
import { failOnErrors } from './lib/diagnostics.ts';
import type { OutputSession } from './lib/io.ts';
import type { Lexicon } from './lib/types.ts';
import { readLexicon } from './lexicon/read.ts';
import { planFigures } from './figures/plan.ts';
import { readFigureTables, type FigureTables } from './figures/tables.ts';
import { renderHtml } from './report/html.ts';
import { readHitSummary } from './report/hits.ts';
import { renderMarkdown } from './report/markdown.ts';
import { recordedProvenance, runProvenance } from './report/provenance.ts';
import { reportBlocks, TOP_DOCUMENTS } from './report/sections.ts';
import { readDocMeta, topDocuments, type DocMeta } from './report/top-docs.ts';
import type { TagResult } from './03-tag.ts';

function loadLexicon(ctx: Context, tagged?: TagResult): Lexicon {
  if (tagged) return tagged.lexicon;
  const lex = readLexicon(ctx.options.lexicon);
  failOnErrors(lex.diagnostics.filter((d) => d.severity === 'error'));
  return lex.lexicon;
}

/** During `run`: the tagged corpus and the count tables already in memory. */
export interface RunTables {
  tagged: TagResult;
  tables: FigureTables;
}

export async function writeReport(ctx: Context, session: OutputSession, tablesDir: string, fromRun?: RunTables): Promise<void> {
  const tagged = fromRun?.tagged;
  const lexicon = loadLexicon(ctx, tagged);
  const prov = tagged ? runProvenance(ctx, tagged) : recordedProvenance(ctx, tablesDir);
  const tables = fromRun?.tables ?? (await readFigureTables(tablesDir, lexicon.frames));
  const hits = tagged?.hitSummary ?? (await readHitSummary(tablesDir));
  // Only figures that exist beside the tables are shown: `--no-figures` leaves the report without them.
  const figures = planFigures(tables, { seed: prov.seed, reps: prov.reps })
    .map((plan) => ({ plan, path: join(tablesDir, 'figures', `${plan.name}.svg`) }))
    .filter((f) => existsSync(f.path))
    .map(({ plan, path }) => ({ plan, svg: readFileSync(path, 'utf8') }));
  const exclusions = lexicon.patterns.filter((p) => p.frame === '-').length;
  const topDocs = (['securitizing', 'grievance'] as const).map((family) => ({ family, docs: topDocuments(tables.docs, family, TOP_DOCUMENTS) }));
  const topIds = new Set(topDocs.flatMap((t) => t.docs.map((d) => d.doc.docId)));
  const docMeta = tagged ? corpusDocMeta(tagged, topIds) : await readDocMeta(tablesDir, topIds);
  const lex = { patterns: lexicon.patterns.length - exclusions, exclusions };
  const blocks = reportBlocks({ tables, hits, prov, figures, lexicon: lex, topDocs, docMeta });
  await session.write('report.md', renderMarkdown(blocks.map((b) => (b.kind === 'figure' ? { ...b, svg: undefined } : b))));
  await session.write('report.html', renderHtml('qantar report', blocks));
  ctx.log(`report: ${tables.groups.length} groups, ${hits.total.toLocaleString('en-US')} hits, ${figures.length} figures → report.md, report.html`);
}

/** Source and title of the given documents, from the corpus metadata (what documents.csv holds). */
function corpusDocMeta(tagged: TagResult, ids: ReadonlySet<string>): Map<string, DocMeta> {
  const out = new Map<string, DocMeta>();
  for (const e of tagged.inputs.corpus.entries) if (ids.has(e.meta.docId)) out.set(e.meta.docId, { source: e.meta.source, title: e.meta.title });
  return out;
}

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  await writeReport(ctx, session, ctx.options.out);
}
