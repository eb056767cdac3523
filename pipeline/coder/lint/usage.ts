// How each pattern fares on the corpus (pure over one tokenized document at a time): where it could match
// on its own (every pattern that fits at a position, not only the winner), where it actually counts after
// leftmost-longest resolution, which patterns take its matches, and which word types it matches.
import type { Lang, TokenizedDocument } from '../../lib/types.ts';
import { compileLexicon, type CompiledLexicon, type TrieNode } from '../../tag/compile.ts';
import { matchDocument } from '../../tag/match.ts';
import type { PatternEntry } from '../../lib/types.ts';
import { formIdsOf } from '../../tokenize/forms.ts';

export interface PatternUsage {
  /** Matches of the pattern alone. */
  potential: number;
  /** Matches where it wins and counts (or, for an exclusion, claims the span). */
  wins: number;
  /** Pattern id → how often it took this pattern's match. */
  takenBy: Map<number, number>;
  /** Matched word type (normalised forms joined by a space) → count, with the document language. */
  types: Map<string, { count: number; lang: Lang }>;
}

export function createUsage(): PatternUsage {
  return { potential: 0, wins: 0, takenBy: new Map(), types: new Map() };
}

/** Every pattern that matches tokens [i, j) for some j, walking the trie from token i. */
function allMatchesAt(doc: TokenizedDocument, vm: Int32Array[], root: TrieNode, i: number, limit: number): { entry: PatternEntry; end: number }[] {
  const out: { entry: PatternEntry; end: number }[] = [];
  let states: TrieNode[] = [root];
  for (let j = i; j < limit && states.length > 0; j++) {
    const ids = vm[doc.types[j]];
    const next: TrieNode[] = [];
    for (const node of states) for (let k = 0; k < ids.length; k++) {
      const child = node.next.get(ids[k]);
      if (child) next.push(child);
    }
    const seen = new Set<number>();
    for (const node of next) for (const e of node.ends) {
      if (seen.has(e.entry.id)) continue;
      seen.add(e.entry.id);
      out.push({ entry: e.entry, end: j + 1 });
    }
    states = next;
  }
  return out;
}

export type UsageRecorder = (doc: TokenizedDocument) => void;

/** A recorder that adds one document's matches to `usage` (indexed by pattern id). */
export function createUsageRecorder(patterns: readonly PatternEntry[], usage: PatternUsage[]): UsageRecorder {
  const compiled = new Map<Lang, CompiledLexicon>();
  return (doc) => {
    let lex = compiled.get(doc.lang);
    if (!lex) compiled.set(doc.lang, (lex = compileLexicon(patterns, doc.lang)));
    const ids = formIdsOf(doc);
    const vm = doc.vocab.map((form, v) => lex!.matchersOfId(ids[v], form));
    const actual = matchDocument(doc, lex);
    const owner = new Int32Array(doc.types.length).fill(-1);
    actual.forEach((m, k) => owner.fill(k, m.tokenStart, m.tokenEnd));
    let from = 0;
    for (let s = 0; s < doc.sentenceEnds.length; s++) {
      const to = doc.sentenceEnds[s];
      for (let i = from; i < to; i++) {
        if (vm[doc.types[i]].length === 0) continue;
        for (const { entry, end } of allMatchesAt(doc, vm, lex.root, i, to)) {
          const u = usage[entry.id];
          u.potential++;
          const form = Array.from(doc.types.subarray(i, end), (t) => doc.vocab[t]).join(' ');
          const t = u.types.get(form);
          if (t) t.count++;
          else u.types.set(form, { count: 1, lang: doc.lang });
          const win = actual[owner[i]] ?? actual.find((m) => m.tokenStart < end && m.tokenEnd > i);
          if (win && win.tokenStart === i && win.tokenEnd === end && win.end.entry.id === entry.id) u.wins++;
          else if (win) u.takenBy.set(win.end.entry.id, (u.takenBy.get(win.end.entry.id) ?? 0) + 1);
        }
      }
      from = to;
    }
  };
}
