// The methods paragraph a researcher pastes into a paper: the word definition, the matching rules, how
// uses are decided, how intervals and tests are computed, and the hashes and versions that pin the run.
// Pure: numbers in, text out; every rule stated here is one the pipeline implements and tests.
import { LANG_NAMES } from '../figures/theme.ts';
import { code, type Inline } from './blocks.ts';
import type { Provenance } from './provenance.ts';

export interface MethodsInput {
  prov: Provenance;
  docs: number;
  words: number;
  langs: { lang: string; docs: number }[];
  groups: number;
  frames: number;
  patterns: number;
  exclusions: number;
  uses: string[];
}

const n = (x: number) => x.toLocaleString('en-US');
const count = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

function versions(p: Provenance): string {
  const lib = (k: string) => (p.libraries[k] ? `${k} ${p.libraries[k]}` : '');
  const used = ['wink-nlp', 'wink-eng-lite-web-model', 'natural', 'vega', 'vega-lite', '@resvg/resvg-js'].map(lib).filter(Boolean);
  return `qantar ${p.qantar}${used.length ? ` (${used.join(', ')})` : ''}`;
}

function corpusSentence(m: MethodsInput): string {
  const langs = m.langs.map((l) => `${n(l.docs)} in ${LANG_NAMES[l.lang] ?? l.lang}`).join(', ');
  return `The corpus comprised ${n(m.docs)} documents${langs ? ` (${langs})` : ''} with ${n(m.words)} words, compared across ${n(m.groups)} groups defined by the metadata column `;
}

export function methodsParagraph(m: MethodsInput): Inline[] {
  const p = m.prov;
  const uses = m.uses.join(' and ');
  const hashes: Inline[] = p.corpusHash && p.lexiconHash
    ? [' Corpus SHA-256: ', code(p.corpusHash), '; lexicon SHA-256 (frames, patterns and cue lists): ', code(p.lexiconHash), '.']
    : [` The corpus and lexicon hashes were not recorded for these tables (${p.note}); run qantar run to record them.`];
  return [
    `Methods. Frame frequencies were measured with ${versions(p)}. ${corpusSentence(m)}`, code(p.by), '. ',
    'A word is a token that contains at least one letter; numbers, punctuation, symbols, URLs, e-mail addresses and English clitics (’s, n’t, ’ll) are not words, and a hyphenated compound (foreign-trained, из-за) counts as one word. ',
    'English texts were split into sentences and tokens with wink-nlp, Russian and Kazakh texts with the ICU segmenter (Intl.Segmenter); a blank line also ends a sentence. ',
    `Frames were identified with a dictionary of ${count(m.patterns, 'pattern')} for ${count(m.frames, 'frame')}, plus ${count(m.exclusions, 'exclusion pattern')}. `,
    'Patterns match whole tokens, case-insensitively: a pattern word containing ', code('*'), ' (any run of characters) or ', code('?'), ' (one character) is a glob over the token (', code('terror*'), ' matches terrorists and terrorism); a multi-word pattern matches consecutive tokens within one sentence; a hyphenated pattern also matches the words written apart or around a dash (foreign-trained, foreign trained); a Russian pattern word without a glob matches every token with the same Snowball stem, after ё is folded to е; an exclusion pattern claims its span so that no frame is counted there; and overlapping matches are resolved leftmost-longest, so that each token belongs to at most one hit. ',
    'Each hit was assigned one use — asserted, reported, quoted, negated or hedged — by qantar’s documented stance rules: cue lists of reporting verbs and source phrases, hedges and negators, each governing only its scope (a negator its clause, a hedge the phrase it immediately precedes, a reporting verb its complement clause, quotation marks their span), with precedence negated > hedged > quoted > reported > asserted. ',
    `Rates are hits per 1,000 words. The securitizing-versus-grievance comparison counts ${uses} hits: with S securitizing and G grievance hits, the securitizing share is S/(S+G) and the competing-frame index is log((S+0.5)/(G+0.5)). `,
    `Rates, shares and indices carry 95% percentile-bootstrap confidence intervals from ${n(p.reps)} resamples of each group’s documents with replacement (seed ${p.seed}). `,
    `Each group was compared with all other documents by a two-sided permutation test of the difference in the competing-frame index, reassigning group labels to documents ${n(p.permutations)} times with a generator seeded from the same seed (p = (1 + number of permutations at least as extreme) / (1 + ${n(p.permutations)})). `,
    'A securitizing move is a sentence that joins a securitizing-frame hit (the threat), a referent object (the state, the constitutional order, sovereignty, citizens) and an extraordinary measure (a security_response or csto_sovereignty hit).',
    ...hashes,
  ];
}
