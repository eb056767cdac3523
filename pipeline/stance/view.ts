// One document as the stance rules see it: token accessors, stance units (tokenizer sentences joined where
// a split is spurious: "Orda." + "kz, …" is one sentence), the cue matches and the quotation spans, each
// indexed per token. Built once per document; every rule reads it, and nothing writes to it but the memo
// tables of facts the rules ask about the same token again and again (is it verb-like, is it a boundary).
import { POS_TAGS, TokenKind, type Lang, type TokenizedDocument } from '../lib/types.ts';
import { KIND_BIT } from './cues.ts';
import { startsLower, startsUpper } from './letters.ts';
import type { CueMatch } from './match.ts';
import { findQuoteSpans, type QuoteSpan } from './quotes.ts';

export interface View {
  doc: TokenizedDocument;
  text: string;
  lang: Lang;
  n: number;
  /** Unit index of each token; units are [unitStart[u], unitEnd[u]). */
  unitOf: Int32Array;
  unitStart: number[];
  unitEnd: number[];
  cues: CueMatch[];
  /** Index into `cues` of the match covering each token, or -1. */
  cueAt: Int32Array;
  quotes: QuoteSpan[];
  /** Token ranges inside each quote (exclusive of the marks) and the marks' token indices (-1 if none). */
  quoteTokens: { from: number; to: number; openTok: number; closeTok: number }[];
  /** Innermost quote span of each token, or -1. */
  quoteOf: Int32Array;
  /** Quote index by the token index of its opening / closing mark. */
  quoteByOpen: Map<number, number>;
  quoteByClose: Map<number, number>;
  /** Quotes whose first token is in each unit. */
  quotesInUnit: number[][];
  /** Cues of unit u are cues[cueFirst[u] .. cueFirst[u + 1]). */
  cueFirst: Int32Array;
  /** Token index of the first "not only" / «не только» in each unit (n when none). */
  firstPair: Int32Array;
  /** Memo per token, 0 until first asked: isVerbish (1 no, 2 yes) and isBoundary (level + 1, clauses.ts). */
  verbish: Uint8Array;
  boundary: Uint8Array;
}

/**
 * `allCues` are the document's cue matches (matchCues). `terms` are the frame hits: a cue word inside one
 * ("shoot without warning", «стрелять без предупреждения») is part of the term, not a cue.
 */
export function createView(doc: TokenizedDocument, text: string, allCues: readonly CueMatch[], terms: readonly { tokenStart: number; tokenEnd: number }[] = []): View {
  const n = doc.types.length;
  const { unitOf, unitStart, unitEnd } = buildUnits(doc, text);
  const inTerm = new Uint8Array(n);
  for (const t of terms) inTerm.fill(1, t.tokenStart, t.tokenEnd);
  const matches = allCues.filter((m) => !overlapsTerm(inTerm, m.start, m.end));
  const cueAt = new Int32Array(n).fill(-1);
  matches.forEach((m, k) => cueAt.fill(k, m.start, m.end));
  const quotes = findQuoteSpans(text);
  const quoteOf = new Int32Array(n).fill(-1);
  const quoteTokens = quotes.map((q, k) => {
    const from = firstTokenAtOrAfter(doc, q.open + 1);
    const to = firstTokenAtOrAfter(doc, q.close);
    for (let i = from; i < to; i++) if (quoteOf[i] < 0 || quotes[quoteOf[i]].depth < q.depth) quoteOf[i] = k;
    const openTok = from > 0 && doc.starts[from - 1] === q.open ? from - 1 : -1;
    const closeTok = to < n && doc.starts[to] === q.close ? to : -1;
    return { from, to, openTok, closeTok };
  });
  const quoteByOpen = new Map<number, number>();
  const quoteByClose = new Map<number, number>();
  const quotesInUnit: number[][] = unitStart.map(() => []);
  quoteTokens.forEach((t, k) => {
    if (t.openTok >= 0) quoteByOpen.set(t.openTok, k);
    if (t.closeTok >= 0) quoteByClose.set(t.closeTok, k);
    if (t.from < n) quotesInUnit[unitOf[t.from]].push(k);
  });
  const cueFirst = new Int32Array(unitStart.length + 1).fill(matches.length);
  for (let k = matches.length - 1; k >= 0; k--) cueFirst[unitOf[matches[k].start]] = k;
  for (let u = unitStart.length - 1; u >= 0; u--) cueFirst[u] = Math.min(cueFirst[u], cueFirst[u + 1]);
  const firstPair = new Int32Array(unitStart.length).fill(n);
  for (const m of matches) {
    const u = unitOf[m.start];
    if (m.start < firstPair[u] && (m.kinds & KIND_BIT.affirm) !== 0 && m.entries.some((e) => e.kind === 'affirm' && e.scope === 'pair')) firstPair[u] = m.start;
  }
  return { doc, text, lang: doc.lang, n, unitOf, unitStart, unitEnd, cues: matches, cueAt, quotes, quoteTokens, quoteOf,
    quoteByOpen, quoteByClose, quotesInUnit, cueFirst, firstPair, verbish: new Uint8Array(n), boundary: new Uint8Array(n) };
}

function overlapsTerm(inTerm: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (inTerm[i] === 1) return true;
  return false;
}

function firstTokenAtOrAfter(doc: TokenizedDocument, offset: number): number {
  let lo = 0;
  let hi = doc.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Join a sentence to the previous one when the split is glued ("Orda." + "kz") or starts in lowercase. */
function buildUnits(doc: TokenizedDocument, text: string) {
  const unitOf = new Int32Array(doc.types.length);
  const unitStart: number[] = [];
  const unitEnd: number[] = [];
  let from = 0;
  for (const end of doc.sentenceEnds) {
    if (end <= from) continue;
    const glued = from > 0 && doc.ends[from - 1] === doc.starts[from];
    const lower = from > 0 && startsLower(text, doc.starts[from], doc.ends[from]);
    if (unitStart.length > 0 && (glued || lower)) unitEnd[unitEnd.length - 1] = end;
    else {
      unitStart.push(from);
      unitEnd.push(end);
    }
    unitOf.fill(unitStart.length - 1, from, end);
    from = end;
  }
  return { unitOf, unitStart, unitEnd };
}

export const form = (v: View, i: number): string => v.doc.vocab[v.doc.types[i]];
export const posOf = (v: View, i: number): string => POS_TAGS[v.doc.pos[i]] ?? '';
export const surface = (v: View, i: number): string => v.text.slice(v.doc.starts[i], v.doc.ends[i]);
export const isWord = (v: View, i: number): boolean => v.doc.kinds[i] === TokenKind.Word;
export const isNumber = (v: View, i: number): boolean => v.doc.kinds[i] === TokenKind.Number;

/** Punctuation that separates (a full stop glued between letters, as in Orda.kz, does not). */
export function isPunct(v: View, i: number): boolean {
  if (v.doc.kinds[i] !== TokenKind.Punct && v.doc.kinds[i] !== TokenKind.Symbol) return false;
  const glued = i > 0 && i + 1 < v.n && v.doc.ends[i - 1] === v.doc.starts[i] && v.doc.ends[i] === v.doc.starts[i + 1];
  return !(glued && form(v, i) === '.');
}

const QUOTE_MARKS = '"\'«»„“”‚‘’';

/** Is the token a single quotation mark? */
export function isQuoteMark(v: View, i: number): boolean {
  const s = v.doc.starts[i];
  return v.doc.ends[i] - s === 1 && QUOTE_MARKS.includes(v.text[s]);
}

/** Does the token's surface begin with a capital letter? */
export const isCapitalised = (v: View, i: number): boolean => startsUpper(v.text, v.doc.starts[i], v.doc.ends[i]);

/** The cue match at token i having an entry of a kind in `mask` (KIND_BIT / kindMask), if any; of any kind by default. */
export function cueAt(v: View, i: number, mask = -1): CueMatch | undefined {
  const k = v.cueAt[i];
  return k >= 0 && (v.cues[k].kinds & mask) !== 0 ? v.cues[k] : undefined;
}

export function cueText(v: View, start: number, end: number): string {
  return v.text.slice(v.doc.starts[start], v.doc.ends[end - 1]);
}

/** Rough verb test: wink-nlp's tag in English; past-tense and reflexive endings in Russian. */
export function isVerbish(v: View, i: number): boolean {
  let known = v.verbish[i];
  if (known === 0) v.verbish[i] = known = verbish(v, i) ? 2 : 1;
  return known === 2;
}

const VERB_ENDING_RU = /[аеиыяуо]л(?:а|о|и|ся|ась|ось|ись)?$|(?:ает|яет|ует|ают|яют|уют|ится|ется|ются|утся|ятся|атся)$/u;

function verbish(v: View, i: number): boolean {
  if (!isWord(v, i)) return false;
  if (v.lang === 'en') {
    const p = posOf(v, i);
    // A capitalised word inside a sentence is a name ("Human Rights Watch said"), whatever its tag.
    if (i > v.unitStart[v.unitOf[i]] && isCapitalised(v, i)) return false;
    return p === 'VERB' || p === 'AUX';
  }
  if (v.lang !== 'ru' || isCapitalised(v, i)) return false;
  return VERB_ENDING_RU.test(form(v, i));
}
