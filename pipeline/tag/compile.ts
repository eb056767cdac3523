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

/**
 * Where a walk through the trie stands after some tokens: the nodes reached (in the order the walk finds
 * them), the best pattern ending at one of them, and the states after one more token, by form id, as
 * they are first needed. Phrases repeat, so a walk mostly follows states it has taken before.
 */
export interface WalkState {
  nodes: TrieNode[];
  end: TrieEnd | undefined;
  next: Map<number, WalkState>;
}

export interface CompiledLexicon {
  lang: Lang;
  root: TrieNode;
  patternCount: number;
  /** Matcher ids that a normalised word form satisfies, the form known by its id in `formIdsOf` (memoised by id: no string hashing). */
  matchersOfId(id: number, form: string): Int32Array;
  /** Whether a form (by id, after `matchersOfId`) can start a pattern: not every form that matches a pattern word can. */
  startsId(id: number): boolean;
  /**
   * What is known of each form id (FormFlag), in an array at least `size` long: a matcher reads it per token
   * and calls `matchersOfId` only for a form still UNSEEN, which fills its entry. The array is valid until
   * an id beyond `size` is looked up.
   */
  formFlags(size: number): Uint8Array;
  /** The state after a first token (a form by id that can start a pattern: FormFlag.STARTS). */
  begin(id: number, form: string): WalkState;
  /** The state after one more token (a form by id); no nodes when no pattern continues with it. */
  advance(state: WalkState, id: number, form: string): WalkState;
}

/** What a compiled lexicon knows of a form (by id): not looked up yet, matches no pattern word, matches one, can start a pattern. */
export const FormFlag = { UNSEEN: 0, NONE: 1, MATCHES: 2, STARTS: 3 } as const;

const EMPTY = new Int32Array(0);
/** The end of every walk that no pattern continues (shared: it never gains transitions). */
const DEAD: WalkState = { nodes: [], end: undefined, next: new Map() };
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

  // Form id → index into `results` (+1; 0 = not computed yet), and form id → FormFlag: typed arrays stay
  // dense whatever ids this language's documents happen to use.
  let slotOf = new Int32Array(1 << 12);
  const results: Int32Array[] = [];
  let flags = new Uint8Array(1 << 12);
  const formFlags = (size: number): Uint8Array => {
    if (size > flags.length) {
      const bigger = new Uint8Array(Math.max(flags.length * 2, size));
      bigger.set(flags);
      flags = bigger;
    }
    return flags;
  };
  // Only the lengths some prefix glob has are worth slicing a form at (shortest first, as a scan from 1
  // would; a bare `*` has the empty prefix, which that scan never looked up).
  const prefixLengths = [...new Set([...prefixes.keys()].map((p) => p.length))].filter((k) => k > 0).sort((a, b) => a - b);
  const compute = (form: string): Int32Array => {
    const found: number[] = [];
    const add = (ids: number[] | undefined) => {
      if (ids) for (const id of ids) found.push(id);
    };
    if (DASHES.has(form) && dashId >= 0) found.push(dashId);
    add(exact.get(form));
    if (stems.size > 0) add(stems.get(stemRu(form)));
    for (const k of prefixLengths) {
      if (k > form.length) break;
      add(prefixes.get(form.slice(0, k)));
    }
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
    let flag: number = r.length === 0 ? FormFlag.NONE : FormFlag.MATCHES;
    for (let j = 0; j < r.length && flag !== FormFlag.STARTS; j++) if (root.next.has(r[j])) flag = FormFlag.STARTS;
    formFlags(id + 1)[id] = flag;
    results.push(r);
    slotOf[id] = results.length;
    return r;
  };
  const startsId = (id: number): boolean => id < flags.length && flags[id] === FormFlag.STARTS;
  const step = (from: readonly TrieNode[], ids: Int32Array): WalkState => {
    const nodes: TrieNode[] = [];
    for (const node of from) {
      for (const k of ids) {
        const child = node.next.get(k);
        if (child) nodes.push(child);
      }
    }
    // The first end found, unless a later one is better: what a walk over these nodes in order keeps.
    let end: TrieEnd | undefined;
    for (const node of nodes) if (node.ends[0] && (!end || better(node.ends[0], end))) end = node.ends[0];
    return nodes.length === 0 ? DEAD : { nodes, end, next: new Map() };
  };
  const advance = (state: WalkState, id: number, form: string): WalkState => {
    let next = state.next.get(id);
    if (!next) state.next.set(id, (next = step(state.nodes, matchersOfId(id, form))));
    return next;
  };
  // First steps by the form's slot in `results` (dense, like it): every token that starts a walk asks.
  const firstSteps: (WalkState | undefined)[] = [];
  const begin = (id: number, form: string): WalkState => {
    const r = matchersOfId(id, form);
    const k = slotOf[id] - 1;
    let first = firstSteps[k];
    if (!first) {
      while (firstSteps.length < k) firstSteps.push(undefined);
      firstSteps[k] = first = step([root], r);
    }
    return first;
  };
  return { lang, root, patternCount, matchersOfId, startsId, formFlags, begin, advance };
}

function sortEnds(node: TrieNode): void {
  node.ends.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  for (const child of node.next.values()) sortEnds(child);
}
