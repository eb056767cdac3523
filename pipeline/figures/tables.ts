// The count tables the figures and the report are drawn from, read once: counts_by_group.csv,
// comparison.csv, documents.csv (date, lang, words) and counts_by_doc.csv summed per document into its
// securitizing and grievance hits over the comparison's uses (streamed; only per-document sums are kept).
import { join } from 'node:path';
import type { Frame } from '../lib/types.ts';
import { readCsvRows } from './csv-stream.ts';

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

async function readComparison(dir: string): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  await readCsvRows(join(dir, 'comparison.csv'), ['group', 'uses', 'docs', 'words', 'securitizing_per_1k', 'grievance_per_1k', 'securitizing_share', 'index', 'p_value'], (r) => {
    const n: Record<string, number> = {};
    for (const c of Object.keys(r.values)) if (!COMPARISON_TEXT.has(c)) n[c] = r.num(c);
    rows.push({ group: r.values.group, uses: r.values.uses, n });
  });
  return rows;
}

async function readByGroup(dir: string): Promise<GroupFrameRow[]> {
  const rows: GroupFrameRow[] = [];
  await readCsvRows(join(dir, 'counts_by_group.csv'), ['group', 'frame', 'family', 'use', 'hits', 'words', 'per_1k', 'docs', 'ci_low', 'ci_high'], (r) => {
    const v = r.values;
    rows.push({ group: v.group, frame: v.frame, family: v.family, use: v.use, hits: r.num('hits'), words: r.num('words'), per1k: r.num('per_1k'), docs: r.num('docs'), low: r.num('ci_low'), high: r.num('ci_high') });
  });
  return rows;
}

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

export async function readFigureTables(dir: string, lexiconFrames: readonly Frame[]): Promise<FigureTables> {
  const comparison = await readComparison(dir);
  const byGroup = await readByGroup(dir);
  const uses = parseUsesLabel(comparison[0]?.uses);
  const docs = await readDocs(dir, new Set(uses));
  const groups = [...new Set([...comparison.map((c) => c.group), ...byGroup.map((r) => r.group)])];
  return { frames: mergeFrames(lexiconFrames, byGroup), groups, byGroup, comparison, docs, uses };
}
