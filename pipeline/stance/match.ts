// Find cue words in a tokenized document with the frame matcher itself (compileLexicon + matchDocument),
// so cues share tokenization, normalisation, globs and Russian stemming with frame patterns. A pattern
// listed under two kinds (`alleged`: report verb and hedge) is one match carrying both entries.
import type { Lang, PatternEntry, TokenizedDocument } from '../lib/types.ts';
import { compileLexicon, type CompiledLexicon } from '../tag/compile.ts';
import { matchDocument } from '../tag/match.ts';
import { kindMask, type CueEntry } from './cues.ts';

export interface CueLexicon {
  /** The cue files read (display paths), sorted. */
  files: string[];
  entries: CueEntry[];
}

export interface CueMatch {
  /** Token range [start, end). */
  start: number;
  end: number;
  entries: CueEntry[];
  /** The kinds of `entries` as KIND_BIT bits. */
  kinds: number;
}

interface CompiledCues {
  lex: CompiledLexicon;
  /** Per pattern: its entries other than `exclude` (shared by all its matches, never modified). */
  entries: CueEntry[][];
  /** Per pattern: the positions of words that must match exactly (see shortWordsExact). */
  exact: number[][];
  kinds: number[];
}

const compiledCache = new WeakMap<CueLexicon, Map<Lang, CompiledCues>>();

function compileCues(cues: CueLexicon, lang: Lang): CompiledCues {
  let perLang = compiledCache.get(cues);
  if (!perLang) compiledCache.set(cues, (perLang = new Map()));
  const hit = perLang.get(lang);
  if (hit) return hit;
  const byPattern = new Map<string, CueEntry[]>();
  for (const e of cues.entries) {
    if (e.lang !== '' && e.lang !== lang) continue;
    const list = byPattern.get(e.pattern);
    if (list) list.push(e);
    else byPattern.set(e.pattern, [e]);
  }
  const groups = [...byPattern.values()];
  const patterns: PatternEntry[] = groups.map((g, id) => ({
    id, frame: g.every((e) => e.kind === 'exclude') ? '-' : g[0].kind, pattern: g[0].pattern, lang: '',
    note: '', file: g[0].file, line: g[0].line, words: g[0].words,
  }));
  const entries = groups.map((g) => g.filter((e) => e.kind !== 'exclude'));
  const exact = entries.map((es) => (es.length === 0 ? [] : es[0].words.flatMap((w, i) => (w.length > 3 || /[*?]/u.test(w) ? [] : [i]))));
  const kinds = entries.map((es) => kindMask(...es.map((e) => e.kind)));
  const compiled = { lex: compileLexicon(patterns, lang), entries, exact, kinds };
  perLang.set(lang, compiled);
  return compiled;
}

/**
 * Every cue match in the document, in order. One pass serves the whole document: callers that need them
 * twice (the stance view, then the move finder) share them through `cueMatchesOnce`.
 */
export function matchCues(doc: TokenizedDocument, cues: CueLexicon): CueMatch[] {
  const { lex, entries, exact, kinds } = compileCues(cues, doc.lang);
  const matches: CueMatch[] = [];
  if (cues.entries.length > 0) {
    for (const m of matchDocument(doc, lex)) {
      const id = m.end.entry.id;
      if (entries[id].length === 0 || (doc.lang === 'ru' && !shortWordsExact(doc, m.tokenStart, m.tokenEnd, entries[id][0].words, exact[id]))) continue;
      matches.push({ start: m.tokenStart, end: m.tokenEnd, entries: entries[id], kinds: kinds[id] });
    }
  }
  return matches;
}

/** A document's cue matches, computed on first call only (and never for a document without frame hits). */
export function cueMatchesOnce(doc: TokenizedDocument, cues: CueLexicon): () => CueMatch[] {
  let matches: CueMatch[] | undefined;
  return () => (matches ??= matchCues(doc, cues));
}

/**
 * The Russian stemmer maps the pronoun «ней» to «не»: a cue word of three letters or fewer is a function
 * word and must match exactly. `exact` lists the positions of such words in the pattern.
 */
function shortWordsExact(doc: TokenizedDocument, start: number, end: number, words: string[], exact: number[]): boolean {
  if (words.length !== end - start) return true;
  return exact.every((i) => doc.vocab[doc.types[start + i]] === words[i]);
}
