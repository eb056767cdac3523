// Find pattern hits in one tokenized document: leftmost-longest within a sentence, one token in at most
// one hit. Exclusion patterns (frame `-`) claim their span and produce no hit. Each distinct word form
// is looked up once per thread (by its form id), so a token costs two array reads; only tokens that can
// start a pattern walk the trie, through states memoised per form (compile.ts WalkState).
import type { TokenizedDocument } from '../lib/types.ts';
import { formCount, formIdsOf } from '../tokenize/forms.ts';
import { FormFlag, type CompiledLexicon, type TrieEnd } from './compile.ts';

export interface RawMatch {
  tokenStart: number;
  tokenEnd: number; // exclusive
  end: TrieEnd;
}

/** All matches in document order, exclusions included (the caller drops them). */
export function matchDocument(doc: TokenizedDocument, lex: CompiledLexicon): RawMatch[] {
  const formIds = formIdsOf(doc);
  // Per form id, not per document type: most of a document's vocabulary was looked up for earlier
  // documents, and a table per document would cost as much to build as the scan itself. Sized after
  // formIdsOf, which may number new forms.
  const flags = lex.formFlags(formCount());
  const { types, vocab } = doc;
  const out: RawMatch[] = [];
  let sentenceStart = 0;
  for (let s = 0; s < doc.sentenceEnds.length; s++) {
    const sentenceEnd = doc.sentenceEnds[s];
    let i = sentenceStart;
    while (i < sentenceEnd) {
      const id = formIds[types[i]];
      if (flags[id] === FormFlag.UNSEEN) lex.matchersOfId(id, vocab[types[i]]);
      if (flags[id] !== FormFlag.STARTS) {
        i++;
        continue;
      }
      // Leftmost-longest from i: the longest prefix that completes a pattern, the best one at that length.
      let state = lex.begin(id, vocab[types[i]]);
      let end = state.end;
      let stop = i + 1;
      for (let j = i + 1; j < sentenceEnd; j++) {
        const next = formIds[types[j]];
        if (flags[next] === FormFlag.UNSEEN) lex.matchersOfId(next, vocab[types[j]]);
        if (flags[next] === FormFlag.NONE) break;
        state = lex.advance(state, next, vocab[types[j]]);
        if (state.nodes.length === 0) break;
        if (state.end) {
          end = state.end;
          stop = j + 1;
        }
      }
      if (end) {
        out.push({ tokenStart: i, tokenEnd: stop, end });
        i = stop;
      } else {
        i++;
      }
    }
    sentenceStart = sentenceEnd;
  }
  return out;
}
