// A corpus in one file: a CSV (or TSV) or a JSONL file with a `text` column beside the metadata columns.
// Each record's line is kept for messages; the texts stay in memory (such corpora are small by nature).
import { parseCsv, requireColumns, type CsvRecord } from '../lib/csv.ts';
import { diag } from '../lib/diagnostics.ts';
import type { Diagnostic } from '../lib/types.ts';
import { REQUIRED_COLUMNS } from './metadata.ts';

export interface Records {
  header: string[];
  records: CsvRecord[];
  diagnostics: Diagnostic[];
}

export function csvRecords(text: string, shown: string): Records {
  const table = parseCsv(text, shown, 'corpus');
  const diagnostics = [...table.diagnostics, ...requireColumns(table, [...REQUIRED_COLUMNS, 'text'], shown, 'corpus')];
  if (table.header.length > 0 && table.records.length === 0 && diagnostics.length === 0) diagnostics.push(diag(shown, 2, 'error', 'the file has a header but no documents; expected at least one row', 'corpus/empty'));
  return { header: table.header, records: table.records, diagnostics };
}

function jsonRecord(raw: string, line: number, shown: string, header: Set<string>): CsvRecord | Diagnostic {
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch (e) {
    return diag(shown, line, 'error', `not valid JSON (${(e as Error).message}); expected one JSON object per line`, 'corpus/jsonl-syntax');
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return diag(shown, line, 'error', 'expected a JSON object with doc_id, source, source_type and text', 'corpus/jsonl-syntax');
  }
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    header.add(k);
    values[k] = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return { line, values };
}

export function jsonlRecords(text: string, shown: string): Records {
  const diagnostics: Diagnostic[] = [];
  const records: CsvRecord[] = [];
  const header = new Set<string>();
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const r = jsonRecord(raw, i + 1, shown, header);
    if ('values' in r) records.push(r);
    else diagnostics.push(r);
  });
  for (const r of records) {
    const lacks = [...REQUIRED_COLUMNS, 'text'].filter((c) => !(c in r.values));
    if (lacks.length) diagnostics.push(diag(shown, r.line, 'error', `missing ${lacks.map((c) => `\`${c}\``).join(', ')}; expected doc_id, source, source_type and text`, 'corpus/missing-column'));
  }
  if (records.length === 0 && diagnostics.length === 0) diagnostics.push(diag(shown, 1, 'error', 'no documents; expected one JSON object per line', 'corpus/empty'));
  return { header: [...header], records, diagnostics };
}
