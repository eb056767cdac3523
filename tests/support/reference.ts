// A deliberately naive reference matcher and the random inputs that test the real one against it.
// The reference tries every pattern, in every token spelling, at every position, and keeps the
// leftmost-longest match with the tie rules of pipeline/tag/compile.ts (`better`): an exclusion first,
// then the more specific pattern (exact 3, stem 2, glob 1 per token), then the earlier pattern.
import fc from 'fast-check';
import { normalizeForm, stemRu } from '../../pipeline/lib/normalize.ts';
import { TokenKind, type Lang, type PatternEntry, type TokenizedDocument } from '../../pipeline/lib/types.ts';

export interface NaiveMatch {
  tokenStart: number;
  tokenEnd: number;
  id: number;
}

const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013']);

/** Glob by regular expression: fine for the short strings of a test, and independent of glob.ts. */
function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'su');
}

interface Step {
  test: (form: string) => boolean;
  weight: number;
}

/** One pattern word as matcher steps: a hyphenated word may also be its parts, with or without dashes. */
function spellings(word: string, lang: Lang): Step[][] {
  const one = (w: string): Step => {
    if (w.includes('*') || w.includes('?')) {
      const re = globToRegExp(w);
      return { test: (f) => re.test(f), weight: 1 };
    }
    if (lang === 'ru') return { test: (f) => stemRu(f) === stemRu(w), weight: 2 };
    return { test: (f) => f === w, weight: 3 };
  };
  const dash: Step = { test: (f) => DASHES.has(f), weight: 3 };
  const parts = word.split('-').filter((p) => p !== '');
  if (parts.length < 2 || parts.some((p) => !/[\p{L}\p{N}]/u.test(p))) return [[one(word)]];
  return [[one(word)], parts.map(one), parts.flatMap((p, i) => (i === 0 ? [one(p)] : [dash, one(p)]))];
}

function sequences(entry: PatternEntry, lang: Lang): Step[][] {
  let acc: Step[][] = [[]];
  for (const w of entry.words) {
    const alts = spellings(normalizeForm(w, lang), lang);
    acc = acc.flatMap((prefix) => alts.map((alt) => [...prefix, ...alt]));
  }
  return acc;
}

interface Candidate {
  entry: PatternEntry;
  len: number;
  specificity: number;
}

function wins(a: Candidate, b: Candidate): boolean {
  if (a.len !== b.len) return a.len > b.len;
  if ((a.entry.frame === '-') !== (b.entry.frame === '-')) return a.entry.frame === '-';
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  return a.entry.id < b.entry.id;
}

export function naiveMatch(doc: TokenizedDocument, entries: readonly PatternEntry[], lang: Lang): NaiveMatch[] {
  const forms = Array.from(doc.types, (t) => doc.vocab[t]);
  const compiled = entries.filter((e) => e.lang === '' || e.lang === lang).map((e) => ({ entry: e, seqs: sequences(e, lang) }));
  const out: NaiveMatch[] = [];
  let start = 0;
  for (const end of doc.sentenceEnds) {
    let i = start;
    while (i < end) {
      let best: Candidate | undefined;
      for (const { entry, seqs } of compiled) {
        for (const seq of seqs) {
          if (i + seq.length > end || !seq.every((step, k) => step.test(forms[i + k]))) continue;
          const c = { entry, len: seq.length, specificity: seq.reduce((n, s) => n + s.weight, 0) };
          if (!best || wins(c, best)) best = c;
        }
      }
      if (best) {
        out.push({ tokenStart: i, tokenEnd: i + best.len, id: best.entry.id });
        i += best.len;
      } else {
        i++;
      }
    }
    start = end;
  }
  return out;
}

/** A tokenized document made directly from matching forms (no text needed by the matcher). */
export function documentOf(forms: readonly string[], sentenceLengths: readonly number[], lang: Lang): TokenizedDocument {
  const vocab: string[] = [];
  const index = new Map<string, number>();
  const types = Uint32Array.from(forms, (f) => {
    if (!index.has(f)) index.set(f, vocab.push(f) - 1);
    return index.get(f)!;
  });
  const ends: number[] = [];
  let at = 0;
  for (const n of sentenceLengths) {
    at = Math.min(forms.length, at + n);
    if (ends.at(-1) !== at) ends.push(at);
  }
  if (forms.length > 0 && ends.at(-1) !== forms.length) ends.push(forms.length);
  const n = forms.length;
  return {
    docId: 'd', lang, textHash: 'h', tokenizer: 't', vocab, types, starts: Uint32Array.from({ length: n }, (_, i) => 2 * i),
    ends: Uint32Array.from({ length: n }, (_, i) => 2 * i + 1), kinds: new Uint8Array(n).fill(TokenKind.Word), pos: new Uint8Array(n),
    sentenceEnds: Uint32Array.from(ends), words: n,
  };
}

/** Small alphabets, so that patterns and tokens collide often. */
const EN_WORDS = ['a', 'b', 'ab', 'ba', 'aa', 'abc', 'a-b', 'b-a', 'gas', 'gas-price'];
const RU_WORDS = ['дом', 'дома', 'домов', 'кот', 'кота', 'котов', 'ёж', 'еж', 'цена', 'цены'];
const EN_GLOBS = ['a*', '*b', 'a?', '*a*', 'a*b', '?', 'ab*', 'a-*', '*-a', 'g*s', '*a-b*'];
const RU_GLOBS = ['до*', '*ов', 'к?т*', '*е*', 'цен*', '?'];

export function formArb(lang: Lang): fc.Arbitrary<string> {
  const words = lang === 'ru' ? RU_WORDS.map((w) => normalizeForm(w, 'ru')) : EN_WORDS;
  return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...words) }, { weight: 2, arbitrary: fc.constantFrom('-', '\u2013', ',', 'x') });
}

function patternWordArb(lang: Lang): fc.Arbitrary<string> {
  const words = lang === 'ru' ? RU_WORDS : EN_WORDS;
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...words) }, { weight: 2, arbitrary: fc.constantFrom(...(lang === 'ru' ? RU_GLOBS : EN_GLOBS)) });
}

export function lexiconArb(lang: Lang): fc.Arbitrary<PatternEntry[]> {
  const entry = fc.record({
    words: fc.array(patternWordArb(lang), { minLength: 1, maxLength: 3 }),
    frame: fc.constantFrom('f1', 'f2', 'f3', '-'),
    lang: fc.constantFrom<Lang | ''>('', lang, lang === 'en' ? 'ru' : 'en'),
  });
  return fc.array(entry, { minLength: 1, maxLength: 12 }).map((rows) => rows.map((r, id) => ({
    // Normalised as parsePatterns does: in the row's language, English rules for every-language rows.
    id, frame: r.frame, pattern: r.words.join(' '), lang: r.lang, note: '', file: 'p.csv', line: id + 2, words: r.words.map((w) => normalizeForm(w, r.lang === '' ? 'en' : r.lang)),
  })));
}

export function documentArb(lang: Lang): fc.Arbitrary<TokenizedDocument> {
  return fc.tuple(fc.array(formArb(lang), { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 6 }))
    .map(([forms, lengths]) => documentOf(forms, lengths, lang));
}
