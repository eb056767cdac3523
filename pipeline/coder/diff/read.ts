// Read the outputs of a previous run that diff compares: documents.csv (words, group columns, text hash)
// and hits.csv. A missing file or column is a diagnostic naming the path.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, requireColumns } from '../../lib/csv.ts';
import { DataError, diag, failOnErrors } from '../../lib/diagnostics.ts';
import type { Diagnostic } from '../../lib/types.ts';
import { displayPath } from '../../ingest/read.ts';

export interface OutDoc {
  docId: string;
  words: number;
  textHash: string;
  columns: Record<string, string>;
}

export interface OutHit {
  docId: string;
  sentence: number;
  start: number;
  end: number;
  frame: string;
  pattern: string;
  text: string;
  use: string;
}

export interface OutRun {
  dir: string;
  docHeader: string[];
  docs: Map<string, OutDoc>;
  hits: OutHit[];
}

function table(dir: string, name: string, required: string[], problems: Diagnostic[]) {
  const p = join(dir, name);
  if (!existsSync(p)) {
    problems.push(diag(displayPath(p), undefined, 'error', `${name} not found; expected the output folder of a \`qantar run\` (or \`qantar tag\`)`, 'diff/missing'));
    return undefined;
  }
  const t = parseCsv(readFileSync(p, 'utf8'), displayPath(p), 'diff');
  problems.push(...t.diagnostics, ...requireColumns(t, required, displayPath(p), 'diff'));
  return t;
}

export function readOutRun(dir: string): OutRun {
  if (!existsSync(dir)) throw new DataError([diag(displayPath(dir), undefined, 'error', 'output folder not found; expected a folder written by `qantar run`', 'diff/missing')]);
  const problems: Diagnostic[] = [];
  const docs = table(dir, 'documents.csv', ['doc_id', 'words'], problems);
  const hits = table(dir, 'hits.csv', ['doc_id', 'sentence', 'start', 'end', 'frame', 'pattern', 'text', 'use'], problems);
  failOnErrors(problems);
  const run: OutRun = { dir, docHeader: docs!.header, docs: new Map(), hits: [] };
  for (const { values } of docs!.records) {
    run.docs.set(values.doc_id, { docId: values.doc_id, words: Number(values.words) || 0, textHash: values.text_sha256 ?? '', columns: values });
  }
  for (const { line, values } of hits!.records) {
    const start = Number(values.start);
    const end = Number(values.end);
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      problems.push(diag(displayPath(join(dir, 'hits.csv')), line, 'error', `start \`${values.start}\` / end \`${values.end}\` are not offsets; expected whole numbers`, 'diff/bad-row'));
      continue;
    }
    run.hits.push({ docId: values.doc_id, sentence: Number(values.sentence), start, end, frame: values.frame, pattern: values.pattern, text: values.text, use: values.use });
  }
  failOnErrors(problems);
  return run;
}
