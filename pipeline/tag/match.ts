// Find pattern hits in one tokenized document: leftmost-longest within a sentence, one token in at most
// one hit. Exclusion patterns (frame `-`) claim their span and produce no hit. Each distinct word form
// of the document is looked up once; tokens then cost an array read, and only tokens that can start a
// pattern walk the trie.
import type { TokenizedDocument } from '../lib/types.ts';
import { formIdsOf } from '../tokenize/forms.ts';
import { better, type CompiledLexicon, type TrieEnd, type TrieNode } from './compile.ts';

export interface RawMatch {
  tokenStart: number;
  tokenEnd: number; // exclusive
  end: TrieEnd;
}

// Scratch space for the trie walk, reused across calls (the walk never re-enters itself).
let statesA: TrieNode[] = [];
let statesB: TrieNode[] = [];

/** All matches in document order, exclusions included (the caller drops them). */
export function matchDocument(doc: TokenizedDocument, lex: CompiledLexicon): RawMatch[] {
  const vm = new Array<Int32Array>(doc.vocab.length);
  const formIds = formIdsOf(doc);
  // Whether a form can start a pattern: most forms that match a pattern word only ever continue one.
  const starts = new Uint8Array(doc.vocab.length);
  for (let v = 0; v < doc.vocab.length; v++) {
    vm[v] = lex.matchersOfId(formIds[v], doc.vocab[v]);
    if (lex.startsId(formIds[v])) starts[v] = 1;
  }
  const out: RawMatch[] = [];
  const types = doc.types;
  let sentenceStart = 0;
  for (let s = 0; s < doc.sentenceEnds.length; s++) {
    const sentenceEnd = doc.sentenceEnds[s];
    let i = sentenceStart;
    while (i < sentenceEnd) {
      const best = starts[types[i]] === 0 ? undefined : longestAt(types, vm, lex.root, i, sentenceEnd);
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

function longestAt(types: Uint32Array, vm: Int32Array[], root: TrieNode, i: number, limit: number): RawMatch | undefined {
  // Two scratch lists of trie states, swapped each step; lengths kept in locals (setting an array's
  // length is a slow builtin in this loop).
  let states = statesA;
  let next = statesB;
  states[0] = root;
  let count = 1;
  let best: RawMatch | undefined;
  for (let j = i; j < limit && count > 0; j++) {
    const ids = vm[types[j]];
    if (ids.length === 0) break;
    let nextCount = 0;
    for (let s = 0; s < count; s++) {
      const children = states[s].next;
      for (let k = 0; k < ids.length; k++) {
        const child = children.get(ids[k]);
        if (child) next[nextCount++] = child;
      }
    }
    for (let s = 0; s < nextCount; s++) {
      const end = next[s].ends[0];
      if (end && (!best || j + 1 > best.tokenEnd || better(end, best.end))) best = { tokenStart: i, tokenEnd: j + 1, end };
    }
    const t = states;
    states = next;
    next = t;
    count = nextCount;
  }
  statesA = states;
  statesB = next;
  return best;
}
