// Find pattern hits in one tokenized document: leftmost-longest within a sentence, one token in at most
// one hit. Exclusion patterns (frame `-`) claim their span and produce no hit.
import type { TokenizedDocument } from '../lib/types.ts';
import { better, type CompiledLexicon, type TrieEnd, type TrieNode } from './compile.ts';

export interface RawMatch {
  tokenStart: number;
  tokenEnd: number; // exclusive
  end: TrieEnd;
}

/** All matches in document order, exclusions included (the caller drops them). */
export function matchDocument(doc: TokenizedDocument, lex: CompiledLexicon): RawMatch[] {
  const vocabMatchers = doc.vocab.map((form) => lex.matchersOf(form));
  const out: RawMatch[] = [];
  let sentenceStart = 0;
  for (let s = 0; s < doc.sentenceEnds.length; s++) {
    const sentenceEnd = doc.sentenceEnds[s];
    let i = sentenceStart;
    while (i < sentenceEnd) {
      const best = vocabMatchers[doc.types[i]].length === 0 ? undefined : longestAt(doc, vocabMatchers, lex.root, i, sentenceEnd);
      if (best) {
        out.push(best);
        i = best.tokenEnd;
      } else {
        i++;
      }
    }
    sentenceStart = sentenceEnd;
  }
  return out;
}

function longestAt(doc: TokenizedDocument, vm: Int32Array[], root: TrieNode, i: number, limit: number): RawMatch | undefined {
  let states: TrieNode[] = [root];
  let best: RawMatch | undefined;
  for (let j = i; j < limit && states.length > 0; j++) {
    const ids = vm[doc.types[j]];
    const next: TrieNode[] = [];
    for (const node of states) {
      for (let k = 0; k < ids.length; k++) {
        const child = node.next.get(ids[k]);
        if (child) next.push(child);
      }
    }
    for (const node of next) {
      const end = node.ends[0];
      if (!end) continue;
      const len = j + 1;
      if (!best || len > best.tokenEnd || better(end, best.end)) best = { tokenStart: i, tokenEnd: len, end };
    }
    states = next;
  }
  return best;
}
