// Attribution by reporting verbs: a verb governs its complement when it comes first ("Tokayev said [that
// terrorists attacked]") and the clause before it when it comes after ("[Terrorists attacked], the KNB
// said."); the subject, the addressee of "told" and the source phrase stay in the text's own voice.
// Sources without a verb ("according to X", headlines, "X has no doubt") are in sources.ts.
import { backwardStart, forwardEnd, hasContent, isBoundary, npEnd } from './clauses.ts';
import { KIND_BIT, kindMask, type CueEntry } from './cues.ts';
import type { CueMatch } from './match.ts';
import { objectEnd } from './objects.ts';
import { attribution, bounds, isGenericSubject, range, roleOf, speakerText, subjectStart, type Attribution } from './ops.ts';
import { headline, holder, source } from './sources.ts';
import { cueAt, form, isCapitalised, isPunct, isQuoteMark, isVerbish, isWord, posOf, type View } from './view.ts';

const SEPARATOR = new Set([',', '—', '–', '-']);
const RELATIVE_OBJECT = new Set(['whom', 'which', 'кого', 'которых', 'которого', 'которую', 'которые']);
/** A reporting verb in a clause opened by one of these ends its scope at the clause's comma. */
const SUBORDINATOR = new Set(['while', 'although', 'though', 'as', 'when', 'if', 'because', 'since', 'who', 'which', 'contrary', 'unlike', 'how',
  'пока', 'хотя', 'когда', 'если', 'поскольку', 'который', 'которая', 'которые', 'которое', 'которого']);
const ROLES = kindMask('report', 'source', 'denial', 'affirm');
const SAYING = kindMask('report', 'source');
const GAP = new Set(['а', 'and']);

function isClosingQuote(v: View, j: number): boolean {
  return v.quoteByClose.has(j);
}

function isSeparator(v: View, j: number): boolean {
  return (isPunct(v, j) && SEPARATOR.has(form(v, j))) || isClosingQuote(v, j);
}

/** "…, the KNB said on Saturday." / "…,” said a nurse in Atyrau." / «…, — заявил Токаев.» */
function postPosed(v: View, m: CueMatch, e: CueEntry, lo: number, hi: number): Attribution | undefined {
  let c = -1;
  for (let j = m.start - 1; j >= lo && m.start - j <= 9; j--) {
    if (isSeparator(v, j)) {
      c = j;
      break;
    }
    if (isBoundary(v, j, 'strong') || isVerbish(v, j) || cueAt(v, j, SAYING)) return undefined;
  }
  while (c > lo && isSeparator(v, c - 1)) c--;
  if (c <= lo) return undefined;
  const between = range(c, m.start).filter((j) => isWord(v, j));
  const after = forwardEnd(v, m.end, 'weak', hi);
  if (!validPostPosed(v, m, e, between, after)) return undefined;
  // Everything before the separator back to the start of the sentence (or a semicolon) is the report.
  let floor = c;
  while (floor > lo && form(v, floor - 1) !== ';') floor--;
  const ranges = [{ from: floor, to: c }];
  // A parenthetical source ("Terrorists, the KNB said, seized …") also governs what follows it.
  if (after < hi && form(v, after) === ',') {
    let to = after + 1;
    while (to < hi && form(v, to) !== ';') to++;
    ranges.push({ from: after + 1, to });
  }
  const speaker = between.length > 0 ? speakerText(v, c + 1, m.start) : postSpeaker(v, m.end, after);
  return attribution(m.start, m.end, ranges, speaker, true);
}

function validPostPosed(v: View, m: CueMatch, e: CueEntry, between: number[], after: number): boolean {
  if (v.lang !== 'en') {
    if (between.length === 0) return after > m.end;
    return between.length <= 3 && between.every((j) => isCapitalised(v, j));
  }
  if (between.length > 8 || (between.length > 0 && posOf(v, between[0]) === 'CCONJ')) return false;
  if (between.some((j) => isVerbish(v, j))) return false;
  const all = range(m.end, after);
  if (all.some((j) => form(v, j) === 'that' || isQuoteMark(v, j))) return false;
  if (between.length === 0) {
    // Inverted: "…,” said a nurse in Atyrau." — a subject and no verb before its first preposition.
    const firstAdp = all.findIndex((j) => posOf(v, j) === 'ADP');
    return all.some((j) => isWord(v, j)) && !all.slice(0, firstAdp < 0 ? all.length : firstAdp).some((j) => isVerbish(v, j));
  }
  // "…, Tokayev said in a televised address." / "…, lawyers told Human Rights Watch."
  const r0 = objectEnd(v, m.end, after, e.scope === 'addressee' ? 'addressee' : 'after');
  return r0 >= after || posOf(v, r0) === 'ADP' || posOf(v, r0) === 'ADV';
}

/** Russian puts the speaker after the verb: «…, сообщили в МВД.» → МВД; «заявил Токаев на саммите» → Токаев. */
function postSpeaker(v: View, from: number, to: number): string {
  let a = from;
  if (v.lang === 'ru' && a < to && ['в', 'во', 'на'].includes(form(v, a))) a++;
  let b = a;
  while (b < to && !(b > a && v.lang === 'ru' && ['в', 'во', 'на', 'по', 'с', 'для', 'перед'].includes(form(v, b)))) b++;
  return speakerText(v, a, b);
}

/**
 * The end of a reporting verb's complement: a report boundary, except that "and" + verb inside a
 * clausal complement coordinates within it ("said police had rounded up protesters and tortured some")
 * rather than starting a second predicate of the speaker ("described them as bandits and ruled out talks").
 */
function complementEnd(v: View, from: number, hi: number): number {
  let clausal = false;
  for (let j = from; j < hi; j++) {
    if (gapped(v, j, hi)) continue;
    if (isBoundary(v, j, 'strong')) return j;
    if (isBoundary(v, j, 'report') && !clausal) return j;
    if (isVerbish(v, j)) clausal = true;
  }
  return hi;
}

/** «назвал эти банды международными, а их нападение — актом агрессии»: a contrast with no verb of its own. */
function gapped(v: View, j: number, hi: number): boolean {
  if (isPunct(v, j) || !GAP.has(form(v, j)) || !(j > 0 && form(v, j - 1) === ',')) return false;
  for (let k = j + 1; k < hi && !isBoundary(v, k, 'weak'); k++) if (isVerbish(v, k)) return false;
  return true;
}

/** Who speaks when the verb is the second of its subject's ("Tokayev described X and said …"). */
function coordinatedSpeaker(v: View, m: CueMatch, lo: number, prev: Attribution | undefined): { speaker: string; named: boolean } | undefined {
  let j = m.start - 1;
  while (j >= lo && ['AUX', 'ADV', 'PART'].includes(posOf(v, j))) j--;
  if (j < lo || !['and', 'и'].includes(form(v, j))) return undefined;
  if (prev) return { speaker: prev.speaker, named: prev.named };
  const a = backwardStart(v, m.start, 'strong', lo);
  let b = a;
  while (b < j && !isVerbish(v, b)) b++;
  return { speaker: speakerText(v, a, b), named: !isGenericSubject(v, a, b) };
}

/** "Tokayev said (that) …", "X told parliament that …", "X called the protesters bandits". */
function prePosed(v: View, m: CueMatch, e: CueEntry, lo: number, hi: number, prev?: Attribution): Attribution {
  let s = subjectStart(v, m.start, lo);
  // "what Russian officials call …": the subject is after "what".
  for (let j = s; j < m.start; j++) if (form(v, j) === 'what' || form(v, j) === 'что') s = j + 1;
  // "… whom the authorities branded bandits": the object came first, as a relative pronoun.
  const relative = range(Math.max(lo, m.start - 4), m.start).some((j) => RELATIVE_OBJECT.has(form(v, j)));
  const from = objectEnd(v, m.end, hi, e.kind === 'report' && !relative ? e.scope : 'after');
  let to = complementEnd(v, from, hi);
  const first = range(s, m.start).find((j) => isWord(v, j));
  const heads = [first !== undefined ? form(v, first) : '', s > lo && isWord(v, s - 1) ? form(v, s - 1) : ''];
  if (heads.some((h) => SUBORDINATOR.has(h))) {
    for (let j = m.end; j < to; j++) {
      if (form(v, j) === ',') {
        to = j;
        break;
      }
    }
  }
  const co = coordinatedSpeaker(v, m, lo, prev);
  const named = co ? co.named : !isGenericSubject(v, s, m.start);
  const speaker = co ? co.speaker : speakerText(v, s, m.start);
  return attribution(m.start, m.end, [{ from, to }], named ? speaker : '', named);
}

const BE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);

/** "were denied due process": a passive denial verb deprives, it does not deny. */
export function passive(v: View, at: number): boolean {
  for (let j = at - 1; j >= 0 && j >= at - 3; j--) {
    if (BE.has(form(v, j))) return true;
    if (posOf(v, j) !== 'ADV' && posOf(v, j) !== 'PART') return false;
  }
  return false;
}

const NOMINAL_BEFORE = new Set(['DET', 'ADJ', 'NUM']);

/**
 * Is this reporting or denial verb a speech act with a speaker? Not a noun ("official claims", "reports
 * of torture"), not a passive without its agent ("was cited in the indictment"), not a denial verb with
 * nothing denied ("dismissed Massimov", against "dismissed the findings").
 */
function isSpeechAct(v: View, m: CueMatch, e: CueEntry, hi: number): boolean {
  if (e.kind === 'denial') {
    if (e.scope === 'content') return hasContent(v, m.end, npEnd(v, m.end, hi));
    if (e.scope !== 'after') return false;
  } else if (e.kind !== 'report') return false;
  if (m.end - m.start === 1 && v.lang === 'en') {
    const p = m.start - 1;
    if (p >= 0 && (posOf(v, p) === 'DET' || cueAt(v, p, KIND_BIT.hedge))) return false;
    // "Despite official claims": an adjective right after a preposition or at the start.
    if (p >= 0 && NOMINAL_BEFORE.has(posOf(v, p)) && (p === 0 || ['ADP', 'DET', 'PUNCT'].includes(posOf(v, p - 1)))) return false;
    if (m.end < v.n && form(v, m.end) === 'of') return false;
  }
  return !passive(v, m.start) || (m.end < hi && form(v, m.end) === 'by');
}

function lastWithSpeaker(out: Attribution[]): Attribution | undefined {
  for (let k = out.length - 1; k >= 0; k--) if (out[k].speaker !== '') return out[k];
  return undefined;
}

/** Every attribution in unit u. */
export function findAttributions(v: View, u: number): Attribution[] {
  const out: Attribution[] = [];
  for (let k = v.cueFirst[u]; k < v.cueFirst[u + 1]; k++) {
    const m = v.cues[k];
    const e = roleOf(v, m, ROLES);
    if (!e) continue;
    const { lo, hi } = bounds(v, m.start);
    if (e.kind === 'source') {
      const a = source(v, m, lo, hi);
      if (a) out.push(a);
    } else if (isSpeechAct(v, m, e, hi)) {
      out.push(postPosed(v, m, e, lo, hi) ?? prePosed(v, m, e, lo, hi, lastWithSpeaker(out)));
    } else if (e.kind === 'affirm' && e.scope === 'holder') {
      const h = holder(v, m, lo, hi);
      if (h) out.push(h);
    }
  }
  const head = headline(v, u);
  if (head) out.push(head);
  return out;
}
