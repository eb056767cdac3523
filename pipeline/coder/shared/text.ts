// Text around a hit, read back from token offsets: sentence spans, a window of N words either side, and
// one-line, width-limited strings for terminal tables. Pure: a tokenized document and its text in.
import { TokenKind, type TokenizedDocument } from '../../lib/types.ts';

export interface Span {
  start: number;
  end: number;
}

/** Token range [first, last) of 0-based sentence s. */
export function sentenceTokens(doc: TokenizedDocument, s: number): { first: number; last: number } {
  return { first: s === 0 ? 0 : doc.sentenceEnds[s - 1], last: doc.sentenceEnds[s] };
}

/** Character span of 0-based sentence s (empty span for a sentence without tokens). */
export function sentenceSpan(doc: TokenizedDocument, s: number): Span {
  const { first, last } = sentenceTokens(doc, s);
  if (last <= first) return { start: 0, end: 0 };
  return { start: doc.starts[first], end: doc.ends[last - 1] };
}

/** Whitespace runs (line breaks, tabs, NBSP) become one space, so a context fits on one line. */
export function oneLine(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

function isWordish(doc: TokenizedDocument, i: number): boolean {
  return doc.kinds[i] !== TokenKind.Punct && doc.kinds[i] !== TokenKind.Symbol;
}

/** Left and right context of tokens [tokenStart, tokenEnd): `window` words each side, or the sentence. */
export function contextOf(doc: TokenizedDocument, text: string, tokenStart: number, tokenEnd: number,
  window: number | 'sentence', sentence: number): { left: string; right: string } {
  const hitStart = doc.starts[tokenStart];
  const hitEnd = doc.ends[tokenEnd - 1];
  if (window === 'sentence') {
    const s = sentenceSpan(doc, sentence);
    return { left: oneLine(text.slice(s.start, hitStart)), right: oneLine(text.slice(hitEnd, s.end)) };
  }
  let k = tokenStart;
  for (let words = 0; k > 0 && words < window; ) if (isWordish(doc, --k)) words++;
  let j = tokenEnd;
  for (let words = 0; j < doc.starts.length && words < window; j++) if (isWordish(doc, j)) words++;
  const leftFrom = k < tokenStart ? doc.starts[k] : hitStart;
  const rightTo = j > tokenEnd ? doc.ends[j - 1] : hitEnd;
  return { left: oneLine(text.slice(leftFrom, hitStart)), right: oneLine(text.slice(hitEnd, rightTo)) };
}

/** Cut to `width` code points, keeping the end (for left contexts): `…the airport`. */
export function keepEnd(s: string, width: number): string {
  const cps = [...s];
  return cps.length <= width ? s : `…${cps.slice(cps.length - width + 1).join('')}`;
}

/** Cut to `width` code points, keeping the start: `terrorists attacked…`. */
export function keepStart(s: string, width: number): string {
  const cps = [...s];
  return cps.length <= width ? s : `${cps.slice(0, width - 1).join('')}…`;
}

export function padStartCp(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - [...s].length)) + s;
}

export function padEndCp(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

/** A concordance line for evidence columns: `left [match] right`. */
export function concordanceLine(left: string, match: string, right: string): string {
  return [left, `[${oneLine(match)}]`, right].filter((x) => x !== '').join(' ');
}

/** Compare dates so that unknown ('') sorts last; ISO strings otherwise sort as text. */
export function compareDates(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return a < b ? -1 : 1;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
