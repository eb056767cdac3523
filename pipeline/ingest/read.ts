// Read a corpus: a folder (metadata.csv + texts/) or one CSV / JSONL file with a `text` column. Every
// text is read, decoded and hashed before the run starts, so every problem is known up front; the text
// itself is loaded again, one document at a time, when a stage needs it.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseCsv, requireColumns } from '../lib/csv.ts';
import { DataError, diag, sortDiagnostics } from '../lib/diagnostics.ts';
import { decodeText } from '../lib/encoding.ts';
import { sha256 } from '../lib/io.ts';
import type { Progress } from '../lib/progress.ts';
import type { Diagnostic, Document } from '../lib/types.ts';
import { extraColumns, REQUIRED_COLUMNS, validateMetadata } from './metadata.ts';
import { csvRecords, jsonlRecords } from './single-file.ts';
import { checkDuplicateFiles, displayPath, duplicateTexts, readRowText, warnUnlisted } from './texts.ts';
import { EntryBuilder, EntryList, type CorpusEntry } from './entries.ts';
import { openTextMemo, type TextMemo } from './memo.ts';

export { displayPath, EntryList, type CorpusEntry };

export interface CorpusIndex {
  path: string;
  kind: 'folder' | 'csv' | 'jsonl';
  /** Metadata file that was read (for the manifest). */
  metadataPath: string;
  metadataHash: string;
  extraColumns: string[];
  /** In doc_id order. */
  entries: EntryList;
  diagnostics: Diagnostic[];
  /** Texts of single-file corpora, by doc_id. */
  inlineTexts?: Map<string, string>;
  /** What the check learned about the texts, to keep for the next check once the inputs are accepted. */
  memo?: TextMemo;
}

/** Shows progress while texts are checked (a corpus of 100,000 files takes a while). */
export type ProgressFactory = (total: number) => Progress;

/**
 * `cacheDir`, when given, keeps what the check learned about each text of a folder corpus (memo.ts), so
 * that a re-run reads only the texts that changed.
 */
export function readCorpusIndex(corpusPath: string, progress?: ProgressFactory, cacheDir?: string): CorpusIndex {
  if (!existsSync(corpusPath)) {
    return empty(corpusPath, 'folder', [diag(displayPath(corpusPath), undefined, 'error', 'corpus not found; expected a folder with metadata.csv and texts/, or a .csv/.jsonl file with a text column', 'corpus/not-found')]);
  }
  if (statSync(corpusPath).isDirectory()) return readFolder(corpusPath, progress, cacheDir);
  const ext = extname(corpusPath).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return readSingleFile(corpusPath, 'jsonl');
  if (ext === '.csv' || ext === '.tsv') return readSingleFile(corpusPath, 'csv');
  return empty(corpusPath, 'folder', [diag(displayPath(corpusPath), undefined, 'error', `unsupported corpus file type \`${ext || '(none)'}\`; expected a folder, a .csv or a .jsonl file`, 'corpus/not-found')]);
}

function empty(path: string, kind: CorpusIndex['kind'], diagnostics: Diagnostic[]): CorpusIndex {
  return { path, kind, metadataPath: path, metadataHash: '', extraColumns: [], entries: EntryList.empty(), diagnostics };
}

function missingMetadata(dir: string, shown: string): Diagnostic {
  const others = readdirSync(dir).filter((f) => /\.(csv|tsv|xlsx?|ods)$/i.test(f)).sort();
  const hint = others.length ? ` (the folder has ${others.map((f) => `\`${f}\``).join(', ')}; the name must be exactly metadata.csv, saved as CSV)` : '';
  return diag(shown, undefined, 'error', `metadata.csv is missing${hint}; expected one row per document with doc_id, source, source_type`, 'corpus/no-metadata');
}

function readFolder(dir: string, progress?: ProgressFactory, cacheDir?: string): CorpusIndex {
  const metaPath = join(dir, 'metadata.csv');
  const shown = displayPath(metaPath);
  if (!existsSync(metaPath) || !statSync(metaPath).isFile()) return empty(dir, 'folder', [missingMetadata(dir, shown)]);
  const bytes = readFileSync(metaPath);
  const decoded = decodeText(bytes, shown, '', { area: 'corpus', csv: true });
  if ('error' in decoded) return empty(dir, 'folder', [decoded.error]);
  const table = parseCsv(decoded.text, shown, 'corpus');
  const diagnostics = [...table.diagnostics, ...requireColumns(table, REQUIRED_COLUMNS, shown, 'corpus')];
  if (table.header.length > 0 && table.records.length === 0 && !diagnostics.length) diagnostics.push(diag(shown, 2, 'error', 'metadata.csv has a header but no documents; expected at least one row', 'corpus/empty'));
  const index: CorpusIndex = { path: dir, kind: 'folder', metadataPath: metaPath, metadataHash: sha256(bytes), extraColumns: extraColumns(table.header), entries: EntryList.empty(), diagnostics };
  if (diagnostics.some((d) => d.rule === 'corpus/missing-column' || d.rule === 'corpus/empty')) return index;
  const { rows, diagnostics: rowDiags } = validateMetadata(table.records, shown, true);
  diagnostics.push(...rowDiags, ...checkDuplicateFiles(rows, shown));
  const realDir = realpathSync.native(dir);
  const bar = progress?.(rows.length);
  const entries = new EntryBuilder();
  const duplicates = duplicateTexts(shown);
  const memo = cacheDir === undefined ? undefined : openTextMemo(cacheDir, realDir);
  for (const row of rows) {
    const entry = readRowText(dir, realDir, row, shown, diagnostics, memo);
    if (entry) {
      entries.add(entry);
      duplicates.see(entry);
    }
    bar?.tick();
  }
  bar?.stop();
  index.memo = memo;
  diagnostics.push(...duplicates.diagnostics, ...warnUnlisted(dir, new Set(rows.map((r) => r.file)), shown));
  index.entries = entries.done();
  sortDiagnostics(diagnostics);
  return index;
}

function readSingleFile(path: string, kind: 'csv' | 'jsonl'): CorpusIndex {
  const shown = displayPath(path);
  const bytes = readFileSync(path);
  const decoded = decodeText(bytes, shown, '', { area: 'corpus', csv: true });
  if ('error' in decoded) return empty(path, kind, [decoded.error]);
  const { header, records, diagnostics } = kind === 'csv' ? csvRecords(decoded.text, shown) : jsonlRecords(decoded.text, shown);
  const index: CorpusIndex = { path, kind, metadataPath: path, metadataHash: sha256(bytes), extraColumns: extraColumns(header), entries: EntryList.empty(), diagnostics, inlineTexts: new Map() };
  if (diagnostics.some((d) => d.rule === 'corpus/missing-column' || d.rule === 'corpus/empty')) return index;
  const { rows, diagnostics: rowDiags } = validateMetadata(records, shown, false);
  diagnostics.push(...rowDiags);
  const textOf = new Map(records.map((r) => [r.line, r.values.text ?? '']));
  const entries = new EntryBuilder(shown);
  const duplicates = duplicateTexts(shown);
  for (const row of rows) {
    const text = textOf.get(row.meta.line) ?? '';
    if (text.trim() === '') diagnostics.push(diag(shown, row.meta.line, 'warning', `text of doc_id \`${row.meta.docId}\` is empty; it counts with zero words`, 'corpus/empty-text'));
    index.inlineTexts!.set(row.meta.docId, text);
    const entry = { ...row, textHash: sha256(text), chars: text.length, decodedAs: 'utf-8' };
    entries.add(entry);
    duplicates.see(entry);
  }
  diagnostics.push(...duplicates.diagnostics);
  index.entries = entries.done();
  sortDiagnostics(diagnostics);
  return index;
}

/** Load one document's text (again) for the stages that need it; the hash was checked up front. */
export function loadDocument(index: CorpusIndex, entry: CorpusEntry): Document {
  const text = index.inlineTexts ? index.inlineTexts.get(entry.meta.docId) ?? '' : readDocumentText(textSource(index, entry));
  return { meta: entry.meta, text, textHash: entry.textHash, encoding: entry.decodedAs };
}

/** Where a folder corpus's text is, and what it must hash to: enough for a worker to read it itself. */
export interface TextSource {
  path: string;
  /** The declared encoding ('' when none). */
  encoding: string;
  docId: string;
  textHash: string;
}

export function textSource(index: CorpusIndex, entry: CorpusEntry): TextSource {
  return { path: join(index.path, entry.file), encoding: entry.encoding, docId: entry.meta.docId, textHash: entry.textHash };
}

/** Read, decode and check a text against the hash taken when the corpus was checked. */
export function readDocumentText({ path, encoding, docId, textHash }: TextSource): string {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(path);
  } catch {
    bytes = undefined;
  }
  const decoded = bytes ? decodeText(bytes, displayPath(path), encoding, { area: 'corpus' }) : undefined;
  if (!decoded || 'error' in decoded || sha256(decoded.text) !== textHash) {
    // Edited while the run reads it: the counts would mix two versions of the corpus.
    throw new DataError([diag(displayPath(path), undefined, 'error', `the text of doc_id \`${docId}\` changed while qantar was running; run again when the corpus is no longer being edited`, 'corpus/changed-during-run')]);
  }
  return decoded.text;
}
