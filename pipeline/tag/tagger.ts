// The tag stage's pure core: a tokenized document in, frame hits (with their use) out. Lexicons are
// compiled once per language on first use; the text is needed only to read the matched span back.
import { diag } from '../lib/diagnostics.ts';
import type { Diagnostic, FrameHit, Lang, Lexicon, TokenizedDocument } from '../lib/types.ts';
import type { CueMatch, StanceAnnotator } from '../stance/index.ts';
import { compileLexicon, type CompiledLexicon } from './compile.ts';
import { matchDocument } from './match.ts';

/** `cueMatches`: the document's cue matches, asked for only if it has frame hits (cueMatchesOnce, to share them with findMoves). */
export type Tagger = (doc: TokenizedDocument, text: string, cueMatches?: () => readonly CueMatch[]) => FrameHit[];

export function createTagger(lexicon: Lexicon, annotate: StanceAnnotator): Tagger {
  const compiled = new Map<Lang, CompiledLexicon>();
  return (doc, text, cueMatches) => {
    let lex = compiled.get(doc.lang);
    if (!lex) compiled.set(doc.lang, (lex = compileLexicon(lexicon.patterns, doc.lang)));
    const matches = matchDocument(doc, lex).filter((m) => m.end.entry.frame !== '-');
    if (matches.length === 0) return [];
    const stances = annotate(doc, text, matches, cueMatches?.());
    const sentenceOf = sentenceIndex(doc);
    return matches.map((m, i) => {
      const entry = m.end.entry;
      const start = doc.starts[m.tokenStart];
      const end = doc.ends[m.tokenEnd - 1];
      const st = stances[i];
      // Fields listed, not spread: a spread into a literal is many times slower, once per hit.
      return {
        docId: doc.docId, sentence: sentenceOf(m.tokenStart) + 1, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, start, end,
        frame: entry.frame, family: lexicon.frameById.get(entry.frame)!.family, pattern: entry.pattern, patternId: entry.id,
        text: text.slice(start, end), use: st.use, reported: st.reported, quoted: st.quoted, negated: st.negated, hedged: st.hedged,
        cue: st.cue, cueStart: st.cueStart, speaker: st.speaker,
      };
    });
  };
}

/** Token index → 0-based sentence number (binary search over sentence ends). */
export function sentenceIndex(doc: TokenizedDocument): (token: number) => number {
  return (token) => {
    let lo = 0;
    let hi = doc.sentenceEnds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doc.sentenceEnds[mid] > token) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Languages in the corpus that some frame has no pattern for (concept alignment). */
export function coverageGaps(lexicon: Lexicon, langs: readonly Lang[], path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lang of langs) {
    const missing = lexicon.frames.filter((f) => !lexicon.patterns.some((p) => p.frame === f.frame && (p.lang === lang || p.lang === '')));
    if (missing.length === lexicon.frames.length) {
      out.push(diag(path, undefined, 'warning', `the corpus has \`${lang}\` documents but the lexicon has no \`${lang}\` patterns; their frames would all count zero`, 'lexicon/no-patterns-for-lang'));
    } else if (missing.length > 0) {
      out.push(diag(path, undefined, 'warning', `frames with no \`${lang}\` patterns, counted zero in \`${lang}\` documents: ${missing.map((f) => f.frame).join(', ')}`, 'lexicon/frame-missing-lang'));
    }
  }
  return out;
}
