// The record every stance rule produces — an operator: the cue (token range) and the token ranges it
// governs — and the small judgements several rules share: which role an ambiguous cue plays ("alleged":
// verb or hedge), whether a subject names anyone ("Nobody denies" does not), and a speaker's text.
import { backwardStart } from './clauses.ts';
import { KIND_BIT, type CueEntry } from './cues.ts';
import type { CueMatch } from './match.ts';
import { cueText, form, isCapitalised, isPunct, isQuoteMark, isVerbish, isWord, posOf, type View } from './view.ts';

export interface Range {
  from: number;
  to: number; // exclusive
}

export interface Op {
  /** Token range of the deciding cue. */
  cueFrom: number;
  cueTo: number;
  ranges: Range[];
  /** Who is speaking, where the cue names someone; '' otherwise. */
  speaker: string;
}

export interface Attribution extends Op {
  /** False when the subject names no one ("Nobody denies …"): then nothing is reported. */
  named: boolean;
  /** For "according to X,": the end of the source phrase X (a hedge in it, "unverified reports", hedges all). */
  sourceTo?: number;
}

export const PRE_SUBJECT_SKIP = new Set(['and', 'but', 'while', 'as', 'though', 'although', 'yet', 'even', 'и', 'но', 'а', 'хотя', 'пока', 'даже']);

/** Token indices a … b - 1. */
export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let j = a; j < b; j++) out.push(j);
  return out;
}

/** Is some token in [a, b) one that `test` accepts? */
export function someIn(v: View, a: number, b: number, test: (v: View, j: number) => boolean): boolean {
  for (let j = a; j < b; j++) if (test(v, j)) return true;
  return false;
}

/** Bounds of the unit, narrowed to the innermost quotation when token i is inside one. */
export function bounds(v: View, i: number): { lo: number; hi: number } {
  const u = v.unitOf[i];
  let lo = v.unitStart[u];
  let hi = v.unitEnd[u];
  const q = v.quoteOf[i];
  if (q >= 0) {
    lo = Math.max(lo, v.quoteTokens[q].from);
    hi = Math.min(hi, v.quoteTokens[q].to);
  }
  return { lo, hi };
}

/** The subject of a verb that comes first: the clause's first segment when the last one is an aside. */
export function subjectStart(v: View, at: number, lo: number): number {
  let s = backwardStart(v, at, 'weak', lo);
  for (let tries = 0; tries < 3 && s > lo; tries++) {
    const ws = range(s, at).filter((j) => isWord(v, j) && !PRE_SUBJECT_SKIP.has(form(v, j)) && !['AUX', 'ADV', 'PART'].includes(posOf(v, j)));
    const aside = ws.length === 0 || (v.lang === 'en' && posOf(v, ws[0]) === 'VERB' && /ing$/u.test(form(v, ws[0])));
    if (!aside) break;
    s = backwardStart(v, s - 1, 'weak', lo);
  }
  return s;
}

/** The ranges that cover at least one token. */
export const nonEmpty = (ranges: Range[]): Range[] => ranges.filter((r) => r.to > r.from);

// Operators are built as whole literals: spreading one into another ({ ...op(…), named }) is many times
// slower in V8, and there is one per cue.
export function op(cueFrom: number, cueTo: number, ranges: Range[], speaker = ''): Op {
  return { cueFrom, cueTo, ranges: nonEmpty(ranges), speaker };
}

export function attribution(cueFrom: number, cueTo: number, ranges: Range[], speaker: string, named: boolean, sourceTo?: number): Attribution {
  return { cueFrom, cueTo, ranges: nonEmpty(ranges), speaker, named, sourceTo };
}

/** Does the operator govern the hit [hs, he)? Never when its own cue lies inside the hit. */
export function governs(o: Op, hs: number, he: number): boolean {
  if (o.cueFrom < he && o.cueTo > hs) return false;
  return o.ranges.some((r) => r.from < he && r.to > hs);
}

const DETERMINER_BEFORE = new Set(['DET', 'ADP', 'ADJ', 'PART', 'PUNCT', 'CCONJ', '']);
const POSSESSIVE = new Set(["'s", '’s', 'their', 'his', 'her', 'its', 'our', 'my', 'your']);

/**
 * The entry a match acts as: a word listed both as a reporting verb and as a hedge is a hedge in front
 * of a noun phrase ("the alleged torture", "Claimed foreign fighters") and a verb after a subject
 * ("media alleged that …").
 */
export function roleOf(v: View, m: CueMatch, kinds: number): CueEntry | undefined {
  if ((m.kinds & kinds) === 0) return undefined;
  const own = m.entries.find((e) => (KIND_BIT[e.kind] & kinds) !== 0);
  if (!own) return undefined;
  const hedge = m.entries.find((e) => e.kind === 'hedge');
  const verb = m.entries.find((e) => e.kind === 'report' || e.kind === 'denial');
  if (!hedge || !verb) return own;
  const prev = m.start > v.unitStart[v.unitOf[m.start]] ? m.start - 1 : -1;
  const next = m.end < v.n ? form(v, m.end) : '';
  const beforeNp = prev < 0 || DETERMINER_BEFORE.has(posOf(v, prev)) || isQuoteMark(v, prev) || POSSESSIVE.has(form(v, prev));
  const asHedge = beforeNp && next !== 'that' && next !== 'что' && (!isPunct(v, m.end) || isQuoteMark(v, m.end));
  const chosen = asHedge ? hedge : verb;
  return (KIND_BIT[chosen.kind] & kinds) !== 0 ? chosen : undefined;
}

const GENERIC_HEAD = new Set(['it', 'there', 'nobody', 'no', 'none', 'few', 'anyone', 'anybody', 'everyone', 'everybody',
  'someone', 'somebody', 'one', 'i', 'we', 'you', 'who', 'what', 'никто', 'можно', 'нужно', 'надо', 'кто-то', 'кто', 'нельзя', 'невозможно', 'трудно', 'вряд', 'мы', 'я']);
const RELATIVE = new Set(['who', 'what']);
const TRAILING_RU = new Set(['не', 'ни', 'же', 'ли', 'бы', 'уже', 'также', 'тоже', 'прямо', 'ранее', 'вновь', 'снова']);
const RESTRICTOR = new Set(['of', 'among', 'in', 'at', 'from', 'в', 'во', 'из', 'среди', 'у']);
const SKIP_LEAD = new Set(['and', 'but', 'while', 'as', 'though', 'although', 'yet', 'so', 'then', 'how', 'и', 'но', 'а', 'как', 'хотя', 'пока', 'разве', 'неужели', 'в', 'во', 'на']);

/** Word tokens of [from, to) without leading conjunctions. */
function subjectWords(v: View, from: number, to: number): number[] {
  const ws: number[] = [];
  for (let j = from; j < to; j++) if (isWord(v, j)) ws.push(j);
  while (ws.length > 0 && SKIP_LEAD.has(form(v, ws[0]))) ws.shift();
  return ws;
}

/**
 * Does a subject attribute the view to no one in particular? "Nobody", "No serious observer", "It", an
 * infinitive with no subject, «Никто», «Нельзя» do; "None of the lawyers", «Никто в Акорде», "Even
 * Tokayev's critics" do not (they name whose acknowledgement it is).
 */
export function isGenericSubject(v: View, from: number, to: number): boolean {
  const ws = subjectWords(v, from, to);
  if (ws.length === 0) return true;
  if (!GENERIC_HEAD.has(form(v, ws[0]))) return false;
  // "Who can doubt …?" opens a question; "Tokayev, who has blamed …" is a relative clause about Tokayev.
  if (RELATIVE.has(form(v, ws[0])) && ws[0] > v.unitStart[v.unitOf[ws[0]]]) return false;
  return !ws.slice(1).some((j) => RESTRICTOR.has(form(v, j)) || posOf(v, j) === 'PROPN' || (v.lang !== 'en' && isCapitalised(v, j)));
}

/** The speaker's words: [from, to) without leading conjunctions and edge punctuation. */
export function speakerText(v: View, from: number, to: number): string {
  const ws = subjectWords(v, from, to);
  if (ws.length === 0) return '';
  // "Tokayev, who has blamed …": the speaker is the noun the relative clause hangs on.
  if (['who', 'which', 'который', 'которая', 'которые', 'которое'].includes(form(v, ws[0])) && ws[0] >= 2 && form(v, ws[0] - 1) === ',') {
    let a = ws[0] - 1;
    while (a > v.unitStart[v.unitOf[ws[0]]] && !isPunct(v, a - 1)) a--;
    return speakerText(v, a, ws[0] - 1);
  }
  let end = to;
  // English: the subject ends where its verb begins ("commentators have begun to speak of").
  if (v.lang === 'en') {
    for (let j = ws[0] + 1; j < end; j++) {
      if (isVerbish(v, j)) {
        end = j;
        break;
      }
    }
  }
  while (end > ws[0] && trailing(v, end - 1)) end--;
  return end > ws[0] ? cueText(v, ws[0], end) : '';
}

/** Edge tokens a speaker's text leaves out: punctuation, quotation marks, auxiliaries, adverbs, particles. */
function trailing(v: View, j: number): boolean {
  return isPunct(v, j) || isQuoteMark(v, j) || posOf(v, j) === 'AUX' || posOf(v, j) === 'ADV' ||
    (posOf(v, j) === 'PART' && !form(v, j).endsWith('s')) || TRAILING_RU.has(form(v, j));
}
