// Term frequencies in several buckets of sentences (frame sentences vs the rest, or one bucket per
// group): words and two-word phrases, with the documents they occur in, the first three concordance
// lines per bucket, and which lexicon frame claims their occurrences. Russian terms are counted by stem
// and shown in their most frequent form. Stop words are counted in the totals but never proposed.
import { TokenKind, type Lang, type TokenizedDocument } from '../../lib/types.ts';
import { stemRu } from '../../lib/normalize.ts';
import { isStopword } from '../shared/lang.ts';
import type { Claims } from '../shared/mask.ts';
import { concordanceLine, contextOf } from '../shared/text.ts';

export type TermKind = 'word' | 'phrase';

export interface Term {
  kind: TermKind;
  lang: Lang;
  forms: Map<string, number>;
  counts: number[];
  docs: number[];
  lastDoc: string[];
  examples: string[][];
  claimed: Map<string, number>;
}

export interface TermTableOptions {
  buckets: number;
  phrases: boolean;
  /** Leave tokens the lexicon claims out entirely (suggest), or count them and note the frame (keyness). */
  skipClaimed: boolean;
  examples: number;
}

export interface TermTable {
  terms: Map<string, Term>;
  totals: Record<TermKind, number[]>;
  options: TermTableOptions;
}

export function createTermTable(options: TermTableOptions): TermTable {
  const zeros = () => new Array(options.buckets).fill(0);
  return { terms: new Map(), totals: { word: zeros(), phrase: zeros() }, options };
}

/** The preferred display form: most frequent, then first in code-point order. */
export function displayForm(t: Term): string {
  return [...t.forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

function keyOf(forms: string[], lang: Lang): string {
  return `${lang}\u0000${(lang === 'ru' ? forms.map(stemRu) : forms).join(' ')}`;
}

interface DocView {
  docId: string;
  tokens: TokenizedDocument;
  text: string;
  claims: Claims;
}

function record(table: TermTable, v: DocView, kind: TermKind, bucket: number, i: number, len: number, sentence: number): void {
  const forms = Array.from(v.tokens.types.subarray(i, i + len), (t) => v.tokens.vocab[t]);
  const key = keyOf(forms, v.tokens.lang);
  const o = table.options;
  let t = table.terms.get(key);
  if (!t) {
    t = { kind, lang: v.tokens.lang, forms: new Map(), counts: new Array(o.buckets).fill(0), docs: new Array(o.buckets).fill(0),
      lastDoc: new Array(o.buckets).fill(''), examples: Array.from({ length: o.buckets }, () => []), claimed: new Map() };
    table.terms.set(key, t);
  }
  const form = forms.join(' ');
  t.forms.set(form, (t.forms.get(form) ?? 0) + 1);
  t.counts[bucket]++;
  if (t.lastDoc[bucket] !== v.docId) {
    t.lastDoc[bucket] = v.docId;
    t.docs[bucket]++;
  }
  if (t.examples[bucket].length < o.examples) {
    const c = contextOf(v.tokens, v.text, i, i + len, 6, sentence);
    t.examples[bucket].push(`${v.docId}: ${concordanceLine(c.left, v.text.slice(v.tokens.starts[i], v.tokens.ends[i + len - 1]), c.right)}`);
  }
  const claim = v.claims[i];
  if (claim !== undefined) t.claimed.set(claim, (t.claimed.get(claim) ?? 0) + 1);
}

/** Count one document. `bucketOf(s)` gives the bucket of 0-based sentence s, or -1 to leave it out. */
export function addDocument(table: TermTable, docId: string, tokens: TokenizedDocument, text: string, claims: Claims, bucketOf: (s: number) => number): void {
  const v: DocView = { docId, tokens, text, claims };
  const usable = (i: number) => tokens.kinds[i] === TokenKind.Word && !(table.options.skipClaimed && claims[i] !== undefined);
  let from = 0;
  for (let s = 0; s < tokens.sentenceEnds.length; s++) {
    const to = tokens.sentenceEnds[s];
    const b = bucketOf(s);
    if (b >= 0) {
      for (let i = from; i < to; i++) {
        if (!usable(i)) continue;
        table.totals.word[b]++;
        const stop = isStopword(tokens.vocab[tokens.types[i]], tokens.lang);
        if (!stop) record(table, v, 'word', b, i, 1, s);
        if (!table.options.phrases || i + 1 >= to || !usable(i + 1)) continue;
        table.totals.phrase[b]++;
        if (!stop && !isStopword(tokens.vocab[tokens.types[i + 1]], tokens.lang)) record(table, v, 'phrase', b, i, 2, s);
      }
    }
    from = to;
  }
}
