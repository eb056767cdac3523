// The count tables the figures and the report are drawn from, read once: counts_by_group.csv,
// comparison.csv, documents.csv (date, lang, words) and counts_by_doc.csv summed per document into its
// securitizing and grievance hits over the comparison's uses (streamed; only per-document sums are kept).
// During `run` the same tables come from memory (`figureTablesFrom`): the small tables are read back from
// the exact CSV text just written, the per-document sums from the tallies, so both paths agree to the byte.
import { join } from 'node:path';
import { USES, type Frame, type Use } from '../lib/types.ts';
import { USE_INDEX, type TallyStore } from '../count/tally.ts';
import { readCsvRows, readCsvText, type RowReader } from './csv-stream.ts';

export interface FrameInfo {
  frame: string;
  family: string;
  label: string;
}

/** One row of counts_by_group.csv. */
export interface GroupFrameRow {
  group: string;
  frame: string;
  family: string;
  use: string;
  hits: number;
  words: number;
  per1k: number;
  docs: number;
  low: number;
  high: number;
}

/** One row of comparison.csv: the group, the uses counted, and every numeric column by name. */
export interface ComparisonRow {
  group: string;
  uses: string;
  n: Record<string, number>;
}

export interface DocRow {
  docId: string;
  group: string;
  date: string;
  lang: string;
  words: number;
  /** Securitizing and grievance hits over the comparison's uses. */
  sec: number;
  griev: number;
}

export interface FigureTables {
  frames: FrameInfo[];
  /** Groups in table order (sorted by the count stage). */
  groups: string[];
  byGroup: GroupFrameRow[];
  comparison: ComparisonRow[];
  docs: DocRow[];
  /** The uses the comparison counts, e.g. ['asserted']. */
  uses: string[];
}

const COMPARISON_TEXT = new Set(['group', 'uses']);

type RowSource = (required: readonly string[], onRow: (r: RowReader) => void) => Promise<void>;

const COMPARISON_REQUIRED = ['group', 'uses', 'docs', 'words', 'securitizing_per_1k', 'grievance_per_1k', 'securitizing_share', 'index', 'p_value'];
const BY_GROUP_REQUIRED = ['group', 'frame', 'family', 'use', 'hits', 'words', 'per_1k', 'docs', 'ci_low', 'ci_high'];

async function readComparison(source: RowSource): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  await source(COMPARISON_REQUIRED, (r) => {
    const n: Record<string, number> = {};
    for (const c of Object.keys(r.values)) if (!COMPARISON_TEXT.has(c)) n[c] = r.num(c);
    rows.push({ group: r.values.group, uses: r.values.uses, n });
  });
  return rows;
}

async function readByGroup(source: RowSource): Promise<GroupFrameRow[]> {
  const rows: GroupFrameRow[] = [];
  await source(BY_GROUP_REQUIRED, (r) => {
    const v = r.values;
    rows.push({ group: v.group, frame: v.frame, family: v.family, use: v.use, hits: r.num('hits'), words: r.num('words'), per1k: r.num('per_1k'), docs: r.num('docs'), low: r.num('ci_low'), high: r.num('ci_high') });
  });
  return rows;
}

const fileSource = (path: string): RowSource => (required, onRow) => readCsvRows(path, required, onRow);
const textSource = (text: string, path: string): RowSource => async (required, onRow) => readCsvText(text, path, required, onRow);

async function readDocs(dir: string, uses: ReadonlySet<string>): Promise<DocRow[]> {
  const docs: DocRow[] = [];
  const byId = new Map<string, DocRow>();
  await readCsvRows(join(dir, 'documents.csv'), ['doc_id', 'words'], (r) => {
    const d: DocRow = { docId: r.values.doc_id, group: '', date: r.values.date ?? '', lang: r.values.lang || 'en', words: r.num('words'), sec: 0, griev: 0 };
    docs.push(d);
    byId.set(d.docId, d);
  }, 'qantar tag');
  await readCsvRows(join(dir, 'counts_by_doc.csv'), ['doc_id', 'group', 'family', 'use', 'hits'], (r) => {
    const d = byId.get(r.values.doc_id);
    if (!d) return;
    d.group = r.values.group;
    if (!uses.has(r.values.use)) return;
    if (r.values.family === 'securitizing') d.sec += r.num('hits');
    else if (r.values.family === 'grievance') d.griev += r.num('hits');
  });
  return docs;
}

/**
 * Per-document rows straight from the tallies: what `readDocs` computes from documents.csv and
 * counts_by_doc.csv. `dateOf` gives a document's metadata date (documents.csv's `date`).
 */
export function docRowsFromTallies(store: TallyStore, frames: readonly Frame[], uses: readonly string[], dateOf: (d: number) => string): DocRow[] {
  const counted = uses.map((u) => USE_INDEX.get(u as Use)).filter((u): u is number => u !== undefined && u < USES.length);
  return Array.from({ length: store.size }, (_, d) => ({
    docId: store.docIds[d], group: frames.length ? store.groupOf(d) : '', date: dateOf(d), lang: store.langOf(d) || 'en', words: store.words[d],
    sec: store.familyHits(d, frames, 'securitizing', counted), griev: store.familyHits(d, frames, 'grievance', counted),
  }));
}

/** Frames in lexicon order, then any frame the tables name that the lexicon does not (by id). */
export function mergeFrames(lexicon: readonly Frame[], rows: readonly GroupFrameRow[]): FrameInfo[] {
  const out: FrameInfo[] = lexicon.map((f) => ({ frame: f.frame, family: f.family, label: f.label || f.frame }));
  const known = new Set(out.map((f) => f.frame));
  for (const r of rows) {
    if (known.has(r.frame)) continue;
    known.add(r.frame);
    out.push({ frame: r.frame, family: r.family, label: r.frame });
  }
  const inTables = new Set(rows.map((r) => r.frame));
  return rows.length ? out.filter((f) => inTables.has(f.frame)) : out;
}

export function parseUsesLabel(label: string | undefined): string[] {
  return label ? label.split('+').filter(Boolean) : ['asserted'];
}

function assemble(lexiconFrames: readonly Frame[], byGroup: GroupFrameRow[], comparison: ComparisonRow[], docs: DocRow[], uses: string[]): FigureTables {
  const groups = [...new Set([...comparison.map((c) => c.group), ...byGroup.map((r) => r.group)])];
  return { frames: mergeFrames(lexiconFrames, byGroup), groups, byGroup, comparison, docs, uses };
}

export async function readFigureTables(dir: string, lexiconFrames: readonly Frame[]): Promise<FigureTables> {
  const comparison = await readComparison(fileSource(join(dir, 'comparison.csv')));
  const byGroup = await readByGroup(fileSource(join(dir, 'counts_by_group.csv')));
  const uses = parseUsesLabel(comparison[0]?.uses);
  const docs = await readDocs(dir, new Set(uses));
  return assemble(lexiconFrames, byGroup, comparison, docs, uses);
}

/** The count stage's tables as just written (CSV text) and the per-document rows, without reading out/. */
export interface CountTablesInMemory {
  dir: string;
  byGroupCsv: string;
  comparisonCsv: string;
  /** Per-document rows for the comparison's uses; `uses` are those of the comparison. */
  docs: (uses: readonly string[]) => DocRow[];
}

export async function figureTablesFrom(t: CountTablesInMemory, lexiconFrames: readonly Frame[]): Promise<FigureTables> {
  const comparison = await readComparison(textSource(t.comparisonCsv, join(t.dir, 'comparison.csv')));
  const byGroup = await readByGroup(textSource(t.byGroupCsv, join(t.dir, 'counts_by_group.csv')));
  const uses = parseUsesLabel(comparison[0]?.uses);
  return assemble(lexiconFrames, byGroup, comparison, t.docs(uses), uses);
}
