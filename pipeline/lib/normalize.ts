// The matching form of a token or a pattern word. One function for both sides, so a lexicon term and the
// text it should find are always normalised the same way.
import PorterStemmerRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import type { Lang } from './types.ts';

const HYPHENS = /[\u2010\u2011]/g;
const APOSTROPHES = /[\u2019\u02bc]/g;

/** Lowercase; typographic hyphens and apostrophes to ASCII; for Russian ё → е. */
export function normalizeForm(s: string, lang: Lang): string {
  let n = s.toLowerCase();
  if (SPECIAL.test(n)) n = n.replace(HYPHENS, '-').replace(APOSTROPHES, "'");
  if (lang === 'ru' && n.includes('ё')) n = n.replace(/ё/g, 'е');
  return n;
}

const SPECIAL = /[\u2010\u2011\u2019\u02bc]/;

/** natural's Russian Porter (Snowball) stemmer; it lowercases and folds ё itself. */
export function stemRu(word: string): string {
  return PorterStemmerRu.stem(word);
}

/** The version of the normalisation rules, part of every cache key. */
export const NORMALIZE_VERSION = 'n1';
