// Turn a tokenizer's raw tokens into a TokenizedDocument. The same steps run for every language:
// split quote marks off word edges (`«ёлочки»` → « ёлочки »), join hyphenated compounds written without
// spaces (`foreign` `-` `trained` → `foreign-trained`), break sentences at blank lines, classify tokens,
// and count words. Example: "So-called «militants»\n\nNext" → so-called « militants » | next.
import { normalizeForm } from '../lib/normalize.ts';
import { POS_TAGS, TokenKind, type Lang, type TokenizedDocument } from '../lib/types.ts';

export interface RawToken {
  start: number;
  end: number;
  pos: number;
  sentence: number;
}

const EDGE_PUNCT = /^[\p{Pi}\p{Pf}\p{Ps}\p{Pe}"'«»„“”‚‘’]$/u;
const HYPHEN = /^[-\u2010\u2011]$/;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const ALNUM_END = /[\p{L}\p{N}]$/u;
const ALNUM_START = /^[\p{L}\p{N}]/u;
const PUNCT = /^\p{P}+$/u;
const CLITIC = /^(?:'|’)(?:s|d|ll|re|ve|m)$|^n(?:'|’)t$/i;
const URLISH = /@|:\/\/|^www\./i;

export const POS_INDEX = new Map<string, number>(POS_TAGS.map((t, i) => [t, i]));

/** A word is a token with at least one letter that is not an e-mail address, URL or English clitic. */
export function classify(tok: string): TokenKind {
  if (LETTER.test(tok)) return URLISH.test(tok) || CLITIC.test(tok) ? TokenKind.Other : TokenKind.Word;
  if (DIGIT.test(tok)) return TokenKind.Number;
  if (PUNCT.test(tok)) return TokenKind.Punct;
  return TokenKind.Symbol;
}

function splitEdges(text: string, raw: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (const t of raw) {
    let s = t.start;
    let e = t.end;
    if (e - s < 2 || CLITIC.test(text.slice(s, e))) {
      out.push(t);
      continue;
    }
    const tail: RawToken[] = [];
    while (e - s > 1 && EDGE_PUNCT.test(text[s]) ) {
      out.push({ start: s, end: s + 1, pos: POS_INDEX.get('PUNCT')!, sentence: t.sentence });
      s++;
    }
    while (e - s > 1 && EDGE_PUNCT.test(text[e - 1]) && !(text[e - 1] === "'" || text[e - 1] === '’') ) {
      tail.unshift({ start: e - 1, end: e, pos: POS_INDEX.get('PUNCT')!, sentence: t.sentence });
      e--;
    }
    out.push({ start: s, end: e, pos: t.pos, sentence: t.sentence });
    out.push(...tail);
  }
  return out;
}

function mergeHyphens(text: string, raw: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    let cur = raw[i];
    while (i + 2 < raw.length) {
      const h = raw[i + 1];
      const n = raw[i + 2];
      if (h.start === cur.end && n.start === h.end && HYPHEN.test(text.slice(h.start, h.end)) &&
        ALNUM_END.test(text.slice(cur.start, cur.end)) && ALNUM_START.test(text.slice(n.start, n.end)) &&
        h.sentence === cur.sentence && n.sentence === cur.sentence) {
        cur = { start: cur.start, end: n.end, pos: n.pos, sentence: cur.sentence };
        i += 2;
      } else {
        break;
      }
    }
    out.push(cur);
  }
  return out;
}

/** Assemble the columnar document. Sentence ids in `raw` must be non-decreasing. */
export function assembleDocument(text: string, raw: RawToken[], meta: { docId: string; lang: Lang; textHash: string; tokenizer: string }): TokenizedDocument {
  const toks = mergeHyphens(text, splitEdges(text, raw));
  const n = toks.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const kinds = new Uint8Array(n);
  const pos = new Uint8Array(n);
  const types = new Uint32Array(n);
  const vocab: string[] = [];
  const vocabIndex = new Map<string, number>();
  const sentenceEnds: number[] = [];
  let words = 0;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    const surface = text.slice(t.start, t.end);
    starts[i] = t.start;
    ends[i] = t.end;
    pos[i] = t.pos;
    const kind = classify(surface);
    kinds[i] = kind;
    if (kind === TokenKind.Word) words++;
    const form = normalizeForm(surface, meta.lang);
    let ty = vocabIndex.get(form);
    if (ty === undefined) {
      ty = vocab.length;
      vocab.push(form);
      vocabIndex.set(form, ty);
    }
    types[i] = ty;
    if (i > 0 && (t.sentence !== toks[i - 1].sentence || blankLineBetween(text, toks[i - 1].end, t.start))) sentenceEnds.push(i);
  }
  if (n > 0) sentenceEnds.push(n);
  return { ...meta, vocab, types, starts, ends, kinds, pos, sentenceEnds: Uint32Array.from(sentenceEnds), words };
}

function blankLineBetween(text: string, from: number, to: number): boolean {
  if (to - from < 2) return false;
  return /\n[^\S\n]*\n/.test(text.slice(from, to));
}
