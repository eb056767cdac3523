// English: wink-nlp sentences, tokens and part-of-speech tags. wink keeps each token's text verbatim and
// records the whitespace before it, so offsets follow by adding lengths; each offset is checked against
// the text, and a walk with indexOf takes over should the two ever disagree. Whitespace tokens (tabs,
// line breaks) are dropped.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createRequire } from 'node:module';
import { POS_INDEX } from './assemble.ts';
import type { TokenBuffer } from './buffer.ts';

const require = createRequire(import.meta.url);
const WINK_VERSION = (require('wink-nlp/package.json') as { version: string }).version;
const MODEL_VERSION = (require('wink-eng-lite-web-model/package.json') as { version: string }).version;

export const ENGLISH_TOKENIZER = `en:wink-nlp@${WINK_VERSION}+model@${MODEL_VERSION}+sbd,pos`;

let nlp: ReturnType<typeof winkNLP> | undefined;

/** The wink-nlp instance qantar uses (sentence boundaries and POS; nothing else). */
export function englishNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Append the tokens of `text` to `out` (offsets shifted by `base`); returns the number of sentences. */
export function tokenizeEnglish(text: string, out: TokenBuffer, base = 0, firstSentence = 0): number {
  const w = englishNlp();
  const its = w.its;
  const doc = w.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  let s = 0;
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let at = cursor + spaces[i].length;
    if (!text.startsWith(v, at)) at = findFrom(text, v, cursor);
    cursor = at + v.length;
    while (s < spans.length - 1 && i > spans[s][1]) s++;
    if (types[i] === 'tabCRLF' || isSpace(v)) continue;
    out.push(base + at, base + cursor, POS_INDEX.get(tags[i]) ?? 0, firstSentence + s);
  }
  return spans.length;
}

function isSpace(v: string): boolean {
  return v.trim() === '';
}

function findFrom(text: string, v: string, cursor: number): number {
  const at = text.indexOf(v, cursor);
  if (at < 0 || text.slice(cursor, at).trim() !== '') throw new Error(`internal: wink-nlp token ${JSON.stringify(v)} not found at offset ${cursor}`);
  return at;
}
