// Parsing lexicon files (pure: text in, records and diagnostics out). frames.csv declares the frames;
// every other lexicon CSV holds `frame,pattern,lang,note` rows. Nothing is guessed: each problem is a
// diagnostic naming file:line, and the caller fails once with all of them.
import { parseCsv, requireColumns } from '../lib/csv.ts';
import { diag } from '../lib/diagnostics.ts';
import { normalizeForm } from '../lib/normalize.ts';
import { FAMILIES, LANGS, type Diagnostic, type Family, type Frame, type Lang, type PatternEntry } from '../lib/types.ts';

export { validatePatterns } from './validate.ts';

export const FRAME_ID = /^[a-z][a-z0-9_]*$/;

export interface ParsedFrames {
  frames: Frame[];
  /** Every frame id that frames.csv names, including rows with errors (so patterns do not cascade). */
  named: Set<string>;
  diagnostics: Diagnostic[];
}

export function parseFrames(text: string, path: string): ParsedFrames {
  const table = parseCsv(text, path, 'lexicon');
  const diagnostics = [...table.diagnostics, ...requireColumns(table, ['frame', 'family'], path, 'lexicon')];
  const frames: Frame[] = [];
  const named = new Set<string>();
  if (diagnostics.some((d) => d.rule === 'lexicon/missing-column' || d.rule === 'lexicon/empty')) return { frames, named, diagnostics };
  const seen = new Map<string, number>();
  for (const { line, values } of table.records) {
    const frame = values.frame.trim();
    const family = values.family.trim();
    const err = (message: string, rule: string) => diagnostics.push(diag(path, line, 'error', message, rule));
    if (!FRAME_ID.test(frame)) {
      err(`frame id \`${frame}\` is not allowed; expected lowercase letters, digits and _ starting with a letter`, 'lexicon/bad-frame-id');
      continue;
    }
    named.add(frame);
    if (!(FAMILIES as readonly string[]).includes(family)) {
      err(`unknown family \`${family}\` for frame \`${frame}\`; expected one of: ${FAMILIES.join(', ')}`, 'lexicon/unknown-family');
      continue;
    }
    const prev = seen.get(frame);
    if (prev !== undefined) {
      err(`frame \`${frame}\` is declared twice (first at line ${prev})`, 'lexicon/duplicate-frame');
      continue;
    }
    seen.set(frame, line);
    frames.push({ frame, family: family as Family, label: values.label?.trim() ?? '', description: values.description?.trim() ?? '', line });
  }
  if (frames.length === 0 && diagnostics.length === 0) diagnostics.push(diag(path, 1, 'error', 'no frames declared; expected at least one row', 'lexicon/no-frames'));
  return { frames, named, diagnostics };
}

/** Quote marks and brackets that the tokenizer always splits off a word's edges (see tokenize/assemble.ts). */
const SPLIT_OFF = /^[\p{Pi}\p{Pf}\p{Ps}\p{Pe}"'«»„“”‚‘’]$/u;
const CLITIC = /^['’](?:s|d|ll|re|ve|m)$/;

/** What is wrong with one pattern word, and under which rule; undefined when nothing is. */
export function patternWordProblem(word: string): { message: string; rule: string } | undefined {
  const bad = (message: string) => ({ message, rule: 'lexicon/bad-pattern' });
  if (/[\p{Cc}]/u.test(word)) return bad('contains a control character');
  if (/[*?]/.test(word) && !/[\p{L}\p{N}]/u.test(word)) {
    return { message: `the glob \`${word}\` matches any word; a pattern word needs at least one letter or digit`, rule: 'lexicon/bad-glob' };
  }
  if (/^[-\u2010\u2011]|[-\u2010\u2011]$/.test(word) && word.length > 1) return bad(`word \`${word}\` starts or ends with a hyphen; write the hyphen between two words`);
  if (word.length > 1 && SPLIT_OFF.test(word[0]) && !CLITIC.test(word)) return bad(`word \`${word}\` starts with \`${word[0]}\`, which the tokenizer splits off, so it could never match; write the word without it`);
  const last = word[word.length - 1];
  if (word.length > 1 && SPLIT_OFF.test(last) && last !== "'" && last !== '’') {
    return bad(`word \`${word}\` ends with \`${last}\`, which the tokenizer splits off, so it could never match; write the word without it`);
  }
  return undefined;
}

/** Check one pattern word; returns a message when it is malformed or could never match a token. */
export function checkPatternWord(word: string): string | undefined {
  return patternWordProblem(word)?.message;
}

export interface ParsedPatterns {
  entries: PatternEntry[];
  diagnostics: Diagnostic[];
}

/** Parse one pattern CSV. `firstId` numbers the entries so that ids are unique across files. */
export function parsePatterns(text: string, path: string, frameIds: ReadonlySet<string>, firstId: number, named: ReadonlySet<string> = frameIds): ParsedPatterns {
  const table = parseCsv(text, path, 'lexicon');
  const diagnostics = [...table.diagnostics, ...requireColumns(table, ['frame', 'pattern'], path, 'lexicon')];
  const entries: PatternEntry[] = [];
  if (diagnostics.some((d) => d.rule === 'lexicon/missing-column' || d.rule === 'lexicon/empty')) return { entries, diagnostics };
  const known = frameIds.size ? `one of: ${[...frameIds].sort().join(', ')}, or - for an exclusion` : 'a frame declared in frames.csv (it declares none that are valid), or - for an exclusion';
  for (const { line, values } of table.records) {
    const err = (message: string, rule: string) => diagnostics.push(diag(path, line, 'error', message, rule));
    const frame = values.frame.trim();
    const raw = values.pattern.trim();
    const langCell = (values.lang ?? '').trim().toLowerCase();
    if (frame !== '-' && !frameIds.has(frame)) {
      // A frame whose own row in frames.csv is wrong was reported there.
      if (!named.has(frame)) err(`unknown frame \`${frame}\`; expected ${known}`, 'lexicon/unknown-frame');
      continue;
    }
    if (langCell !== '' && !(LANGS as readonly string[]).includes(langCell)) {
      err(`unknown lang \`${langCell}\`; expected one of: ${LANGS.join(', ')}, or empty for every language`, 'lexicon/unknown-lang');
      continue;
    }
    const lang = langCell as Lang | '';
    if (raw === '') {
      err('empty pattern; expected a word, a glob such as terror* or a phrase', 'lexicon/empty-pattern');
      continue;
    }
    const words = raw.split(/\s+/u).map((w) => normalizeForm(w, lang === '' ? 'en' : lang));
    const bad = words.map(patternWordProblem).find((m) => m !== undefined);
    if (bad) {
      err(`malformed pattern \`${raw}\`: ${bad.message}`, bad.rule);
      continue;
    }
    entries.push({ id: firstId + entries.length, frame, pattern: words.join(' '), lang, note: values.note ?? '', file: path, line, words });
  }
  return { entries, diagnostics };
}
