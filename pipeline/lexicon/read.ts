// Load a lexicon folder: frames.csv plus every other top-level .csv (sorted by name). The cue lists for
// stance live in the cues/ subfolder and are read by the stance module. Spreadsheet files saved beside
// the CSVs (`.xlsx`, `.ods`) are not read; a warning names them so that edits there are not lost.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diag } from '../lib/diagnostics.ts';
import { decodeText } from '../lib/encoding.ts';
import { sha256 } from '../lib/io.ts';
import type { Diagnostic, Lexicon, PatternEntry } from '../lib/types.ts';
import { displayPath } from '../ingest/read.ts';
import { parseFrames, parsePatterns, validatePatterns } from './parse.ts';

export interface LoadedLexicon {
  lexicon: Lexicon;
  diagnostics: Diagnostic[];
  /** path → sha256 of every file read, for the manifest. */
  hashes: Record<string, string>;
}

/** Read, hash and decode one lexicon or cue CSV; a problem becomes a diagnostic under `area/…`. */
export function readTextFile(path: string, diagnostics: Diagnostic[], hashes: Record<string, string>, area: 'lexicon' | 'cues' = 'lexicon'): string | undefined {
  const shown = displayPath(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    diagnostics.push(diag(shown, undefined, 'error', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); expected a readable CSV`, `${area}/unreadable`));
    return undefined;
  }
  hashes[shown] = sha256(bytes);
  const decoded = decodeText(bytes, shown, '', { area, csv: true });
  if ('error' in decoded) {
    diagnostics.push(decoded.error);
    return undefined;
  }
  return decoded.text;
}

/** Pattern CSVs, and a warning for spreadsheet files that look like lexicon files but are not read. */
function listPatternFiles(dir: string, diagnostics: Diagnostic[]): string[] {
  const names = readdirSync(dir).filter((f) => !f.startsWith('.') && !f.startsWith('~$')).sort();
  const skipped = names.filter((f) => /\.(xlsx|xlsm|xls|ods|numbers|tsv)$/i.test(f));
  if (skipped.length) {
    diagnostics.push(diag(displayPath(dir), undefined, 'warning', `not read: ${skipped.map((f) => `\`${f}\``).join(', ')}; only .csv files are lexicon files (save as "CSV UTF-8")`, 'lexicon/not-csv'));
  }
  return names.filter((f) => f.toLowerCase().endsWith('.csv') && f !== 'frames.csv' && statSync(join(dir, f)).isFile());
}

export function readLexicon(dir: string): LoadedLexicon {
  const diagnostics: Diagnostic[] = [];
  const hashes: Record<string, string> = {};
  const lexicon: Lexicon = { frames: [], frameById: new Map(), patterns: [], files: [] };
  const out = () => ({ lexicon, diagnostics, hashes });
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    diagnostics.push(diag(displayPath(dir), undefined, 'error', 'lexicon folder not found; expected a folder with frames.csv and pattern CSV files', 'lexicon/not-found'));
    return out();
  }
  const framesPath = join(dir, 'frames.csv');
  if (!existsSync(framesPath)) {
    diagnostics.push(diag(displayPath(framesPath), undefined, 'error', 'frames.csv is missing; expected `frame,family,label,description` rows declaring the frames', 'lexicon/no-frames'));
    return out();
  }
  const framesText = readTextFile(framesPath, diagnostics, hashes);
  if (framesText === undefined) return out();
  const parsedFrames = parseFrames(framesText, displayPath(framesPath));
  diagnostics.push(...parsedFrames.diagnostics);
  lexicon.frames = parsedFrames.frames;
  lexicon.frameById = new Map(parsedFrames.frames.map((f) => [f.frame, f]));
  const frameIds = new Set(lexicon.frameById.keys());
  const files = listPatternFiles(dir, diagnostics);
  if (files.length === 0) diagnostics.push(diag(displayPath(dir), undefined, 'error', 'no pattern files; expected at least one .csv with `frame,pattern,lang,note` rows besides frames.csv', 'lexicon/no-patterns'));
  const patterns: PatternEntry[] = [];
  for (const f of files) {
    const p = join(dir, f);
    const text = readTextFile(p, diagnostics, hashes);
    if (text === undefined) continue;
    lexicon.files.push(displayPath(p));
    const parsed = parsePatterns(text, displayPath(p), frameIds, patterns.length, parsedFrames.named);
    diagnostics.push(...parsed.diagnostics);
    patterns.push(...parsed.entries);
  }
  diagnostics.push(...validatePatterns(patterns));
  lexicon.patterns = patterns;
  return out();
}
