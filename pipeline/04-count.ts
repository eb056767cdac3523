// count: per-document and per-group frame counts by use, rates per 1,000 words with bootstrap intervals,
// and the securitizing-vs-grievance comparison. Reads: out/documents.csv, out/hits.csv, out/moves.csv
// and the frames of --lexicon. Writes: counts_by_doc.csv, counts_by_group.csv, comparison.csv.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from './lib/context.ts';
import { num } from './lib/context.ts';
import { formatCsvHeader, formatCsvRows, parseCsv, requireColumns } from './lib/csv.ts';
import { DataError, diag, failOnErrors, UsageError } from './lib/diagnostics.ts';
import { batched, type OutputSession } from './lib/io.ts';
import { USES, type Diagnostic, type Frame, type Use } from './lib/types.ts';
import { readCsvRows } from './figures/csv-stream.ts';
import { displayPath } from './ingest/read.ts';
import { readLexicon } from './lexicon/read.ts';
import { analyseGroups, comparisonRows, COMPARISON_COLUMNS, COUNTS_BY_DOC_COLUMNS, COUNTS_BY_GROUP_COLUMNS, countsByDocText, countsByGroupRows } from './count/tables.ts';
import { createTally, TallyStore, USE_INDEX, type DocTally } from './count/tally.ts';
import { checkGroupColumn, groupValue } from './03-tag.ts';

/** `--uses asserted,reported` → use indices; unknown names are a usage error. */
export function parseUses(uses: readonly string[]): number[] {
  const list = uses.flatMap((u) => u.split(',')).map((u) => u.trim()).filter(Boolean);
  if (list.length === 0) throw new UsageError(`--uses needs at least one of: ${USES.join(', ')}`);
  if (list.length === 1 && list[0] === 'all') return USES.map((_, i) => i);
  for (const u of list) if (!(USES as readonly string[]).includes(u)) throw new UsageError(`--uses: unknown use \`${u}\`; expected one or more of: ${USES.join(', ')}, or all`);
  return [...new Set(list.map((u) => USE_INDEX.get(u as Use)!))].sort();
}

/** The small tables as written (CSV text), for the figures and report of the same run. */
export interface CountTablesText {
  byGroupCsv: string;
  comparisonCsv: string;
}

export async function writeCountTables(ctx: Context, session: OutputSession, store: TallyStore, frames: Frame[]): Promise<CountTablesText> {
  const uses = parseUses(ctx.options.uses);
  const o = { frames, comparisonUses: uses, seed: ctx.options.seed, reps: ctx.options.reps, permutations: ctx.options.permutations };
  const byDoc = batched(session.stream('counts_by_doc.csv'));
  await byDoc.add(formatCsvHeader(COUNTS_BY_DOC_COLUMNS));
  for (let d = 0; d < store.size; d += 64) await byDoc.add(countsByDocText(store, frames, d, Math.min(store.size, d + 64)));
  await byDoc.flush();
  const results = analyseGroups(store, o);
  const byGroupCsv = formatCsvHeader(COUNTS_BY_GROUP_COLUMNS) + formatCsvRows(countsByGroupRows(results, frames));
  await session.write('counts_by_group.csv', byGroupCsv);
  const usesLabel = uses.map((u) => USES[u]).join('+');
  const comparisonCsv = formatCsvHeader(COMPARISON_COLUMNS) + formatCsvRows(comparisonRows(store, results, o, usesLabel));
  await session.write('comparison.csv', comparisonCsv);
  ctx.log(`count: ${num(store.size)} documents → ${results.length} groups by \`${ctx.options.by}\` × ${frames.length} frames × ${USES.length + 1} uses (comparison counts ${usesLabel}; ${num(o.reps)} bootstrap replicates, seed ${o.seed})`);
  return { byGroupCsv, comparisonCsv };
}

function readOutCsv(dir: string, name: string, required: string[]) {
  const p = join(dir, name);
  if (!existsSync(p)) throw new DataError([diag(displayPath(p), undefined, 'error', `${name} not found; run \`qantar tag\` (or \`qantar run\`) first`, 'output/missing')]);
  const table = parseCsv(readFileSync(p, 'utf8'), displayPath(p), 'output');
  failOnErrors([...table.diagnostics, ...requireColumns(table, required, displayPath(p), 'output')]);
  return table;
}

/** Rebuild per-document tallies from a previous tag run's files. */
export async function readTallies(ctx: Context, frames: Frame[]): Promise<TallyStore> {
  const dir = ctx.options.out;
  const docs = readOutCsv(dir, 'documents.csv', ['doc_id', 'words']);
  checkGroupColumn(ctx.options.by, docs.header);
  const frameIndex = new Map(frames.map((f, i) => [f.frame, i]));
  const byId = new Map<string, DocTally>();
  const tallies = docs.records.map((r) => {
    if (r.values.words === '') throw new DataError([diag(displayPath(join(dir, 'documents.csv')), r.line, 'error', 'no word count; run `qantar tokenize` or `qantar tag` first', 'output/missing')]);
    const t = createTally(r.values.doc_id, groupValue(r.values[ctx.options.by]), r.values.lang ?? '', Number(r.values.words), frames.length);
    byId.set(t.docId, t);
    return t;
  });
  const path = displayPath(join(dir, 'hits.csv'));
  const problems: Diagnostic[] = [];
  // hits.csv can hold millions of rows: it is streamed, and only the per-document tallies are kept.
  await readCsvRows(join(dir, 'hits.csv'), ['doc_id', 'frame', 'use'], ({ line, values }) => {
    const t = byId.get(values.doc_id);
    const f = frameIndex.get(values.frame);
    const u = USE_INDEX.get(values.use as Use);
    if (!t || f === undefined || u === undefined) {
      if (problems.length < 50) problems.push(diag(path, line, 'error', `hit for ${!t ? `unknown doc_id \`${values.doc_id}\`` : f === undefined ? `frame \`${values.frame}\` not in the lexicon` : `unknown use \`${values.use}\``}; re-run \`qantar tag\``, 'output/stale'));
      return;
    }
    t.counts[f * USES.length + u]++;
  }, 'qantar tag');
  failOnErrors(problems);
  await readCsvRows(join(dir, 'moves.csv'), ['doc_id'], ({ values }) => {
    const t = byId.get(values.doc_id);
    if (t) t.moves++;
  }, 'qantar tag');
  const store = new TallyStore(frames.length);
  for (const t of tallies) store.add(t);
  return store;
}

export async function run(ctx: Context, session: OutputSession): Promise<void> {
  const lex = readLexicon(ctx.options.lexicon);
  failOnErrors(lex.diagnostics.filter((d) => !d.rule.startsWith('lexicon/duplicate')));
  await writeCountTables(ctx, session, await readTallies(ctx, lex.lexicon.frames), lex.lexicon.frames);
}
