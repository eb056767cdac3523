// Parsing lexicon files (pure: text in, records and diagnostics out). frames.csv declares the frames;
// every other lexicon CSV holds `frame,pattern,lang,note` rows. Nothing is guessed: each problem is a
// diagnostic naming file:line, and the caller fails once with all of them.
import { parseCsv, requireColumns } from '../lib/csv.ts';
import { diag } from '../lib/diagnostics.ts';
import { normalizeForm } from '../lib/normalize.ts';
import { FAMILIES, LANGS, type Diagnostic, type Family, type Frame, type Lang, type PatternEntry } from '../lib/types.ts';

export const FRAME_ID = /^[a-z][a-z0-9_]*$/;

export function parseFrames(text: string, path: string): { frames: Frame[]; diagnostics: Diagnostic[] } {
  const table = parseCsv(text, path, 'lexicon');
  const diagnostics = [...table.diagnostics, ...requireColumns(table, ['frame', 'family'], path, 'lexicon')];
  const frames: Frame[] = [];
  if (diagnostics.some((d) => d.rule === 'lexicon/missing-column')) return { frames, diagnostics };
  const seen = new Map<string, number>();
  for (const { line, values } of table.records) {
    const frame = values.frame.trim();
    const family = values.family.trim();
    if (!FRAME_ID.test(frame)) {
      diagnostics.push(diag(path, line, 'error', `frame id \`${frame}\` is not allowed; expected lowercase letters, digits and _ starting with a letter`, 'lexicon/bad-frame-id'));
      continue;
    }
    if (!(FAMILIES as readonly string[]).includes(family)) {
      diagnostics.push(diag(path, line, 'error', `unknown family \`${family}\` for frame \`${frame}\`; expected one of: ${FAMILIES.join(', ')}`, 'lexicon/unknown-family'));
      continue;
    }
    const prev = seen.get(frame);
    if (prev !== undefined) {
      diagnostics.push(diag(path, line, 'error', `frame \`${frame}\` is declared twice (first at line ${prev})`, 'lexicon/duplicate-frame'));
      continue;
    }
    seen.set(frame, line);
    frames.push({ frame, family: family as Family, label: values.label?.trim() ?? '', description: values.description?.trim() ?? '', line });
  }
  if (frames.length === 0 && diagnostics.length === 0) diagnostics.push(diag(path, 1, 'error', 'no frames declared; expected at least one row', 'lexicon/no-frames'));
  return { frames, diagnostics };
}

/** Check one pattern word; returns a message when it is malformed. */
export function checkPatternWord(word: string): string | undefined {
  if (/^[*?]+$/.test(word)) return `the glob \`${word}\` matches any word; a pattern word needs at least one letter or digit`;
  if (/[\p{Cc}]/u.test(word)) return 'contains a control character';
  if (/^[-\u2010\u2011]|[-\u2010\u2011]$/.test(word) && word.length > 1) return `word \`${word}\` starts or ends with a hyphen; write the hyphen between two words`;
  return undefined;
}

export interface ParsedPatterns {
  entries: PatternEntry[];
  diagnostics: Diagnostic[];
}

/** Parse one pattern CSV. `firstId` numbers the entries so that ids are unique across files. */
export function parsePatterns(text: string, path: string, frameIds: ReadonlySet<string>, firstId: number): ParsedPatterns {
  const table = parseCsv(text, path, 'lexicon');
  const diagnostics = [...table.diagnostics, ...requireColumns(table, ['frame', 'pattern'], path, 'lexicon')];
  const entries: PatternEntry[] = [];
  if (diagnostics.some((d) => d.rule === 'lexicon/missing-column')) return { entries, diagnostics };
  const known = [...frameIds].sort().join(', ');
  for (const { line, values } of table.records) {
    const frame = values.frame.trim();
    const raw = values.pattern;
    const langCell = (values.lang ?? '').trim().toLowerCase();
    if (frame !== '-' && !frameIds.has(frame)) {
      diagnostics.push(diag(path, line, 'error', `unknown frame \`${frame}\`; expected one of: ${known}, or - for an exclusion`, 'lexicon/unknown-frame'));
      continue;
    }
    if (langCell !== '' && !(LANGS as readonly string[]).includes(langCell)) {
      diagnostics.push(diag(path, line, 'error', `unknown lang \`${langCell}\`; expected one of: ${LANGS.join(', ')}, or empty for every language`, 'lexicon/unknown-lang'));
      continue;
    }
    const lang = langCell as Lang | '';
    if (raw.trim() === '') {
      diagnostics.push(diag(path, line, 'error', 'empty pattern; expected a word, a glob such as terror* or a phrase', 'lexicon/empty-pattern'));
      continue;
    }
    const words = raw.trim().split(/\s+/u).map((w) => normalizeForm(w, lang === '' ? 'en' : lang));
    const bad = words.map(checkPatternWord).find((m) => m !== undefined);
    if (bad) {
      diagnostics.push(diag(path, line, 'error', `malformed pattern \`${raw.trim()}\`: ${bad}`, 'lexicon/bad-glob'));
      continue;
    }
    entries.push({ id: firstId + entries.length, frame, pattern: words.join(' '), lang, note: values.note ?? '', file: path, line, words });
  }
  return { entries, diagnostics };
}

/** Across all pattern files: the same pattern in two frames is an error, the same row twice a warning. */
export function validatePatterns(entries: readonly PatternEntry[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byKey = new Map<string, PatternEntry>();
  for (const e of entries) {
    const key = `${e.lang}\u0000${e.pattern}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, e);
      continue;
    }
    const where = first.file === e.file ? `line ${first.line}` : `${first.file}:${first.line}`;
    if (first.frame !== e.frame) {
      out.push(diag(e.file, e.line, 'error', `pattern \`${e.pattern}\`${e.lang ? ` (${e.lang})` : ''} is in frame \`${e.frame}\` here and in frame \`${first.frame}\` at ${where}; a pattern belongs to one frame`, 'lexicon/pattern-in-two-frames'));
    } else {
      out.push(diag(e.file, e.line, 'warning', `duplicate pattern \`${e.pattern}\` (also at ${where})`, 'lexicon/duplicate-pattern'));
    }
  }
  return out;
}
