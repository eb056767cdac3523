// CSV in and out. Reading keeps each record's line number and turns every structural problem into a
// diagnostic (all of them, not just the first); writing formats one way so outputs are byte-stable.
import { parse } from 'csv-parse/sync';
import { mapLines, parserBreaks, type LineMap } from './csv-lines.ts';
import { diag } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  diagnostics: Diagnostic[];
  delimiter: string;
}

/** `;`-separated files (spreadsheet exports in many locales) are accepted when the header says so. */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  if (count(',') === 0 && count(';') > 0) return ';';
  if (count(',') === 0 && count('\t') > 0) return '\t';
  return ',';
}

/** csv-parse's error, said for someone who edits CSV in a spreadsheet or by hand. */
function syntaxMessage(err: { code?: string; lines?: number; message: string }, lines: LineMap): { line?: number; message: string } {
  const at = err.lines === undefined ? undefined : lines.editorLine(err.lines);
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return { line: at, message: err.message.replace(/^Invalid Record Length: expect (\d+), got (\d+).*$/, 'row has $2 fields; expected $1 like the header') };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line: lines.openQuoteLine ?? at, message: 'a quoted value opens here and is never closed; expected a closing `"` (everything after it was read as one value)' };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { line: at, message: 'a quote mark inside a value; quote the whole value and double the quote marks inside it, e.g. "so-called ""terrorists"""' };
    default:
      return { line: at, message: err.message.replace(/ at line \d+.*$| on line \d+.*$/, '') };
  }
}

/**
 * Parse a CSV with a header row. Each record's `line` is the line where it starts. Ragged rows, bad
 * quotes and duplicate header names become diagnostics with rule ids under `area`.
 */
export function parseCsv(text: string, path: string, area: string): CsvTable {
  const diagnostics: Diagnostic[] = [];
  const delimiter = detectDelimiter(text);
  const lines = mapLines(text);
  const options: Record<string, unknown> = {
    bom: true, info: true, delimiter, skip_empty_lines: true, relax_column_count: false,
    skip_records_with_error: true,
    on_skip: (err: { code?: string; lines?: number; message: string } | undefined) => {
      if (!err) return;
      const { line, message } = syntaxMessage(err, lines);
      diagnostics.push(diag(path, line, 'error', message, `${area}/csv-syntax`));
    },
  };
  const rows = (parse as (input: string, o: Record<string, unknown>) => unknown)(text, options) as { record: string[]; info: { lines: number } }[];
  if (rows.length === 0) {
    diagnostics.push(diag(path, 1, 'error', 'file is empty; expected a header row', `${area}/empty`));
    return { header: [], records: [], diagnostics, delimiter };
  }
  const header = rows[0].record.map((h) => h.trim());
  const width = usedWidth(header, rows);
  header.length = width;
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === '') diagnostics.push(diag(path, 1, 'error', `column ${i + 1} has an empty header name`, `${area}/header`));
    else if (seen.has(h)) diagnostics.push(diag(path, 1, 'error', `duplicate column \`${h}\` in the header`, `${area}/header`));
    seen.add(h);
  });
  const records: CsvRecord[] = [];
  for (const row of rows.slice(1)) {
    // Rows of nothing but separators (`,,,,`) are what spreadsheets leave below the data: skipped.
    if (row.record.every((f) => f === '')) continue;
    const values: Record<string, string> = {};
    header.forEach((h, i) => { values[h] = row.record[i] ?? ''; });
    records.push({ line: lines.editorLine(row.info.lines - parserBreaks(row.record)), values });
  }
  return { header, records, diagnostics, delimiter };
}

/**
 * Trailing columns with an empty header and no value in any row (a spreadsheet's untouched cells) are
 * dropped; a value under an empty header is reported by the caller.
 */
function usedWidth(header: readonly string[], rows: readonly { record: string[] }[]): number {
  let width = header.length;
  while (width > 1 && header[width - 1] === '' && rows.every((r) => (r.record[width - 1] ?? '').trim() === '')) width--;
  return width;
}

/** Names of required columns that the header lacks, as diagnostics (none for an empty file: said already). */
export function requireColumns(table: CsvTable, required: readonly string[], path: string, area: string): Diagnostic[] {
  const missing = required.filter((c) => !table.header.includes(c));
  if (missing.length === 0 || table.header.length === 0) return [];
  const near = missing.map((m) => table.header.find((h) => h.toLowerCase().replace(/[\s-]+/g, '_') === m)).filter(Boolean);
  const hint = near.length ? ` (names are exact and lowercase: ${near.map((h) => `\`${h}\``).join(', ')} does not count)` : '';
  return [diag(path, 1, 'error',
    `missing required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `\`${m}\``).join(', ')}; the header has ${table.header.map((h) => `\`${h}\``).join(', ')}${hint}`,
    `${area}/missing-column`)];
}

export type Cell = string | number | boolean | null | undefined;

/** Format rows as CSV: LF line ends, quotes only where needed, a header always. */
export function formatCsv(columns: readonly string[], rows: Iterable<readonly Cell[]>): string {
  return formatCsvHeader(columns) + formatCsvRows(rows);
}

export function formatCsvHeader(columns: readonly string[]): string {
  return formatCsvRows([columns]);
}

/**
 * RFC 4180 rows, as csv-stringify writes them by default: a field is quoted only when it holds a comma,
 * a quote or a line break, and quotes inside are doubled. Written by hand because it is on the hot path
 * (one call per hit and per count row).
 */
export function formatCsvRows(rows: Iterable<readonly Cell[]>): string {
  // Joined, not appended cell by cell: `join` sizes one flat string, where `+=` builds a rope of every
  // piece (about 35 per hit row) that is flattened again when written.
  const lines: string[] = [];
  for (const r of rows) {
    const cells = new Array<string>(r.length);
    for (let i = 0; i < r.length; i++) {
      const c = r[i];
      // Only a string can hold a comma, a quote or a line break: the other cells are written as they are.
      cells[i] = typeof c === 'string' ? quoteCell(c) : cellText(c);
    }
    lines.push(cells.join(','));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function quoteCell(s: string): string {
  // A scan by character code: most cells are short, and a regular expression call costs more than the scan.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x2c || c === 0x0a || c === 0x0d) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  return String(c);
}

/** Numbers in outputs: fixed decimals, no `-0`, `NA` for not-a-number. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return 'NA';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
