// Negation and denial: each negator or denial cue becomes an event with the token ranges it governs; a
// hit is negated when an odd number of event groups govern it ("Nobody denies that …" is two: affirmed).
// Russian negative concord («никакой … не было») makes one group of every negator in a clause, as do
// English "neither … nor". Verbs such as "allow" block negation ("will not allow a colour revolution").
import { backwardStart, forwardEnd, hasContent, npEnd, type Level } from './clauses.ts';
import { KIND_BIT, kindMask, type CueEntry } from './cues.ts';
import type { CueMatch } from './match.ts';
import { bounds, governs, nonEmpty, range, roleOf, type Op, type Range } from './ops.ts';
import { passive } from './report.ts';
import { cueAt, form, isWord, posOf, type View } from './view.ts';

export interface NegEvent extends Op {
  kind: 'negator' | 'denial';
  /** Events of one group count once (negative concord). */
  group: number;
  clause: number;
  np: boolean;
  existential: boolean;
}

const WITHOUT = new Set(['without', 'без']);
const COUNTERFACTUAL = new Set(['would', 'бы', 'б']);
const CLAUSE_LEAD = new Set(['and', 'but', 'yet', 'so', 'then', 'despite', 'still', 'indeed']);
const BE = new Set(['is', 'are', 'was', 'were', "'s", "'re", '’s', '’re', 'be', 'been']);
const ANAPHOR_HEAD = new Set(['this', 'that', 'it', 'these', 'those', 'это', 'всё', 'все', 'то']);
const ANAPHOR_FILL = new Set([...ANAPHOR_HEAD, 'is', 'was', 'are', 'were', 'just', 'pure', 'merely', 'nothing', 'but', 'a', 'an',
  'не', 'более', 'чем', 'лишь', 'просто', 'является']);
const ROLES = kindMask('negator', 'denial');
const MODIFIER = new Set(['ADV', 'AUX', 'PART']);

const fwd = (v: View, from: number, hi: number, level: Level = 'weak'): Range => ({ from, to: forwardEnd(v, from, level, hi) });
const back = (v: View, at: number, lo: number): Range => ({ from: backwardStart(v, at, 'strong', lo), to: at });

/** A disputing word reaches back over what is disputed, not over who disputes it («Зась назвал X глупостью»). */
function disputed(v: View, at: number, lo: number): Range {
  const r = back(v, at, lo);
  for (let j = at - 1; j >= r.from; j--) {
    const c = cueAt(v, j, KIND_BIT.report);
    if (c) return { from: c.end, to: at };
  }
  return r;
}

/** The phrase a negative determiner qualifies, or its whole complement when it is "evidence"/"claims". */
function npRange(v: View, from: number, hi: number): Range {
  const end = npEnd(v, from, hi);
  return hasContent(v, from, end) && opensComplement(v, end, hi) ? fwd(v, from, hi) : { from, to: end };
}

/** "evidence [that …]", "claims [of …]", «данных о том[, что …]» — not "without evidence, that …". */
function opensComplement(v: View, end: number, hi: number): boolean {
  if (end >= hi) return false;
  if (isWord(v, end)) return true;
  return form(v, end) === ',' && end + 1 < hi && ['что', 'чтобы', 'будто'].includes(form(v, end + 1)) && ['том', 'того', 'тем'].includes(form(v, end - 1));
}

/** An English negative subject ("No foreign fighters have been named", "Nobody denies") governs its clause. */
function atClauseStart(v: View, m: CueMatch, lo: number): boolean {
  for (let j = backwardStart(v, m.start, 'weak', lo); j < m.start; j++) if (isWord(v, j) && !CLAUSE_LEAD.has(form(v, j))) return false;
  return true;
}

/** "Poverty is not what caused it", "the fighters he warned of were never shown to exist": the subject too. */
function reachesSubject(v: View, m: CueMatch): boolean {
  for (let j = m.end; j < Math.min(v.n, m.end + 3); j++) if (cueAt(v, j, KIND_BIT.epistemic)) return true;
  let p = m.start - 1;
  while (p >= 0 && posOf(v, p) === 'ADV') p--;
  if (p < 0 || !BE.has(form(v, p))) return false;
  let q = m.end;
  while (q < v.n && posOf(v, q) === 'ADV') q++;
  return q < v.n && posOf(v, q) !== 'VERB' && form(v, q) !== 'a' && form(v, q) !== 'an';
}

/** «Это не более чем домыслы» after a sentence: the dispute reaches back into it. */
function anaphoric(v: View, from: number, to: number): boolean {
  const ws = range(from, to).filter((j) => isWord(v, j));
  return ws.length > 0 && ANAPHOR_HEAD.has(form(v, ws[0])) && ws.every((j) => ANAPHOR_FILL.has(form(v, j)));
}

function previousUnit(v: View, at: number, lo: number): Range | undefined {
  const u = v.unitOf[at];
  if (u === 0) return undefined;
  const q = v.quoteOf[at];
  const from = Math.max(v.unitStart[u - 1], q >= 0 ? v.quoteTokens[q].from : 0);
  return from < v.unitEnd[u - 1] && v.unitEnd[u - 1] <= lo ? { from, to: v.unitEnd[u - 1] } : undefined;
}

function denialRanges(v: View, m: CueMatch, e: CueEntry, lo: number, hi: number): Range[] {
  const next = m.end < hi ? m.end : -1;
  switch (e.scope) {
    case 'after':
      if (passive(v, m.start) && next >= 0 && isWord(v, next) && form(v, next) !== 'that') return [];
      return [fwd(v, m.end, hi)];
    case 'content':
      return hasContent(v, m.end, npEnd(v, m.end, hi)) ? [fwd(v, m.end, hi)] : [];
    case 'pred':
      return next >= 0 && isWord(v, next) ? [npRange(v, m.end, hi)] : [disputed(v, m.start, lo)];
    case 'both':
      return [back(v, m.start, lo), fwd(v, m.end, hi)];
    default: {
      const b = disputed(v, m.start, lo);
      const prev = anaphoric(v, b.from, b.to) ? previousUnit(v, m.start, b.from) : undefined;
      return prev ? [b, prev] : [b];
    }
  }
}

function negatorRanges(v: View, m: CueMatch, e: CueEntry, lo: number, hi: number): { ranges: Range[]; np: boolean } {
  if (e.scope === 'np') {
    if (v.lang === 'en' && !WITHOUT.has(form(v, m.start)) && atClauseStart(v, m, lo)) return { ranges: [fwd(v, m.end, hi)], np: true };
    return { ranges: [npRange(v, m.end, hi)], np: true };
  }
  if (e.scope === 'before') return { ranges: [back(v, m.start, lo)], np: false };
  if (e.scope === 'exist') {
    // «Доказательств того, что …, нет», «потерь среди личного состава нет»: the phrase opening the clause.
    const start = backwardStart(v, m.start, 'strong', lo);
    return { ranges: [npRange(v, start, m.start), fwd(v, m.end, hi)], np: false };
  }
  const ranges = [speechActEnd(v, m, fwd(v, m.end, hi))];
  if (e.scope === 'both' || (v.lang === 'en' && reachesSubject(v, m))) ranges.push(back(v, m.start, lo));
  return { ranges, np: false };
}

const SENTENTIAL = new Set(['not', "n't", 'n’t', 'never', 'не', 'никогда']);
const FINITE_AUX = new Set(['do', 'does', 'did', 'has', 'have', 'had', 'will', 'would', 'is', 'was', 'are', 'were', 'could', 'can']);

/**
 * "He did not say who the terrorists were", «Токаев не сказал, что …»: a negated reporting verb denies
 * the saying, not what is said, so the negation stops at the verb. ("It would be dishonest not to
 * acknowledge that …" is a denial of the content: no finite auxiliary.)
 */
function speechActEnd(v: View, m: CueMatch, r: Range): Range {
  if (!SENTENTIAL.has(form(v, m.start)) || (v.lang === 'en' && !(m.start > 0 && FINITE_AUX.has(form(v, m.start - 1))))) return r;
  let j = m.end;
  while (j < r.to && MODIFIER.has(posOf(v, j))) j++;
  const c = j < r.to ? cueAt(v, j, KIND_BIT.report) : undefined;
  return c && c.entries.every((x) => x.kind !== 'denial') ? { from: r.from, to: j } : r;
}

/** Every negation event in unit u, grouped, with blocked and cancelled negators removed. */
export function findNegations(v: View, u: number): NegEvent[] {
  let events: NegEvent[] = [];
  for (let k = v.cueFirst[u]; k < v.cueFirst[u + 1]; k++) {
    const m = v.cues[k];
    const e = roleOf(v, m, ROLES);
    if (!e) continue;
    const { lo, hi } = bounds(v, m.start);
    const clause = backwardStart(v, m.start, 'weak', lo);
    if (e.kind === 'denial') {
      const ranges = denialRanges(v, m, e, lo, hi);
      if (ranges.length > 0) events.push(negEvent(m, ranges, 'denial', events.length, clause, false, false));
      continue;
    }
    const r = negatorRanges(v, m, e, lo, hi);
    if (blocked(v, clause, forwardEnd(v, m.end, 'weak', hi))) continue;
    if (prohibition(v, m, lo)) continue;
    events.push(negEvent(m, r.ranges, 'negator', events.length, clause, r.np, e.scope === 'exist'));
  }
  events = events.filter((ev) => !(WITHOUT.has(form(v, ev.cueFrom)) && conditionalWithout(v, ev, events)));
  return concord(v, events);
}

function negEvent(m: CueMatch, ranges: Range[], kind: NegEvent['kind'], group: number, clause: number, np: boolean, existential: boolean): NegEvent {
  return { cueFrom: m.start, cueTo: m.end, ranges: nonEmpty(ranges), speaker: '', kind, group, clause, np, existential };
}

/**
 * "Without the CSTO, the regime would have fallen", «без ОДКБ власти не удержали бы Алматы»: a
 * counterfactual or a second negation in the clause makes "without X" a condition, not an absence.
 */
function conditionalWithout(v: View, ev: NegEvent, events: NegEvent[]): boolean {
  const from = backwardStart(v, ev.cueFrom, 'strong');
  const to = forwardEnd(v, ev.cueTo, 'strong');
  for (let j = from; j < to; j++) if (COUNTERFACTUAL.has(form(v, j))) return true;
  return events.some((o) => o !== ev && o.kind === 'negator' && o.cueFrom >= from && o.cueFrom < to);
}

const DIRECTIVE = /^(?:urg|warn|ask|told|tell|call|appeal|order|призыва|призвал|просил|предупрежд)/u;

/**
 * A prohibition presupposes what it forbids: «не поддавайтесь на провокации», "Do not give in to
 * provocations", "warned them not to give in to provocations".
 */
function prohibition(v: View, m: CueMatch, lo: number): boolean {
  if (m.end >= v.n) return false;
  if (v.lang === 'ru') return /(?:йте|ите|йтесь|итесь)$/u.test(form(v, m.end));
  if (v.lang !== 'en' || !['not', "n't", 'n’t'].includes(form(v, m.start))) return false;
  const p = m.start - 1;
  if (p >= lo && form(v, p) === 'do' && backwardStart(v, p, 'weak', lo) === p) return true;
  if (form(v, m.end) !== 'to') return false;
  for (let j = Math.max(lo, m.start - 5); j < m.start; j++) if (DIRECTIVE.test(form(v, j))) return true;
  return false;
}

function blocked(v: View, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (cueAt(v, j, KIND_BIT.blocker)) return true;
  return false;
}

/** One group per clause for Russian negators; "neither … nor" for English. */
function concord(v: View, events: NegEvent[]): NegEvent[] {
  // "dismissed the findings as exaggerated": the predicate restates the verb's denial, it does not add one.
  for (const ev of events) {
    if (ev.kind !== 'denial' || !['as', 'как'].includes(form(v, ev.cueFrom - 1))) continue;
    const verb = events.find((o) => o !== ev && o.kind === 'denial' && o.cueFrom < ev.cueFrom && governs(o, ev.cueFrom, ev.cueTo));
    if (verb) ev.group = verb.group;
  }
  for (const ev of events) {
    if (ev.kind !== 'negator') continue;
    const mates = events.filter((o) => o.kind === 'negator' && o.clause === ev.clause && o !== ev);
    if (v.lang === 'ru') {
      for (const o of mates) o.group = Math.min(o.group, ev.group);
      // «Никаких переговоров с бандитами не будет»: the existential verb adds nothing to the n-word's phrase.
      if (ev.existential && mates.some((o) => o.np)) ev.ranges = [];
    } else if (form(v, ev.cueFrom) === 'nor') {
      const neither = mates.find((o) => form(v, o.cueFrom) === 'neither');
      if (neither) ev.group = neither.group;
    }
  }
  return events.filter((ev) => ev.ranges.length > 0 || events.some((o) => o.group === ev.group && o !== ev));
}

/** The events governing a hit, one per group; negated when their number is odd. */
export function negationOf(events: readonly NegEvent[], hs: number, he: number): NegEvent[] {
  const out: NegEvent[] = [];
  for (const ev of events) if (governs(ev, hs, he) && !out.some((o) => o.group === ev.group)) out.push(ev);
  return out;
}

