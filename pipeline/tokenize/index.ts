// Tokenize one document, dispatching on its language: English through wink-nlp, Russian and Kazakh
// through the ICU segmenter. Long texts are cut at paragraph breaks into chunks, so a 200 MB text is
// tokenized piece by piece with the same offsets as in one go.
import { NORMALIZE_VERSION } from '../lib/normalize.ts';
import type { Lang, TokenizedDocument } from '../lib/types.ts';
import { assembleDocument } from './assemble.ts';
import { TokenBuffer } from './buffer.ts';
import { ENGLISH_TOKENIZER, tokenizeEnglish } from './english.ts';
import { UNICODE_TOKENIZER, tokenizeUnicode } from './unicode.ts';

/** Bump when assemble.ts changes what it produces: every cached document is then re-tokenized. */
const ASSEMBLY_VERSION = 'a2';

export function tokenizerId(lang: Lang): string {
  const base = lang === 'en' ? ENGLISH_TOKENIZER : `${lang}:${UNICODE_TOKENIZER}`;
  return `${base}+${ASSEMBLY_VERSION}+${NORMALIZE_VERSION}`;
}

export const CHUNK_CHARS = 256 * 1024;

/** Cut points at paragraph breaks (or line breaks, or spaces) so that no chunk exceeds `max` chars. */
export function chunkBoundaries(text: string, max = CHUNK_CHARS): number[] {
  const cuts = [0];
  let from = 0;
  while (text.length - from > max) {
    const window = text.slice(from, from + max);
    const para = window.lastIndexOf('\n\n');
    const line = window.lastIndexOf('\n');
    const space = window.search(/\s\S*$/u);
    const cut = para >= max / 4 ? para + 2 : line >= max / 4 ? line + 1 : space >= max / 4 ? space + 1 : max;
    from += cut;
    cuts.push(from);
  }
  cuts.push(text.length);
  return cuts;
}

export function tokenizeDocument(text: string, meta: { docId: string; lang: Lang; textHash: string }, chunkChars = CHUNK_CHARS): TokenizedDocument {
  const cuts = chunkBoundaries(text, chunkChars);
  const raw = new TokenBuffer();
  let sentences = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const chunk = text.slice(cuts[c], cuts[c + 1]);
    sentences += meta.lang === 'en' ? tokenizeEnglish(chunk, raw, cuts[c], sentences) : tokenizeUnicode(chunk, meta.lang, raw, cuts[c], sentences);
  }
  return assembleDocument(text, raw, { ...meta, tokenizer: tokenizerId(meta.lang) });
}
