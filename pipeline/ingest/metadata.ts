// Validate metadata rows (pure): required columns, doc_id syntax and uniqueness, dates, languages, and
// where each text lives. Every problem becomes a diagnostic naming the row's line.
import { isAbsolute, normalize } from 'node:path';
import type { CsvRecord } from '../lib/csv.ts';
import { diag } from '../lib/diagnostics.ts';
import { LANGS, type Diagnostic, type DocumentMeta, type Lang } from '../lib/types.ts';

export const REQUIRED_COLUMNS = ['doc_id', 'source', 'source_type'] as const;
export const DOC_ID = /^[A-Za-z0-9._-]+$/;
const KNOWN = new Set(['doc_id', 'source', 'source_type', 'date', 'lang', 'title', 'url', 'file', 'encoding', 'text']);

/** `2022`, `2022-01` or a real calendar day `2022-01-07`. */
export function validDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

export interface MetaRow {
  meta: DocumentMeta;
  /** Relative path of the text inside the corpus folder ('' for single-file corpora). */
  file: string;
  encoding: string;
}

type Problem = [message: string, rule: string];

function checkDate(date: string): Problem | undefined {
  if (date === '' || validDate(date)) return undefined;
  const sheet = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(date) ? ' (a spreadsheet may have reformatted it: format the column as text)' : '';
  return [`invalid date \`${date}\`; expected an ISO date such as 2022-01-07, 2022-01 or 2022${sheet}`, 'corpus/bad-date'];
}

/** The row's text path, normalised, or the problem with it. Windows paths (`texts\\a.txt`) mean the same file. */
function checkFile(cell: string, docId: string): { file: string; problem?: Problem } {
  const file = cell.trim().replace(/\\/g, '/') || `texts/${docId}.txt`;
  const norm = normalize(file);
  if (isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) return { file, problem: [`file \`${file}\` is an absolute path; expected a path relative to the corpus folder`, 'corpus/file-outside'] };
  if (norm === '..' || norm.startsWith('../')) return { file, problem: [`file \`${file}\` points outside the corpus folder; expected a path inside it`, 'corpus/file-outside'] };
  return { file: norm };
}

function checkDocId(docId: string, firstLine: ReadonlyMap<string, number>): Problem | undefined {
  if (!DOC_ID.test(docId)) return [docId === '' ? 'empty doc_id; expected letters, digits, `.`, `_` or `-`' : `doc_id \`${docId}\` has characters outside [A-Za-z0-9._-]`, 'corpus/bad-doc-id'];
  if (firstLine.has(docId)) return [`duplicate doc_id \`${docId}\` (also at line ${firstLine.get(docId)}); expected each doc_id once`, 'corpus/duplicate-doc-id'];
  return undefined;
}

function metaOf(values: Record<string, string>, line: number, docId: string, lang: string, date: string, origin: string): DocumentMeta {
  const columns: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (k !== 'text') columns[k] = k === 'lang' ? lang : k === 'date' ? date : (v ?? '').trim();
  columns.doc_id = docId;
  return {
    docId, source: values.source.trim(), sourceType: values.source_type.trim(), date, lang: lang as Lang,
    title: (values.title ?? '').trim(), url: (values.url ?? '').trim(), columns, origin, line,
  };
}

/** Validate rows. `withFiles` says whether the `file` column applies (a folder corpus). */
export function validateMetadata(records: readonly CsvRecord[], path: string, withFiles: boolean): { rows: MetaRow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rows: MetaRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, values } of records) {
    const docId = (values.doc_id ?? '').trim();
    const date = (values.date ?? '').trim();
    const lang = ((values.lang ?? '').trim() || 'en').toLowerCase();
    const file = withFiles ? checkFile(values.file ?? '', docId) : { file: '' };
    const problems: (Problem | undefined)[] = [
      checkDocId(docId, firstLine),
      ...(['source', 'source_type'] as const).map((col): Problem | undefined => ((values[col] ?? '').trim() === '' ? [`empty \`${col}\` for doc_id \`${docId}\`; expected a value`, 'corpus/missing-value'] : undefined)),
      checkDate(date),
      (LANGS as readonly string[]).includes(lang) ? undefined : [`unknown lang \`${lang}\`; expected one of: ${LANGS.join(', ')}`, 'corpus/unknown-lang'],
      file.problem,
    ];
    if (DOC_ID.test(docId) && !firstLine.has(docId)) firstLine.set(docId, line);
    const found = problems.filter((p): p is Problem => p !== undefined);
    for (const [message, rule] of found) diagnostics.push(diag(path, line, 'error', message, rule));
    if (found.length > 0) continue;
    rows.push({ meta: metaOf(values, line, docId, lang, date, withFiles ? file.file : `${path}:${line}`), file: file.file, encoding: (values.encoding ?? '').trim() });
  }
  return { rows, diagnostics };
}

/** Metadata columns beyond the known ones: kept as grouping variables, in header order. */
export function extraColumns(header: readonly string[]): string[] {
  return header.filter((h) => !KNOWN.has(h));
}
