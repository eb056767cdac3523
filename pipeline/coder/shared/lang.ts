// Language helpers for the coder tools: a stem per word form (to tell related word types from unrelated
// ones) and stop words (left out of keyness candidates). Kazakh has neither, so forms stand for themselves.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import stopEn from 'natural/lib/natural/util/stopwords.js';
import stopRu from 'natural/lib/natural/util/stopwords_ru.js';
import { stemRu } from '../../lib/normalize.ts';
import type { Lang } from '../../lib/types.ts';

export function stemOf(form: string, lang: Lang): string {
  if (lang === 'en') return PorterStemmer.stem(form);
  if (lang === 'ru') return stemRu(form);
  return form;
}

const STOP: Record<Lang, Set<string>> = {
  en: new Set([...stopEn.words, "'s", 'said', 'says', 'also', 'would', 'could', 'us', 'one', 'two', 'mr', 'ms']),
  ru: new Set([...stopRu.words, 'это', 'этот', 'эти', 'этом', 'этой', 'того', 'также', 'который', 'которые', 'которых', 'которая', 'которое', 'его', 'ее', 'их']),
  kk: new Set(),
};

export function isStopword(form: string, lang: Lang): boolean {
  return STOP[lang].has(form);
}
