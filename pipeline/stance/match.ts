// Find cue words in a tokenized document with the frame matcher itself (compileLexicon + matchDocument),
// so cues share tokenization, normalisation, globs and Russian stemming with frame patterns. A pattern
// listed under two kinds (`alleged`: report verb and hedge) is one match carrying both entries.
import type { Lang, PatternEntry, TokenizedDocument } from '../lib/types.ts';
import { compileLexicon, type CompiledLexicon } from '../tag/compile.ts';
import { matchDocument } from '../tag/match.ts';
import type { CueEntry, CueKind } from './cues.ts';

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
}

interface CompiledCues {
  lex: CompiledLexicon;
  groups: CueEntry[][];
}

const compiledCache = new WeakMap<CueLexicon, Map<Lang, CompiledCues>>();
const matchCache = new WeakMap<TokenizedDocument, { cues: CueLexicon; matches: CueMatch[] }>();

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
  const compiled = { lex: compileLexicon(patterns, lang), groups };
  perLang.set(lang, compiled);
  return compiled;
}

/** Every cue match in the document, in order (memoised per document object). */
export function matchCues(doc: TokenizedDocument, cues: CueLexicon): CueMatch[] {
  const memo = matchCache.get(doc);
  if (memo && memo.cues === cues) return memo.matches;
  const { lex, groups } = compileCues(cues, doc.lang);
  const matches = cues.entries.length === 0 ? [] : matchDocument(doc, lex)
    .map((m) => ({ start: m.tokenStart, end: m.tokenEnd, entries: groups[m.end.entry.id].filter((e) => e.kind !== 'exclude') }))
    .filter((m) => m.entries.length > 0 && (doc.lang !== 'ru' || shortWordsExact(doc, m)));
  matchCache.set(doc, { cues, matches });
  return matches;
}

/**
 * The Russian stemmer maps the pronoun «ней» to «не»: a cue word of three letters or fewer is a function
 * word and must match exactly.
 */
function shortWordsExact(doc: TokenizedDocument, m: CueMatch): boolean {
  const words = m.entries[0].words;
  if (words.length !== m.end - m.start) return true;
  return words.every((w, i) => w.length > 3 || /[*?]/u.test(w) || doc.vocab[doc.types[m.start + i]] === w);
}

/** The entry of `kind` in a match, if any. */
export function entryOf(m: CueMatch, kind: CueKind): CueEntry | undefined {
  return m.entries.find((e) => e.kind === kind);
}
