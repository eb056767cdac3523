// Compile a lexicon for one language into a type-level matcher: every distinct word form is tested
// against the pattern words once, then phrases walk a trie over word-matcher ids.
// Example: `foreign-trained militant*` becomes three token sequences — [foreign-trained, militant*],
// [foreign, trained, militant*] and [foreign, -, trained, militant*] — sharing one trie.
import { normalizeForm, stemRu } from '../lib/normalize.ts';
import type { Lang, PatternEntry } from '../lib/types.ts';
import { globMatch, isGlob, prefixOf } from './glob.ts';

type MatchKind = 'exact' | 'glob' | 'stem';
const KIND_WEIGHT: Record<MatchKind, number> = { exact: 3, stem: 2, glob: 1 };

export interface TrieNode {
  next: Map<number, TrieNode>;
  /** Patterns that end here; the best one (see `better`) first. */
  ends: TrieEnd[];
}

export interface TrieEnd {
  entry: PatternEntry;
  specificity: number;
}

export interface CompiledLexicon {
  lang: Lang;
  root: TrieNode;
  patternCount: number;
  /** Matcher ids that a normalised word form satisfies, the form known by its id in `formIdsOf` (memoised by id: no string hashing). */
  matchersOfId(id: number, form: string): Int32Array;
  /** Whether a form (by id, after `matchersOfId`) can start a pattern: not every form that matches a pattern word can. */
  startsId(id: number): boolean;
}

const EMPTY = new Int32Array(0);
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013']);

/** A tie at the same length: an exclusion first, then the more specific pattern, then file order. */
export function better(a: TrieEnd, b: TrieEnd): boolean {
  if ((a.entry.frame === '-') !== (b.entry.frame === '-')) return a.entry.frame === '-';
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  return a.entry.id < b.entry.id;
}

/** The token sequences a pattern word can span: itself, and for a hyphenated word its parts. */
function wordVariants(word: string): string[][] {
  const parts = word.split('-').filter((p) => p !== '');
  // A part of only glob characters (`anti-*`) would match any token on its own: such a word stays whole.
  if (parts.length < 2 || !word.includes('-') || parts.some((p) => !/[\p{L}\p{N}]/u.test(p))) return [[word]];
  const withDashes = parts.flatMap((p, i) => (i === 0 ? [p] : ['\u0000dash', p]));
  return [[word], parts, withDashes];
}

function cartesian(lists: string[][][]): string[][] {
  return lists.reduce<string[][]>((acc, alts) => acc.flatMap((prefix) => alts.map((alt) => [...prefix, ...alt])), [[]]);
}

export function compileLexicon(entries: readonly PatternEntry[], lang: Lang): CompiledLexicon {
  const ids = new Map<string, number>();
  const exact = new Map<string, number[]>();
  const stems = new Map<string, number[]>();
  const prefixes = new Map<string, number[]>();
  const globs: { id: number; glob: string }[] = [];
  const kindOf: MatchKind[] = [];
  let dashId = -1;
  const push = (m: Map<string, number[]>, k: string, id: number) => {
    const l = m.get(k);
    if (l) l.push(id);
    else m.set(k, [id]);
  };
  const matcherId = (word: string): number => {
    const kind: MatchKind = word === '\u0000dash' ? 'exact' : isGlob(word) ? 'glob' : lang === 'ru' ? 'stem' : 'exact';
    const value = kind === 'stem' ? stemRu(word) : word;
    const key = `${kind}\u0000${value}`;
    let id = ids.get(key);
    if (id !== undefined) return id;
    id = ids.size;
    ids.set(key, id);
    kindOf[id] = kind;
    if (word === '\u0000dash') dashId = id;
    else if (kind === 'exact') push(exact, value, id);
    else if (kind === 'stem') push(stems, value, id);
    else {
      const p = prefixOf(value);
      if (p !== undefined) push(prefixes, p, id);
      else globs.push({ id, glob: value });
    }
    return id;
  };

  const root: TrieNode = { next: new Map(), ends: [] };
  let patternCount = 0;
  for (const entry of entries) {
    if (entry.lang !== '' && entry.lang !== lang) continue;
    patternCount++;
    const words = entry.words.map((w) => normalizeForm(w, lang));
    for (const seq of cartesian(words.map(wordVariants))) {
      let node = root;
      let specificity = 0;
      for (const w of seq) {
        const id = matcherId(w);
        specificity += KIND_WEIGHT[kindOf[id]];
        let child = node.next.get(id);
        if (!child) node.next.set(id, (child = { next: new Map(), ends: [] }));
        node = child;
      }
      if (!node.ends.some((e) => e.entry.id === entry.id)) node.ends.push({ entry, specificity });
    }
  }
  sortEnds(root);

  // Form id → index into `results` (+1; 0 = not computed yet): a typed array stays dense whatever ids
  // this language's documents happen to use.
  let slotOf = new Int32Array(1 << 12);
  const results: Int32Array[] = [];
  let startFlags = new Uint8Array(1 << 12);
  const compute = (form: string): Int32Array => {
    const found: number[] = [];
    if (DASHES.has(form) && dashId >= 0) found.push(dashId);
    found.push(...(exact.get(form) ?? []));
    if (stems.size > 0) found.push(...(stems.get(stemRu(form)) ?? []));
    if (prefixes.size > 0) for (let k = 1; k <= form.length; k++) found.push(...(prefixes.get(form.slice(0, k)) ?? []));
    for (const g of globs) if (globMatch(g.glob, form)) found.push(g.id);
    return found.length === 0 ? EMPTY : Int32Array.from(new Set(found));
  };
  const matchersOfId = (id: number, form: string): Int32Array => {
    if (id >= slotOf.length) {
      const bigger = new Int32Array(Math.max(slotOf.length * 2, id + 1));
      bigger.set(slotOf);
      slotOf = bigger;
    }
    const k = slotOf[id];
    if (k > 0) return results[k - 1];
    const r = compute(form);
    if (results.length === startFlags.length) {
      const bigger = new Uint8Array(startFlags.length * 2);
      bigger.set(startFlags);
      startFlags = bigger;
    }
    let starts = 0;
    for (let j = 0; j < r.length && starts === 0; j++) if (root.next.has(r[j])) starts = 1;
    startFlags[results.length] = starts;
    results.push(r);
    slotOf[id] = results.length;
    return r;
  };
  const startsId = (id: number): boolean => startFlags[slotOf[id] - 1] === 1;
  return { lang, root, patternCount, matchersOfId, startsId };
}

function sortEnds(node: TrieNode): void {
  node.ends.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  for (const child of node.next.values()) sortEnds(child);
}
