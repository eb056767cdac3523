// The review folder (<out>/review, or --dir): sample.csv + sample.design.json (the sentences to code),
// hits/<coder>-kwic.csv (judged KWIC sheets) and sentences/<coder>.csv (filled coding sheets). On start every
// existing file is read with evaluate's own parser and checked against the corpus with evaluate's own
// check, so the server refuses exactly the files `qantar evaluate` would refuse.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Context } from '../lib/context.ts';
import { diag, failOnErrors, UsageError } from '../lib/diagnostics.ts';
import { decodeText } from '../lib/encoding.ts';
import type { Diagnostic } from '../lib/types.ts';
import { displayPath } from '../ingest/read.ts';
import { checkSheets } from '../coder/evaluate/check.ts';
import { parseSheet, type Sheet, type UnitSheet } from '../coder/evaluate/read-sheets.ts';
import { KWIC_COLUMNS } from '../coder/kwic/rows.ts';
import { SHEET_TAIL_COLUMNS, sheetColumns, type SheetRow } from '../coder/sheet/format.ts';
import type { Allocation } from '../coder/sheet/sample.ts';
import { judgementKey, type ReviewData } from './data.ts';
import { adoptSheet, drawSample, sampleRows } from './sample.ts';
import { DecisionFile, type Values } from './store.ts';

export type Kind = 'hits' | 'sentences';

export interface Workspace {
  dir: string;
  sample: SheetRow[];
  files: Record<Kind, Map<string, DecisionFile>>;
  rank: Record<Kind, (key: string) => number>;
}

export interface WorkspaceOptions {
  dir: string;
  sample?: number;
  sheet?: string;
  seed: number;
  by: string;
  allocation: Allocation;
}

interface Read {
  path: string;
  coder: string;
  text: string;
  sheet?: Sheet;
}

function readSheetFile(path: string, coder: string, diagnostics: Diagnostic[]): Read | undefined {
  const shown = displayPath(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    diagnostics.push(diag(shown, undefined, 'error', 'sheet not found or not readable; expected a CSV file written by `qantar sheet`', 'review/not-found'));
    return undefined;
  }
  const decoded = decodeText(bytes, shown, '', { csv: true, area: 'review' });
  if ('error' in decoded) return void diagnostics.push(decoded.error);
  const parsed = parseSheet(decoded.text, shown, coder);
  diagnostics.push(...parsed.diagnostics);
  return { path, coder, text: decoded.text, sheet: parsed.sheet };
}

/** `alice.csv` (sentences) and `alice-kwic.csv` (hits) both belong to coder `alice`. */
function coderName(file: string): string {
  return basename(file, '.csv').replace(/-kwic$/, '');
}

function readFolder(dir: string, want: Sheet['kind'], diagnostics: Diagnostic[]): Read[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((n) => n.endsWith('.csv')).sort();
  const reads = names.map((n) => readSheetFile(join(dir, n), coderName(n), diagnostics)).filter((r): r is Read => r !== undefined);
  for (const r of reads) {
    if (r.sheet && r.sheet.kind !== want) {
      diagnostics.push(diag(displayPath(r.path), 1, 'error', `expected a ${want === 'kwic' ? 'judged KWIC sheet (with hit_id)' : 'coding sheet (with unit_id)'} in this folder; move the file elsewhere`, 'review/wrong-sheet'));
    }
  }
  return reads;
}

/** Open the review folder: read and check every sheet, then draw or read the sample. */
export async function openWorkspace(ctx: Context, data: ReviewData, o: WorkspaceOptions): Promise<Workspace> {
  const paths = { sample: join(o.dir, 'sample.csv'), design: join(o.dir, 'sample.design.json'), hits: join(o.dir, 'hits'), sentences: join(o.dir, 'sentences') };
  const hasSample = existsSync(paths.sample);
  if (hasSample && (o.sample !== undefined || o.sheet !== undefined)) {
    throw new UsageError(`${displayPath(paths.sample)} already holds the sample the coders are coding; leave out ${o.sheet !== undefined ? '--sheet' : '--sample'}, or give another --dir for a new sample`);
  }
  const diagnostics: Diagnostic[] = [];
  const sampleRead = hasSample ? readSheetFile(paths.sample, 'sample', diagnostics) : o.sheet !== undefined ? readSheetFile(o.sheet, 'sheet', diagnostics) : undefined;
  if (sampleRead?.sheet && sampleRead.sheet.kind !== 'units') diagnostics.push(diag(displayPath(sampleRead.path), 1, 'error', 'expected a coding sheet written by `qantar sheet` (with unit_id)', 'review/wrong-sheet'));
  const hits = readFolder(paths.hits, 'kwic', diagnostics);
  const sentences = readFolder(paths.sentences, 'units', diagnostics);
  failOnErrors(diagnostics, false);
  const sheets = [sampleRead, ...hits, ...sentences].flatMap((r) => (r?.sheet ? [r.sheet] : []));
  const checked = await checkSheets(ctx, data.inputs, sheets);
  failOnErrors(checked.diagnostics, false);

  const sample = hasSample ? sampleRows(data, sampleRead!.sheet as UnitSheet)
    : o.sheet !== undefined ? await adoptSheet(data, sampleRead!.sheet as UnitSheet, paths.sample)
      : await drawSample(ctx, data, paths, { size: o.sample ?? 100, seed: o.seed, by: o.by, allocation: o.allocation });
  const sampleIndex = new Map(sample.map((r, i) => [r.unitId, i]));
  const hitIndex = new Map(data.hits.map((h, i) => [h.key, i]));
  const rank = {
    hits: (k: string) => hitIndex.get(k) ?? Infinity,
    sentences: (k: string) => sampleIndex.get(k) ?? Infinity,
  };
  const files: Workspace['files'] = { hits: new Map(), sentences: new Map() };
  const kwicKey = (v: Values) => judgementKey(v.hit_id ?? '', v.frame ?? '', v.pattern ?? '');
  for (const r of hits) files.hits.set(r.coder, DecisionFile.fromText(r.path, r.text, kwicKey, rank.hits));
  for (const r of sentences) {
    const f = DecisionFile.fromText(r.path, r.text, (v) => (v.unit_id ?? '').trim(), rank.sentences);
    addFrameColumns(f, data);
    files.sentences.set(r.coder, f);
  }
  ctx.log(`review: ${sample.length} sentences in the sample (${displayPath(paths.sample)}); ${files.hits.size} KWIC judge${files.hits.size === 1 ? '' : 's'}, ${files.sentences.size} sentence coder${files.sentences.size === 1 ? '' : 's'} so far`);
  return { dir: o.dir, sample, files, rank };
}

/**
 * A frame added to the lexicon after a coder began gets its columns; the units coded before are `?`
 * (not coded) for it, since a blank cell next to filled ones would read as "absent".
 */
function addFrameColumns(f: DecisionFile, data: ReviewData): void {
  const missing = data.frames.map((fr) => fr.frame).filter((fr) => !f.header.includes(fr));
  if (missing.length === 0) return;
  const tail = f.header.filter((h) => SHEET_TAIL_COLUMNS.includes(h));
  f.header = [...f.header.filter((h) => !SHEET_TAIL_COLUMNS.includes(h)), ...missing.flatMap((m) => [m, `${m}_use`]), ...tail];
  for (const v of f.rows.values()) for (const m of missing) v[m] = '?';
}

/** A coder's file of one kind, created (in memory; on disk with the first decision) when missing. */
export function coderFile(ws: Workspace, data: ReviewData, kind: Kind, coder: string): DecisionFile {
  const have = ws.files[kind].get(coder);
  if (have) return have;
  const header = kind === 'hits' ? [...KWIC_COLUMNS] : sheetColumns(data.frames);
  // Distinct file names, so `evaluate` given both folders names the coder `alice` and the judge `alice-kwic`.
  const f = new DecisionFile(join(ws.dir, kind, kind === 'hits' ? `${coder}-kwic.csv` : `${coder}.csv`), header, ws.rank[kind]);
  ws.files[kind].set(coder, f);
  return f;
}
