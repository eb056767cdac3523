// The records that flow between stages. Offsets are 0-based, end-exclusive, in UTF-16 code units of the
// original text (JavaScript string indices), so `text.slice(start, end)` gives back what was matched.

export const LANGS = ['en', 'ru', 'kk'] as const;
export type Lang = (typeof LANGS)[number];

export const USES = ['asserted', 'reported', 'quoted', 'negated', 'hedged'] as const;
export type Use = (typeof USES)[number];

export const FAMILIES = ['securitizing', 'grievance', 'other'] as const;
export type Family = (typeof FAMILIES)[number];

export type Severity = 'error' | 'warning';

/** One data problem, printed like a compiler message: `path:line:column: severity message  rule`. */
export interface Diagnostic {
  path: string;
  line?: number;
  column?: number;
  severity: Severity;
  message: string;
  rule: string;
}

/** One row of metadata.csv (or of a single-file corpus), validated. */
export interface DocumentMeta {
  docId: string;
  source: string;
  sourceType: string;
  date: string; // '' when unknown; otherwise YYYY, YYYY-MM or YYYY-MM-DD
  lang: Lang;
  title: string;
  url: string;
  /** Every metadata column (including the ones above) by header name, for --by grouping. */
  columns: Record<string, string>;
  /** Where the text comes from, for messages: `corpus/texts/x.txt` or `corpus.csv:12`. */
  origin: string;
  line: number;
}

export interface Document {
  meta: DocumentMeta;
  text: string;
  /** sha256 of the decoded text (UTF-8), hex. */
  textHash: string;
  encoding: string;
}

export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
  Symbol = 3,
  Other = 4,
}

/**
 * Tokens of one document in columnar form. Token i spans text.slice(starts[i], ends[i]); its matching
 * form is vocab[types[i]] (lowercased; Russian also folds ё to е). Sentence s covers the tokens
 * [s === 0 ? 0 : sentenceEnds[s - 1], sentenceEnds[s]).
 */
export interface TokenizedDocument {
  docId: string;
  lang: Lang;
  textHash: string;
  tokenizer: string;
  vocab: string[];
  types: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  kinds: Uint8Array;
  /** Universal POS tag id (see POS_TAGS), 0 where the tokenizer gives none. */
  pos: Uint8Array;
  sentenceEnds: Uint32Array;
  /** Word tokens (the denominator of every rate). */
  words: number;
}

export const POS_TAGS = ['', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON',
  'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'] as const;

export interface Frame {
  frame: string;
  family: Family;
  label: string;
  description: string;
  line: number;
}

/** How one pattern word is matched against a token's matching form. */
export interface WordSpec {
  kind: 'exact' | 'glob' | 'stem';
  /** exact: the form; glob: the glob; stem: the stem. */
  value: string;
}

export interface PatternEntry {
  id: number;
  /** A frame id, or '-' for an exclusion. */
  frame: string;
  pattern: string;
  /** '' = every language. */
  lang: Lang | '';
  note: string;
  file: string;
  line: number;
  /** The pattern's words, lowercased; `*` and `?` are glob characters. */
  words: string[];
}

export interface Lexicon {
  frames: Frame[];
  frameById: Map<string, Frame>;
  patterns: PatternEntry[];
  files: string[];
}

/** The flags and the deciding cue of a hit's use. */
export interface UseFlags {
  reported: boolean;
  quoted: boolean;
  negated: boolean;
  hedged: boolean;
}

export interface StanceInfo extends UseFlags {
  use: Use;
  cue: string;
  cueStart: number; // -1 when no cue decided (asserted with no affirming cue)
  speaker: string;
}

export interface FrameHit extends StanceInfo {
  docId: string;
  /** 1-based sentence number within the document. */
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  frame: string;
  family: Family;
  pattern: string;
  patternId: number;
  text: string;
}
