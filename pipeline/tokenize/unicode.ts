// The generic Unicode tokenizer (Russian, Kazakh, and any text wink-nlp's English model is not for):
// ICU sentence and word boundaries from Intl.Segmenter, with character offsets. Hyphenated words are
// joined afterwards by assemble.ts, so «из-за» and «Санкт-Петербург» stay whole.
import type { TokenBuffer } from './buffer.ts';

export const UNICODE_TOKENIZER = `icu@${process.versions.icu ?? 'none'}+segmenter`;

const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>();

function segmentersFor(locale: string) {
  let s = segmenters.get(locale);
  if (!s) {
    s = { sentence: new Intl.Segmenter(locale, { granularity: 'sentence' }), word: new Intl.Segmenter(locale, { granularity: 'word' }) };
    segmenters.set(locale, s);
  }
  return s;
}

const SPACE = /^\s+$/u;

/** Append the tokens of `text` to `out` (offsets shifted by `base`); returns the number of sentences. */
export function tokenizeUnicode(text: string, locale: string, out: TokenBuffer, base = 0, firstSentence = 0): number {
  const seg = segmentersFor(locale);
  let sentence = firstSentence - 1;
  for (const s of seg.sentence.segment(text)) {
    let any = false;
    for (const w of seg.word.segment(s.segment)) {
      if (!w.isWordLike && SPACE.test(w.segment)) continue;
      if (!any) {
        sentence++;
        any = true;
      }
      const start = base + s.index + w.index;
      out.push(start, start + w.segment.length, 0, sentence);
    }
  }
  return sentence - firstSentence + 1;
}
