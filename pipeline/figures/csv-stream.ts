// Read an output table row by row (csv-parse's stream), so that a million-document counts_by_doc.csv is
// summarised without being held in memory. A missing file, a missing column or a bad number becomes a
// diagnostic naming `path:line`; all of a file's problems are reported together.
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import { parseCsv } from '../lib/csv.ts';
import { DataError, diag, failOnErrors } from '../lib/diagnostics.ts';
import type { Diagnostic } from '../lib/types.ts';
import { displayPath } from '../ingest/read.ts';

export type Row = Record<string, string>;

export interface RowReader {
  values: Row;
  line: number;
  /** A numeric cell; `NA` is NaN, anything else that is not a number is recorded as a problem. */
  num(column: string): number;
}

const MAX_PROBLEMS = 50;

export async function readCsvRows(path: string, required: readonly string[], onRow: (r: RowReader) => void, hint = 'qantar count'): Promise<void> {
  const shown = displayPath(path);
  if (!existsSync(path)) throw new DataError([diag(shown, undefined, 'error', `${basename(path)} not found; run \`${hint}\` (or \`qantar run\`) first`, 'output/missing')]);
  const problems: Diagnostic[] = [];
  let header: string[] | undefined;
  const parser = createReadStream(path).pipe(parse({ bom: true, info: true, skip_empty_lines: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record;
        requireHeader(record, required, shown, `; re-run \`${hint}\``);
        continue;
      }
      const values: Row = {};
      header.forEach((h, i) => { values[h] = record[i] ?? ''; });
      onRow({ values, line: info.lines, num: (c) => parseNumber(values[c], c, shown, info.lines, problems) });
      if (problems.length >= MAX_PROBLEMS) break;
    }
  } catch (e) {
    if (e instanceof DataError) throw e;
    const err = e as { message: string; lines?: number };
    throw new DataError([diag(shown, err.lines, 'error', err.message.replace(/ at line \d+.*$| on line \d+.*$/, ''), 'output/csv-syntax')]);
  }
  if (!header) throw new DataError([diag(shown, 1, 'error', 'file is empty; expected a header row', 'output/empty')]);
  failOnErrors(problems);
}

/** The same, over a table already in memory (the count stage's own output, during `run`). */
export function readCsvText(text: string, path: string, required: readonly string[], onRow: (r: RowReader) => void): void {
  const shown = displayPath(path);
  const table = parseCsv(text, shown, 'output');
  failOnErrors(table.diagnostics);
  requireHeader(table.header, required, shown, '');
  const problems: Diagnostic[] = [];
  for (const { values, line } of table.records) onRow({ values, line, num: (c) => parseNumber(values[c], c, shown, line, problems) });
  failOnErrors(problems);
}

/** A table written by an older qantar, or by hand, that lacks a column the reader needs. */
function requireHeader(header: readonly string[], required: readonly string[], shown: string, hint: string): void {
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) throw new DataError([diag(shown, 1, 'error', `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `\`${m}\``).join(', ')}${hint}`, 'output/stale')]);
}

function parseNumber(cell: string | undefined, column: string, path: string, line: number, problems: Diagnostic[]): number {
  if (cell === 'NA') return NaN;
  const x = cell === undefined || cell.trim() === '' ? NaN : Number(cell);
  if (Number.isNaN(x)) problems.push(diag(path, line, 'error', `\`${column}\` is \`${cell ?? ''}\`; expected a number or NA`, 'output/bad-number'));
  return x;
}
