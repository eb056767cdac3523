// Turn a tokenizer's raw tokens into a TokenizedDocument. The same steps run for every language:
// split quote marks off word edges (`«ёлочки»` → « ёлочки »), join hyphenated compounds written without
// spaces (`foreign` `-` `trained` → `foreign-trained`), break sentences at blank lines, classify tokens,
// and count words. Example: "So-called «militants»\n\nNext" → so-called « militants » | next.
// One pass over typed arrays; each distinct surface form is normalised once.
import { normalizeForm } from '../lib/normalize.ts';
import { POS_TAGS, TokenKind, type Lang, type TokenizedDocument } from '../lib/types.ts';
import { TokenBuffer } from './buffer.ts';

const EDGE_PUNCT = /^[\p{Pi}\p{Pf}\p{Ps}\p{Pe}"'«»„“”‚‘’]$/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const ALNUM = /[\p{L}\p{N}]/u;
const PUNCT = /^\p{P}+$/u;
const CLITIC = /^(?:'|’)(?:s|d|ll|re|ve|m)$|^n(?:'|’)t$/i;
const URLISH = /@|:\/\/|^www\./i;

export const POS_INDEX = new Map<string, number>(POS_TAGS.map((t, i) => [t, i]));
const PUNCT_POS = POS_INDEX.get('PUNCT')!;

/** A word is a token with at least one letter that is not an e-mail address, URL or English clitic. */
export function classify(tok: string): TokenKind {
  if (LETTER.test(tok)) return URLISH.test(tok) || CLITIC.test(tok) ? TokenKind.Other : TokenKind.Word;
  if (DIGIT.test(tok)) return TokenKind.Number;
  if (PUNCT.test(tok)) return TokenKind.Punct;
  return TokenKind.Symbol;
}

const isHyphen = (c: number) => c === 0x2d || c === 0x2010 || c === 0x2011;
const isAlnumAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return c >= 0x80 && ALNUM.test(String.fromCodePoint(text.codePointAt(i) ?? c)) || (c >= 0xdc00 && c <= 0xdfff && ALNUM.test(text.slice(i - 1, i + 1)));
};
const isEdgePunct = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return (c < 0x80 ? c === 0x22 || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d : EDGE_PUNCT.test(text[i]));
};

/** Split quote and bracket characters off the edges of tokens (`«ёлочки»`), keeping clitics (`'s`). */
function splitEdges(text: string, raw: TokenBuffer): TokenBuffer {
  let needed = false;
  for (let k = 0; k < raw.length && !needed; k++) needed = raw.ends[k] - raw.starts[k] > 1 && (isEdgePunct(text, raw.starts[k]) || isEdgePunct(text, raw.ends[k] - 1));
  if (!needed) return raw;
  const out = new TokenBuffer();
  for (let k = 0; k < raw.length; k++) {
    let s = raw.starts[k];
    let e = raw.ends[k];
    const sent = raw.sentences[k];
    if (e - s < 2 || !(isEdgePunct(text, s) || isEdgePunct(text, e - 1)) || CLITIC.test(text.slice(s, e))) {
      out.push(s, e, raw.pos[k], sent);
      continue;
    }
    while (e - s > 1 && isEdgePunct(text, s)) out.push(s, ++s, PUNCT_POS, sent);
    let tail = e;
    while (tail - s > 1 && isEdgePunct(text, tail - 1) && text[tail - 1] !== "'" && text[tail - 1] !== '’') tail--;
    out.push(s, tail, raw.pos[k], sent);
    for (let t = tail; t < e; t++) out.push(t, t + 1, PUNCT_POS, sent);
  }
  return out;
}

/** Join `word - word` written without spaces (`foreign-trained`) into one token. */
function mergeHyphens(text: string, raw: TokenBuffer): TokenBuffer {
  let needed = false;
  for (let k = 1; k + 1 < raw.length && !needed; k++) needed = raw.ends[k] - raw.starts[k] === 1 && isHyphen(text.charCodeAt(raw.starts[k])) && raw.starts[k] === raw.ends[k - 1] && raw.starts[k + 1] === raw.ends[k];
  if (!needed) return raw;
  const out = new TokenBuffer();
  for (let k = 0; k < raw.length; k++) {
    const start = raw.starts[k];
    let end = raw.ends[k];
    let pos = raw.pos[k];
    const sent = raw.sentences[k];
    while (k + 2 < raw.length && raw.starts[k + 1] === end && raw.ends[k + 1] === end + 1 && isHyphen(text.charCodeAt(end)) &&
      raw.starts[k + 2] === end + 1 && raw.sentences[k + 1] === sent && raw.sentences[k + 2] === sent &&
      isAlnumAt(text, end - 1) && isAlnumAt(text, end + 1)) {
      end = raw.ends[k + 2];
      pos = raw.pos[k + 2];
      k += 2;
    }
    out.push(start, end, pos, sent);
  }
  return out;
}

/** Gaps between tokens are whitespace only, so two line feeds in a gap make a blank line. */
function blankLineBetween(text: string, from: number, to: number): boolean {
  if (to - from < 2) return false;
  const first = text.indexOf('\n', from);
  return first >= 0 && first < to && text.indexOf('\n', first + 1) >= 0 && text.indexOf('\n', first + 1) < to;
}

/** Assemble the columnar document. Sentence ids in `raw` must be non-decreasing. */
export function assembleDocument(text: string, raw: TokenBuffer, meta: { docId: string; lang: Lang; textHash: string; tokenizer: string }): TokenizedDocument {
  const toks = mergeHyphens(text, splitEdges(text, raw));
  const n = toks.length;
  const kinds = new Uint8Array(n);
  const types = new Uint32Array(n);
  const vocab: string[] = [];
  const bySurface = new Map<string, number>();
  const byForm = new Map<string, number>();
  const kindOf: TokenKind[] = [];
  const sentenceEnds: number[] = [];
  let words = 0;
  for (let i = 0; i < n; i++) {
    const surface = text.slice(toks.starts[i], toks.ends[i]);
    let ty = bySurface.get(surface);
    if (ty === undefined) {
      const form = normalizeForm(surface, meta.lang);
      ty = byForm.get(form);
      if (ty === undefined) {
        ty = vocab.length;
        vocab.push(form);
        byForm.set(form, ty);
        kindOf[ty] = classify(surface);
      }
      bySurface.set(surface, ty);
    }
    types[i] = ty;
    const kind = kindOf[ty];
    kinds[i] = kind;
    if (kind === TokenKind.Word) words++;
    if (i > 0 && (toks.sentences[i] !== toks.sentences[i - 1] || blankLineBetween(text, toks.ends[i - 1], toks.starts[i]))) sentenceEnds.push(i);
  }
  if (n > 0) sentenceEnds.push(n);
  return {
    ...meta, vocab, types, starts: toks.starts.slice(0, n), ends: toks.ends.slice(0, n), kinds, pos: toks.pos.slice(0, n),
    sentenceEnds: Uint32Array.from(sentenceEnds), words,
  };
}
