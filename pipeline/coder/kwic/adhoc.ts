// An ad hoc pattern (`qantar kwic 'militia*'`) as a one-pattern lexicon, and a look-up of what the live
// lexicon does at a span (which frame and pattern claim it, or which exclusion keeps it out).
import { UsageError } from '../../lib/diagnostics.ts';
import { normalizeForm } from '../../lib/normalize.ts';
import type { Lang, Lexicon, PatternEntry, TokenizedDocument } from '../../lib/types.ts';
import { checkPatternWord } from '../../lexicon/parse.ts';
import { compileLexicon, type CompiledLexicon } from '../../tag/compile.ts';
import { matchDocument, type RawMatch } from '../../tag/match.ts';

/** The frame id hits of an ad hoc pattern carry when no --frame is given. */
export const ADHOC_FRAME = 'kwic';

export function adhocLexicon(pattern: string, lang: Lang | '', frame: string | undefined, live: Lexicon): Lexicon {
  const words = pattern.trim().split(/\s+/u).filter(Boolean).map((w) => normalizeForm(w, lang === '' ? 'en' : lang));
  if (words.length === 0) throw new UsageError('the pattern is empty; expected a word, a glob such as terror* or a phrase');
  const bad = words.map(checkPatternWord).find((m) => m !== undefined);
  if (bad) throw new UsageError(`malformed pattern \`${pattern.trim()}\`: ${bad}`);
  const entry: PatternEntry = { id: 0, frame: frame ?? ADHOC_FRAME, pattern: words.join(' '), lang, note: '', file: '(command line)', line: 0, words };
  const frames = frame ? live.frames.filter((f) => f.frame === frame)
    : [{ frame: ADHOC_FRAME, family: 'other' as const, label: 'ad hoc pattern', description: '', line: 0 }];
  return { frames, frameById: new Map(frames.map((f) => [f.frame, f])), patterns: [entry], files: [] };
}

/** For each document, describe the live lexicon's matches (hits and exclusions) over a token range. */
export function createLiveLookup(live: Lexicon): (doc: TokenizedDocument) => (tokenStart: number, tokenEnd: number) => string {
  const compiled = new Map<Lang, CompiledLexicon>();
  return (doc) => {
    let lex = compiled.get(doc.lang);
    if (!lex) compiled.set(doc.lang, (lex = compileLexicon(live.patterns, doc.lang)));
    const matches: RawMatch[] = matchDocument(doc, lex);
    return (tokenStart, tokenEnd) => matches
      .filter((m) => m.tokenStart < tokenEnd && m.tokenEnd > tokenStart)
      .map((m) => `${m.end.entry.frame === '-' ? 'excluded' : m.end.entry.frame}:${m.end.entry.pattern}`)
      .join('; ');
  };
}
