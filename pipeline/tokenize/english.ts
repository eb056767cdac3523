// English: wink-nlp sentences, tokens and part-of-speech tags. wink keeps each token's text verbatim, so
// offsets are found by walking the original text once; whitespace tokens (tabs, line breaks) are dropped.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createRequire } from 'node:module';
import { POS_INDEX, type RawToken } from './assemble.ts';

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

/** Raw tokens of `text` (offsets relative to `base`). Sentence ids start at `firstSentence`. */
export function tokenizeEnglish(text: string, base = 0, firstSentence = 0): { tokens: RawToken[]; sentences: number } {
  const w = englishNlp();
  const its = w.its;
  const doc = w.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentenceOf = new Int32Array(values.length);
  spans.forEach(([a, b], s) => sentenceOf.fill(s, a, b + 1));
  const tokens: RawToken[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const at = text.indexOf(v, cursor);
    if (at < 0 || /\S/u.test(text.slice(cursor, at))) {
      throw new Error(`internal: wink-nlp token ${JSON.stringify(v)} not found at offset ${cursor}`);
    }
    cursor = at + v.length;
    if (types[i] === 'tabCRLF' || /^\s+$/u.test(v)) continue;
    tokens.push({ start: base + at, end: base + cursor, pos: POS_INDEX.get(tags[i]) ?? 0, sentence: firstSentence + sentenceOf[i] });
  }
  return { tokens, sentences: spans.length };
}
