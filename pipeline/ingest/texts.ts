// The text files of a corpus folder, checked row by row: each listed file must exist, stay inside the
// folder (after following links), be a regular readable file and decode cleanly; each is hashed. Then
// the folder-wide checks: a file listed twice, the same text under two doc_ids, files nobody listed.
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { diag } from '../lib/diagnostics.ts';
import { decodeText } from '../lib/encoding.ts';
import { sha256 } from '../lib/io.ts';
import type { Diagnostic } from '../lib/types.ts';
import type { MetaRow } from './metadata.ts';
import type { CorpusEntry } from './entries.ts';
import type { CheckedText, TextMemo } from './memo.ts';

export type { CorpusEntry };

/** How paths appear in messages: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r === '' ? '.' : r.startsWith('..') ? p : r.split(sep).join('/');
}

function inside(real: string, realDir: string): boolean {
  return real === realDir || real.startsWith(realDir + sep);
}

/** Read and check one row's text; a problem becomes a diagnostic on the metadata line (or the text's). */
export function readRowText(dir: string, realDir: string, row: MetaRow, shownMeta: string, diagnostics: Diagnostic[], memo?: TextMemo): CorpusEntry | undefined {
  const full = join(dir, row.file);
  const err = (message: string, rule: string) => {
    diagnostics.push(diag(shownMeta, row.meta.line, 'error', message, rule));
    return undefined;
  };
  const id = `doc_id \`${row.meta.docId}\``;
  // One call resolves the links and says whether the file is there (the native call: no lstat per folder).
  let real: string;
  try {
    real = realpathSync.native(full);
  } catch {
    const dangling = lstatExists(full) ? ' (a link whose target does not exist)' : '';
    return err(`no text file \`${row.file}\` for ${id}${dangling}; expected it inside the corpus folder`, 'corpus/missing-text');
  }
  if (!inside(real, realDir)) return err(`file \`${row.file}\` for ${id} resolves outside the corpus folder (a link to ${real}); expected a file inside it`, 'corpus/file-outside');
  const st = statSync(real);
  if (!st.isFile()) return err(`\`${row.file}\` for ${id} is not a regular file; expected a plain-text file`, 'corpus/missing-text');
  const shown = displayPath(full);
  const empty = () => diagnostics.push(diag(shown, undefined, 'warning', `text of ${id} is empty; it counts with zero words`, 'corpus/empty-text'));
  const known = memo && readable(real) ? memo.get(row.file, st, row.encoding) : undefined;
  if (known) {
    if (known.blank) empty();
    memo!.set(row.file, st, row.encoding, known);
    return { ...row, textHash: known.textHash, chars: known.chars, decodedAs: known.decodedAs };
  }
  const entry = checkText(real, row, shown, err, empty, diagnostics);
  if (entry) memo?.set(row.file, st, row.encoding, { textHash: entry.textHash, chars: entry.chars, decodedAs: entry.decodedAs, blank: entry.blank });
  return entry && { ...row, textHash: entry.textHash, chars: entry.chars, decodedAs: entry.decodedAs };
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Read, decode and hash one text. */
function checkText(real: string, row: MetaRow, shown: string, err: (message: string, rule: string) => undefined, empty: () => void, diagnostics: Diagnostic[]): CheckedText | undefined {
  const id = `doc_id \`${row.meta.docId}\``;
  // A big UTF-8 text is checked and hashed in pieces; anything unusual is read whole for its message.
  const streamed = !row.encoding && statSync(real).size >= STREAM_FROM ? hashUtf8Stream(real) : undefined;
  if (streamed) {
    if (streamed.blank) empty();
    return { textHash: streamed.textHash, chars: streamed.chars, decodedAs: 'utf-8', blank: streamed.blank };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(real);
  } catch (e) {
    return err(`cannot read \`${row.file}\` for ${id} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); expected a readable file`, 'corpus/unreadable');
  }
  const decoded = decodeText(bytes, shown, row.encoding, { area: 'corpus' });
  if ('error' in decoded) {
    diagnostics.push(decoded.error);
    return undefined;
  }
  const blank = decoded.text.trim() === '';
  if (blank) empty();
  return { textHash: sha256(decoded.text), chars: decoded.text.length, decodedAs: decoded.encoding, blank };
}

/** Texts from this size on are hashed in pieces rather than read whole. */
export const STREAM_FROM = 32 * 2 ** 20;

/**
 * sha256 and length of a UTF-8 file's text, read `chunk` bytes at a time — the same hash as sha256 of
 * the whole decoded text. Undefined when the file is not clean UTF-8 text (NUL bytes, a bad sequence).
 */
export function hashUtf8Stream(path: string, chunk = 4 * 2 ** 20): { textHash: string; chars: number; blank: boolean } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.allocUnsafe(chunk);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const hash = createHash('sha256');
    let chars = 0;
    let blank = true;
    const add = (text: string) => {
      hash.update(text);
      chars += text.length;
      if (blank && /\S/u.test(text)) blank = false;
    };
    for (let n = readSync(fd, buf, 0, chunk, null); n > 0; n = readSync(fd, buf, 0, chunk, null)) {
      if (buf.subarray(0, n).includes(0)) return undefined;
      add(decoder.decode(buf.subarray(0, n), { stream: true }));
    }
    add(decoder.decode());
    return { textHash: hash.digest('hex'), chars, blank };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function lstatExists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Two rows naming one file would count its text twice. */
export function checkDuplicateFiles(rows: readonly MetaRow[], shownMeta: string): Diagnostic[] {
  const first = new Map<string, MetaRow>();
  const out: Diagnostic[] = [];
  for (const row of rows) {
    const prev = first.get(row.file);
    if (!prev) first.set(row.file, row);
    else out.push(diag(shownMeta, row.meta.line, 'error', `file \`${row.file}\` is listed for doc_id \`${row.meta.docId}\` here and for doc_id \`${prev.meta.docId}\` at line ${prev.meta.line}; each text must be listed once`, 'corpus/duplicate-file'));
  }
  return out;
}

/**
 * The same non-empty text under two doc_ids (a scraper fetched it twice) is worth a look. Entries are
 * seen in metadata order; each repeat is reported against the first row with that text.
 */
export function duplicateTexts(shownMeta: string) {
  const first = new Map<string, { docId: string; line: number }>();
  const diagnostics: Diagnostic[] = [];
  return {
    diagnostics,
    see(e: CorpusEntry): void {
      if (e.chars === 0) return;
      const prev = first.get(e.textHash);
      if (!prev) first.set(e.textHash, { docId: e.meta.docId, line: e.meta.line });
      else diagnostics.push(diag(shownMeta, e.meta.line, 'warning', `the text of doc_id \`${e.meta.docId}\` is identical to that of doc_id \`${prev.docId}\` (line ${prev.line}); it will be counted twice`, 'corpus/duplicate-text'));
    },
  };
}

/** Text files in texts/ that no row lists: a warning naming them. */
export function warnUnlisted(dir: string, listed: ReadonlySet<string>, shownMeta: string): Diagnostic[] {
  const textsDir = join(dir, 'texts');
  if (!existsSync(textsDir) || !statSync(textsDir).isDirectory()) return [];
  const unlisted = readdirSync(textsDir).filter((f) => /\.txt$/i.test(f) && !f.startsWith('.') && !listed.has(`texts/${f}`)).sort();
  if (unlisted.length === 0) return [];
  const shown = unlisted.slice(0, 10).map((f) => `texts/${f}`).join(', ') + (unlisted.length > 10 ? ` and ${unlisted.length - 10} more` : '');
  return [diag(shownMeta, undefined, 'warning', `${unlisted.length} text file${unlisted.length > 1 ? 's are' : ' is'} not listed in metadata.csv and will be ignored: ${shown}`, 'corpus/unlisted-text')];
}
