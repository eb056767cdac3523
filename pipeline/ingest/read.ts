// Read a corpus: a folder (metadata.csv + texts/) or one CSV / JSONL file with a `text` column. Every
// text is read, decoded and hashed before the run starts, so every problem is known up front; the text
// itself is loaded again, one document at a time, when a stage needs it.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { parseCsv, requireColumns, type CsvRecord } from '../lib/csv.ts';
import { diag, sortDiagnostics } from '../lib/diagnostics.ts';
import { decodeText } from '../lib/encoding.ts';
import { sha256 } from '../lib/io.ts';
import type { Diagnostic, Document } from '../lib/types.ts';
import { extraColumns, REQUIRED_COLUMNS, validateMetadata, type MetaRow } from './metadata.ts';

export interface CorpusEntry extends MetaRow {
  textHash: string;
  chars: number;
  /** Decoded encoding actually used. */
  decodedAs: string;
}

export interface CorpusIndex {
  path: string;
  kind: 'folder' | 'csv' | 'jsonl';
  /** Metadata file that was read (for the manifest). */
  metadataPath: string;
  metadataHash: string;
  extraColumns: string[];
  entries: CorpusEntry[];
  diagnostics: Diagnostic[];
  /** Texts of single-file corpora, by doc_id. */
  inlineTexts?: Map<string, string>;
}

/** How paths appear in messages: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r === '' ? '.' : r.startsWith('..') ? p : r.split(sep).join('/');
}

export function readCorpusIndex(corpusPath: string): CorpusIndex {
  if (!existsSync(corpusPath)) {
    return empty(corpusPath, 'folder', [diag(displayPath(corpusPath), undefined, 'error', 'corpus not found; expected a folder with metadata.csv and texts/, or a .csv/.jsonl file with a text column', 'corpus/not-found')]);
  }
  if (statSync(corpusPath).isDirectory()) return readFolder(corpusPath);
  const ext = extname(corpusPath).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return readSingleFile(corpusPath, 'jsonl');
  if (ext === '.csv' || ext === '.tsv') return readSingleFile(corpusPath, 'csv');
  return empty(corpusPath, 'folder', [diag(displayPath(corpusPath), undefined, 'error', `unsupported corpus file type \`${ext || '(none)'}\`; expected a folder, a .csv or a .jsonl file`, 'corpus/not-found')]);
}

function empty(path: string, kind: CorpusIndex['kind'], diagnostics: Diagnostic[]): CorpusIndex {
  return { path, kind, metadataPath: path, metadataHash: '', extraColumns: [], entries: [], diagnostics };
}

function readFolder(dir: string): CorpusIndex {
  const metaPath = join(dir, 'metadata.csv');
  const shown = displayPath(metaPath);
  if (!existsSync(metaPath)) return empty(dir, 'folder', [diag(shown, undefined, 'error', 'metadata.csv is missing; expected one row per document with doc_id, source, source_type', 'corpus/no-metadata')]);
  const bytes = readFileSync(metaPath);
  const decoded = decodeText(bytes, shown, '');
  if ('error' in decoded) return empty(dir, 'folder', [decoded.error]);
  const table = parseCsv(decoded.text, shown, 'corpus');
  const diagnostics = [...table.diagnostics, ...requireColumns(table, REQUIRED_COLUMNS, shown, 'corpus')];
  if (table.header.length > 0 && table.records.length === 0 && !diagnostics.length) diagnostics.push(diag(shown, 2, 'error', 'metadata.csv has a header but no documents; expected at least one row', 'corpus/empty'));
  const index: CorpusIndex = { path: dir, kind: 'folder', metadataPath: metaPath, metadataHash: sha256(bytes), extraColumns: extraColumns(table.header), entries: [], diagnostics };
  if (diagnostics.some((d) => d.rule === 'corpus/missing-column' || d.rule === 'corpus/empty')) return index;
  const { rows, diagnostics: rowDiags } = validateMetadata(table.records, shown, true);
  diagnostics.push(...rowDiags);
  const realDir = realpathSync(dir);
  const listed = new Set<string>();
  for (const row of rows) {
    const full = join(dir, row.file);
    const line = row.meta.line;
    listed.add(full);
    if (!existsSync(full)) {
      diagnostics.push(diag(shown, line, 'error', `no text file \`${row.file}\` for doc_id \`${row.meta.docId}\`; expected it inside the corpus folder`, 'corpus/missing-text'));
      continue;
    }
    const real = realpathSync(full);
    if (real !== realDir && !real.startsWith(realDir + sep)) {
      diagnostics.push(diag(shown, line, 'error', `file \`${row.file}\` for doc_id \`${row.meta.docId}\` resolves outside the corpus folder (a link to ${real}); expected a file inside it`, 'corpus/file-outside'));
      continue;
    }
    if (!statSync(real).isFile()) {
      diagnostics.push(diag(shown, line, 'error', `\`${row.file}\` for doc_id \`${row.meta.docId}\` is not a regular file`, 'corpus/missing-text'));
      continue;
    }
    const entry = hashEntry(row, readFileSync(real), displayPath(full), diagnostics);
    if (entry) index.entries.push(entry);
  }
  warnUnlisted(dir, listed, diagnostics);
  index.entries.sort((a, b) => (a.meta.docId < b.meta.docId ? -1 : a.meta.docId > b.meta.docId ? 1 : 0));
  sortDiagnostics(diagnostics);
  return index;
}

function hashEntry(row: MetaRow, bytes: Uint8Array, shownPath: string, diagnostics: Diagnostic[]): CorpusEntry | undefined {
  const decoded = decodeText(bytes, shownPath, row.encoding);
  if ('error' in decoded) {
    diagnostics.push(decoded.error);
    return undefined;
  }
  if (decoded.text.trim() === '') diagnostics.push(diag(shownPath, undefined, 'warning', `text of doc_id \`${row.meta.docId}\` is empty; it counts with zero words`, 'corpus/empty-text'));
  return { ...row, textHash: sha256(decoded.text), chars: decoded.text.length, decodedAs: decoded.encoding };
}

function warnUnlisted(dir: string, listed: Set<string>, diagnostics: Diagnostic[]): void {
  const textsDir = join(dir, 'texts');
  if (!existsSync(textsDir) || !lstatSync(textsDir).isDirectory()) return;
  const unlisted = readdirSync(textsDir).filter((f) => f.endsWith('.txt') && !listed.has(join(textsDir, f))).sort();
  if (unlisted.length === 0) return;
  const shown = unlisted.slice(0, 10).map((f) => `texts/${f}`).join(', ') + (unlisted.length > 10 ? ` and ${unlisted.length - 10} more` : '');
  diagnostics.push(diag(displayPath(join(dir, 'metadata.csv')), undefined, 'warning', `${unlisted.length} text file${unlisted.length > 1 ? 's are' : ' is'} not listed in metadata.csv and will be ignored: ${shown}`, 'corpus/unlisted-text'));
}

function readSingleFile(path: string, kind: 'csv' | 'jsonl'): CorpusIndex {
  const shown = displayPath(path);
  const bytes = readFileSync(path);
  const decoded = decodeText(bytes, shown, '');
  if ('error' in decoded) return empty(path, kind, [decoded.error]);
  const { header, records, diagnostics } = kind === 'csv' ? csvRecords(decoded.text, shown) : jsonlRecords(decoded.text, shown);
  const index: CorpusIndex = { path, kind, metadataPath: path, metadataHash: sha256(bytes), extraColumns: extraColumns(header), entries: [], diagnostics, inlineTexts: new Map() };
  if (diagnostics.some((d) => d.rule === 'corpus/missing-column')) return index;
  const { rows, diagnostics: rowDiags } = validateMetadata(records, shown, false);
  diagnostics.push(...rowDiags);
  const textOf = new Map(records.map((r) => [r.line, r.values.text ?? '']));
  for (const row of rows) {
    const text = textOf.get(row.meta.line) ?? '';
    if (text.trim() === '') diagnostics.push(diag(shown, row.meta.line, 'warning', `text of doc_id \`${row.meta.docId}\` is empty; it counts with zero words`, 'corpus/empty-text'));
    index.inlineTexts!.set(row.meta.docId, text);
    index.entries.push({ ...row, textHash: sha256(text), chars: text.length, decodedAs: 'utf-8' });
  }
  index.entries.sort((a, b) => (a.meta.docId < b.meta.docId ? -1 : a.meta.docId > b.meta.docId ? 1 : 0));
  sortDiagnostics(diagnostics);
  return index;
}

function csvRecords(text: string, shown: string) {
  const table = parseCsv(text, shown, 'corpus');
  const diagnostics = [...table.diagnostics, ...requireColumns(table, [...REQUIRED_COLUMNS, 'text'], shown, 'corpus')];
  return { header: table.header, records: table.records, diagnostics };
}

function jsonlRecords(text: string, shown: string) {
  const diagnostics: Diagnostic[] = [];
  const records: CsvRecord[] = [];
  const header = new Set<string>();
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      diagnostics.push(diag(shown, i + 1, 'error', `not valid JSON (${(e as Error).message}); expected one JSON object per line`, 'corpus/jsonl-syntax'));
      return;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      diagnostics.push(diag(shown, i + 1, 'error', 'expected a JSON object with doc_id, source, source_type and text', 'corpus/jsonl-syntax'));
      return;
    }
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj)) {
      header.add(k);
      values[k] = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    records.push({ line: i + 1, values });
  });
  const missing = [...REQUIRED_COLUMNS, 'text'].filter((c) => records.some((r) => !(c in r.values)));
  if (missing.length > 0) {
    for (const r of records) {
      const lacks = missing.filter((c) => !(c in r.values));
      if (lacks.length) diagnostics.push(diag(shown, r.line, 'error', `missing ${lacks.map((c) => `\`${c}\``).join(', ')}; expected doc_id, source, source_type and text`, 'corpus/missing-column'));
    }
  }
  if (records.length === 0 && diagnostics.length === 0) diagnostics.push(diag(shown, 1, 'error', 'no documents; expected one JSON object per line', 'corpus/empty'));
  return { header: [...header], records, diagnostics };
}

/** Load one document's text (again) for the stages that need it; the hash was checked up front. */
export function loadDocument(index: CorpusIndex, entry: CorpusEntry): Document {
  let text: string;
  if (index.inlineTexts) {
    text = index.inlineTexts.get(entry.meta.docId) ?? '';
  } else {
    const full = join(index.path, entry.file);
    const decoded = decodeText(readFileSync(full), displayPath(full), entry.encoding);
    if ('error' in decoded) throw new Error(`internal: ${displayPath(full)} changed during the run`);
    text = decoded.text;
    if (sha256(text) !== entry.textHash) throw new Error(`internal: ${displayPath(full)} changed during the run`);
  }
  return { meta: entry.meta, text, textHash: entry.textHash, encoding: entry.decodedAs };
}
