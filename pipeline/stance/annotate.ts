// Decide each hit's use from the operators around it: quoted (inside a quotation), reported (in an
// attributed stretch), negated (an odd number of negations), hedged (a distancing cue); the use is the
// first of negated > hedged > quoted > reported > asserted, with the cue that decided it and the speaker.
import type { StanceInfo, Use } from '../lib/types.ts';
import { KIND_BIT } from './cues.ts';
import { findHedges } from './hedge.ts';
import { findNegations, negationOf, type NegEvent } from './negation.ts';
import { governs, someIn, type Attribution, type Op } from './ops.ts';
import { findQuestions, type Question } from './question.ts';
import { findAttributions } from './report.ts';
import { cueAt, cueText, isVerbish, type View } from './view.ts';

/**
 * The operators of one document, found per unit on first use: a unit without hits is read only for what
 * a hit elsewhere needs from it (the negations of the next unit, the speaker of a quotation).
 */
export interface DocStance {
  attributions(u: number): Attribution[];
  negations(u: number): NegEvent[];
  hedges(u: number): Op[];
  questions(u: number): Question[];
  /** Events of unit u + 1 that reach back into unit u («Это не более чем домыслы»). */
  later(u: number): NegEvent[];
  /** Who is quoted in quotation q ('' when nobody is named). */
  quoteSpeaker(q: number): string;
}

interface Decision {
  cue: string;
  cueStart: number;
}

const NONE: Decision = { cue: '', cueStart: -1 };

function decision(v: View, o: { cueFrom: number; cueTo: number }): Decision {
  return { cue: cueText(v, o.cueFrom, o.cueTo), cueStart: v.doc.starts[o.cueFrom] };
}

/** The operator whose cue is nearest to the hit. */
function nearest<T extends Op>(ops: T[], hs: number): T | undefined {
  let best: T | undefined;
  for (const o of ops) if (!best || Math.abs(o.cueFrom - hs) < Math.abs(best.cueFrom - hs)) best = o;
  return best;
}

/** Memoise f over 0 … size - 1. */
function memo<T>(size: number, f: (k: number) => T): (k: number) => T {
  const known: (T | undefined)[] = new Array(size);
  return (k) => {
    let x = known[k];
    if (x === undefined) known[k] = x = f(k);
    return x;
  };
}

export function createDocStance(v: View): DocStance {
  const units = v.unitStart.length;
  const attributions = memo(units, (u) => findAttributions(v, u));
  const negations = memo(units, (u) => findNegations(v, u));
  const s: DocStance = {
    attributions,
    negations,
    hedges: memo(units, (u) => findHedges(v, u).concat(sourceHedges(v, attributions(u)))),
    questions: memo(units, (u) => findQuestions(v, u)),
    later: memo(units, (u) => (u + 1 < units ? negations(u + 1).filter((e) => e.ranges.some((r) => r.from < v.unitEnd[u])) : [])),
    quoteSpeaker: memo(v.quotes.length, (q) => quoteSpeaker(v, q, s)),
  };
  return s;
}

/** A hedge inside the source phrase ("According to unverified reports") hedges the source's whole scope. */
function sourceHedges(v: View, attributions: Attribution[]): Op[] {
  const out: Op[] = [];
  for (const a of attributions) {
    if (a.sourceTo === undefined) continue;
    for (let j = a.cueTo; j < a.sourceTo; j++) {
      const m = cueAt(v, j, KIND_BIT.hedge);
      if (!m) continue;
      out.push({ cueFrom: j, cueTo: m.end, ranges: a.ranges, speaker: a.speaker });
      break;
    }
  }
  return out;
}

/** Who is quoted: the speaker of an attribution covering the quotation's first or last words. */
function quoteSpeaker(v: View, q: number, s: DocStance): string {
  const t = v.quoteTokens[q];
  for (const i of [t.from, t.to - 1]) {
    if (i < t.from || i >= t.to) continue;
    const a = s.attributions(v.unitOf[i]).find((x) => x.named && x.speaker && governs(x, i, i + 1) && (x.cueFrom >= t.to || x.cueTo <= t.from));
    if (a) return a.speaker;
  }
  // "Putin said: “…”" / "Lukashenko told Belarusian television: „…“": a verb just before the opening mark.
  if (t.openTok > 0) {
    const before = s.attributions(v.unitOf[t.openTok]).filter((x) => x.named && x.speaker && x.cueTo <= t.openTok && t.openTok - x.cueTo <= 6);
    const a = before.find((x) => !someIn(v, x.cueTo, t.openTok, isVerbish));
    if (a) return a.speaker;
  }
  return t.from > 0 && v.quoteOf[t.from - 1] >= 0 ? s.quoteSpeaker(v.quoteOf[t.from - 1]) : '';
}

interface NegationResult {
  negated: boolean;
  cue: Decision;
}

/** `later`: events of the next unit that reach back into this one («Это не более чем домыслы»). */
function negation(v: View, negations: NegEvent[], q: Question | undefined, later: NegEvent[], hs: number, he: number): NegationResult {
  const events = negationOf(later.length === 0 ? negations : [...negations, ...later], hs, he);
  if (q) {
    const ch = nearest(q.challenges.filter((c) => governs(c, hs, he)), hs);
    if (ch) return { negated: true, cue: decision(v, ch) };
    const inQ = negations.filter((e) => e.cueFrom >= q.region.from && e.cueFrom < q.region.to);
    if (inQ.length > 0) return { negated: false, cue: decision(v, inQ[0]) };
  }
  if (events.length % 2 === 1) return { negated: true, cue: decision(v, nearest(events, hs)!) };
  if (events.length >= 2) {
    const from = Math.min(...events.map((e) => e.cueFrom));
    const to = Math.max(...events.map((e) => e.cueTo));
    return { negated: false, cue: to - from <= 8 ? decision(v, { cueFrom: from, cueTo: to }) : decision(v, events[events.length - 1]) };
  }
  return { negated: false, cue: NONE };
}

/** An affirming cue just before the hit ("There is no doubt that", "not only"), to show why it stands. */
function affirmCue(v: View, hs: number): Decision {
  for (let j = hs - 1; j >= v.unitStart[v.unitOf[hs]]; j--) {
    const m = cueAt(v, j, KIND_BIT.affirm);
    if (m) return decision(v, { cueFrom: m.start, cueTo: m.end });
  }
  return NONE;
}

export function annotateSpan(v: View, s: DocStance, hs: number, he: number): StanceInfo {
  const u = v.unitOf[hs];
  const q = v.quoteOf[hs];
  const quoteSpk = q >= 0 ? s.quoteSpeaker(q) : '';
  const att = nearest(s.attributions(u).filter((a) => a.named && governs(a, hs, he)), hs);
  const negations = s.negations(u);
  const question = s.questions(u).find((x) => x.region.from <= hs && hs < x.region.to);
  const neg = negation(v, negations, question, s.later(u), hs, he);
  const voided = question && negations.some((e) => e.cueFrom >= question.region.from && e.cueFrom < question.region.to);
  const doubt = question && !voided ? nearest(question.doubts.filter((d) => governs(d, hs, he)), hs) : undefined;
  const hedge = nearest(s.hedges(u).filter((h) => governs(h, hs, he)), hs) ?? doubt;
  const reported = att !== undefined || quoteSpk !== '';
  const quoted = q >= 0;
  let use: Use = 'asserted';
  let cue: Decision | undefined;
  if (neg.negated) use = 'negated';
  else if (hedge) [use, cue] = ['hedged', decision(v, hedge)];
  else if (quoted) [use, cue] = ['quoted', { cue: v.text[v.quotes[q].open], cueStart: v.quotes[q].open }];
  else if (att) [use, cue] = ['reported', decision(v, att)];
  // The negation's cue, or for a hit that stands, the affirming cue that explains why.
  cue ??= neg.cue.cueStart >= 0 ? neg.cue : affirmCue(v, hs);
  const speaker = quoted ? quoteSpk || att?.speaker || '' : reported ? att?.speaker ?? '' : '';
  return { use, reported, quoted, negated: neg.negated, hedged: hedge !== undefined, cue: cue.cue, cueStart: cue.cueStart, speaker };
}
