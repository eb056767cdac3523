// Where a cue's scope stops. Three levels of boundary inside a stance unit:
//   strong — ; and : and a contrast after a comma (", but", ", while", ", а", ", но", ", хотя")
//   report — strong, plus a second predicate of the same subject ("… and ruled out talks", «и отдал»)
//   weak   — report, plus commas (not before "that"/«что» or «ни»), dashes, brackets and a bare "but"/«а»
// and the noun phrase a hedge or a negative determiner qualifies ("alleged [torture of detainees]").
import { KIND_BIT } from './cues.ts';
import { cueAt, form, isCapitalised, isPunct, isQuoteMark, isVerbish, isWord, posOf, type View } from './view.ts';

export type Level = 'weak' | 'report' | 'strong';

const CONTRAST = new Set(['but', 'yet', 'whereas', 'although', 'though', 'while', 'а', 'но', 'однако', 'хотя']);
const COMPLEMENTIZER = new Set(['that', 'whether', 'что', 'чтобы', 'будто', 'ни']);
const AND = new Set(['and', 'и']);
const SUBORDINATE = new Set(['if', 'when', 'because', 'since', 'если', 'когда', 'поскольку', 'потому']);
const CLAUSE_VERB = new Set(['VERB', 'AUX']);
const CLAUSE_SUBJECT = new Set(['PRON', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM']);

/** "… and this was no Maidan", "… and that there was no coup": "and" opening a new clause (English). */
function andClause(v: View, j: number): boolean {
  if (v.lang !== 'en' || j + 1 >= v.n) return false;
  if (form(v, j + 1) === 'that') return true;
  for (let k = j + 1; k < Math.min(v.n, j + 5); k++) {
    const p = posOf(v, k);
    if (CLAUSE_VERB.has(p)) return k > j + 1;
    if (!CLAUSE_SUBJECT.has(p)) return false;
  }
  return false;
}
const DASH = new Set(['\u2014', '\u2013', '-']);

/** Is there a "not only" / «не только» earlier in the unit (so a later "but (also)" does not cut)? */
function pairedBefore(v: View, j: number): boolean {
  return v.firstPair[v.unitOf[j]] < j;
}

// The levels nest (a strong boundary is a report and a weak one too), so each token has one: the
// highest level it is a boundary at, 0 when none.
const NONE = 0;
const WEAK = 1;
const REPORT = 2;
const STRONG = 3;

/** Is token j a boundary at `level`? */
export function isBoundary(v: View, j: number, level: Level): boolean {
  let known = v.boundary[j];
  if (known === 0) v.boundary[j] = known = boundaryLevel(v, j) + 1;
  return known - 1 >= (level === 'strong' ? STRONG : level === 'report' ? REPORT : WEAK);
}

function boundaryLevel(v: View, j: number): number {
  const f = form(v, j);
  if (isPunct(v, j)) {
    if (f === ';' || f === ':' || f === '.' || f === '?' || f === '!' || f === '…') return STRONG;
    if (f === ',') return j + 1 < v.n && COMPLEMENTIZER.has(form(v, j + 1)) ? NONE : WEAK;
    return DASH.has(f) || f === '(' || f === ')' ? WEAK : NONE;
  }
  const afterComma = j > 0 && form(v, j - 1) === ',';
  if (CONTRAST.has(f)) {
    if (pairedBefore(v, j)) return NONE;
    if (afterComma) return STRONG;
    return f === 'but' || f === 'а' ? WEAK : NONE;
  }
  if (SUBORDINATE.has(f) && afterComma) return STRONG;
  if (f === 'than' || f === 'чем') return WEAK; // "No episode was bloodier than the crackdown"
  if (!AND.has(f)) return NONE;
  if (j + 1 < v.n && isVerbish(v, j + 1)) return REPORT;
  return andClause(v, j) ? WEAK : NONE;
}

const unitOfClamped = (v: View, i: number) => v.unitOf[Math.max(0, Math.min(i, v.n - 1))];

/** First boundary at or after `from`: the exclusive end of a forward scope. */
export function forwardEnd(v: View, from: number, level: Level, limit = v.unitEnd[unitOfClamped(v, from)]): number {
  for (let j = from; j < limit; j++) if (isBoundary(v, j, level)) return j;
  return limit;
}

/** Just after the last boundary before `from`: the inclusive start of a backward scope. */
export function backwardStart(v: View, from: number, level: Level, floor = v.unitStart[unitOfClamped(v, from - 1)]): number {
  for (let j = from - 1; j >= floor; j--) if (isBoundary(v, j, level)) return j + 1;
  return floor;
}

const NP_ADP_EN = new Set(['of', 'from', 'in', 'about', 'over', 'on', 'into']);
const NP_ADP_RU = new Set(['о', 'об', 'обо', 'в', 'во']);
const STOP_RU = new Set(['и', 'или', 'а', 'но', 'что', 'как', 'который', 'которые', 'которых', 'это', 'не', 'ни',
  'с', 'со', 'к', 'ко', 'у', 'по', 'на', 'за', 'до', 'от', 'из', 'из-за', 'для', 'без', 'при', 'про', 'через', 'над',
  'под', 'перед', 'между', 'против', 'после', 'около', 'вокруг', 'среди', 'ради', 'чем']);
const NP_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'X', 'SYM']);
const NOMINAL_BEFORE = new Set(['ADP', 'DET', 'ADJ', 'CCONJ']);
const MODIFIED = new Set(['ADJ', 'NOUN', 'PROPN', 'VERB']);
const TRAILING_EN = new Set(['ADP', 'CCONJ']);

/** May token j continue an English noun phrase? */
function npTokenEn(v: View, j: number): boolean {
  const p = posOf(v, j);
  const f = form(v, j);
  const prev = j > 0 ? posOf(v, j - 1) : '';
  if (NP_POS.has(p) || f === "'s" || f === '’s' || cueAt(v, j, KIND_BIT.content)) return true;
  if (p === 'ADP') return NP_ADP_EN.has(f);
  if (p === 'CCONJ') return (f === 'and' || f === 'or') && j + 1 < v.n && posOf(v, j + 1) !== 'DET';
  // wink-nlp tags some nouns as verbs ("reports of torture"): a verb after a preposition or determiner is nominal.
  if (p === 'VERB' && NOMINAL_BEFORE.has(prev)) return true;
  if (p === 'ADV' && prev === 'ADP') return true; // "from abroad"
  if (isWord(v, j) && j > v.unitStart[v.unitOf[j]] && isCapitalised(v, j)) return true;
  // "supposedly foreign-trained", "armed groups": an adverb or participle in front of the noun.
  if (p === 'ADV' || p === 'VERB') return j + 1 < v.n && MODIFIED.has(posOf(v, j + 1)) && (f.endsWith('ly') || f.endsWith('ed') || f.endsWith('ing'));
  return false;
}

function npTokenRu(v: View, j: number): boolean {
  return isWord(v, j) && !STOP_RU.has(form(v, j)) && !isVerbish(v, j);
}

/**
 * End of the noun phrase that starts at `from`: "[so-called] “external forces”", "[alleged] role in
 * "terror attacks"", «[так называемых] „иностранных наёмников“». A quoted phrase is taken whole.
 */
export function npEnd(v: View, from: number, limit: number): number {
  let j = from;
  while (j < limit && j < from + 12) {
    if (isQuoteMark(v, j)) {
      const k = v.quoteByOpen.get(j);
      const q = k === undefined ? undefined : v.quoteTokens[k];
      j = q && q.closeTok >= 0 ? q.closeTok + 1 : j + 1;
    } else if (form(v, j) === '-' || (j === from && isWord(v, j)) || (v.lang === 'en' ? npTokenEn(v, j) : npTokenRu(v, j))) {
      j++;
    } else {
      break;
    }
  }
  // A trailing preposition or conjunction belongs to what follows, not to the phrase.
  while (j > from && (v.lang === 'en' ? TRAILING_EN.has(posOf(v, j - 1)) : NP_ADP_RU.has(form(v, j - 1)))) j--;
  return Math.min(j, limit);
}

/** Does [from, to) contain a content noun ("claims", «сообщения»), whose complement it owns? */
export function hasContent(v: View, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (cueAt(v, j, KIND_BIT.content)) return true;
  return false;
}
