// Decide each hit's use from the operators around it: quoted (inside a quotation), reported (in an
// attributed stretch), negated (an odd number of negations), hedged (a distancing cue); the use is the
// first of negated > hedged > quoted > reported > asserted, with the cue that decided it and the speaker.
import type { StanceInfo, Use } from '../lib/types.ts';
import { findHedges } from './hedge.ts';
import { findNegations, negationOf, type NegEvent } from './negation.ts';
import { governs, type Attribution, type Op } from './ops.ts';
import { findQuestions, type Question } from './question.ts';
import { findAttributions } from './report.ts';
import { cueAt, cueText, isVerbish, type View } from './view.ts';

interface UnitStance {
  attributions: Attribution[];
  negations: NegEvent[];
  hedges: Op[];
  questions: Question[];
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

export function createUnitCache(v: View): (u: number) => UnitStance {
  const cache = new Map<number, UnitStance>();
  return (u) => {
    let s = cache.get(u);
    if (!s) {
      s = { attributions: findAttributions(v, u), negations: findNegations(v, u), hedges: findHedges(v, u), questions: findQuestions(v, u) };
      const sourceHedges = s.attributions.filter((a) => a.sourceTo !== undefined).flatMap((a) => {
        for (let j = a.cueTo; j < a.sourceTo!; j++) if (cueAt(v, j, 'hedge')) return [{ ...a, cueFrom: j, cueTo: cueAt(v, j)!.end }];
        return [];
      });
      s.hedges.push(...sourceHedges);
      cache.set(u, s);
    }
    return s;
  };
}

/** Who is quoted: the speaker of an attribution covering the quotation's first or last words. */
function quoteSpeaker(v: View, q: number, unit: (u: number) => UnitStance): string {
  const t = v.quoteTokens[q];
  for (const i of [t.from, t.to - 1]) {
    if (i < t.from || i >= t.to) continue;
    const a = unit(v.unitOf[i]).attributions.find((x) => x.named && x.speaker && governs(x, i, i + 1) && (x.cueFrom >= t.to || x.cueTo <= t.from));
    if (a) return a.speaker;
  }
  // "Putin said: “…”" / "Lukashenko told Belarusian television: „…“": a verb just before the opening mark.
  if (t.openTok > 0) {
    const before = unit(v.unitOf[t.openTok]).attributions.filter((x) => x.named && x.speaker && x.cueTo <= t.openTok && t.openTok - x.cueTo <= 6);
    const a = before.find((x) => ![...Array(t.openTok - x.cueTo).keys()].some((k) => isVerbish(v, x.cueTo + k)));
    if (a) return a.speaker;
  }
  return t.from > 0 && v.quoteOf[t.from - 1] >= 0 ? quoteSpeaker(v, v.quoteOf[t.from - 1], unit) : '';
}

interface NegationResult {
  negated: boolean;
  cue: Decision;
}

/** `later`: events of the next unit that reach back into this one («Это не более чем домыслы»). */
function negation(v: View, s: UnitStance, later: NegEvent[], hs: number, he: number): NegationResult {
  const q = s.questions.find((x) => x.region.from <= hs && hs < x.region.to);
  const events = negationOf([...s.negations, ...later], hs, he);
  if (q) {
    const ch = nearest(q.challenges.filter((c) => governs(c, hs, he)), hs);
    if (ch) return { negated: true, cue: decision(v, ch) };
    const inQ = s.negations.filter((e) => e.cueFrom >= q.region.from && e.cueFrom < q.region.to);
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
    const m = cueAt(v, j, 'affirm');
    if (m) return decision(v, { cueFrom: m.start, cueTo: m.end });
  }
  return NONE;
}

export function annotateSpan(v: View, unit: (u: number) => UnitStance, hs: number, he: number): StanceInfo {
  const s = unit(v.unitOf[hs]);
  const q = v.quoteOf[hs];
  const quoteSpk = q >= 0 ? quoteSpeaker(v, q, unit) : '';
  const att = nearest(s.attributions.filter((a) => a.named && governs(a, hs, he)), hs);
  const u = v.unitOf[hs];
  const later = u + 1 < v.unitStart.length ? unit(u + 1).negations.filter((e) => e.ranges.some((r) => r.from < v.unitEnd[u])) : [];
  const neg = negation(v, s, later, hs, he);
  const question = s.questions.find((x) => x.region.from <= hs && hs < x.region.to);
  const voided = question && s.negations.some((e) => e.cueFrom >= question.region.from && e.cueFrom < question.region.to);
  const doubt = question && !voided ? nearest(question.doubts.filter((d) => governs(d, hs, he)), hs) : undefined;
  const hedge = nearest(s.hedges.filter((h) => governs(h, hs, he)), hs) ?? doubt;
  const flags = { reported: att !== undefined || quoteSpk !== '', quoted: q >= 0, negated: neg.negated, hedged: hedge !== undefined };
  let use: Use = 'asserted';
  let cue = neg.cue.cueStart >= 0 ? neg.cue : affirmCue(v, hs);
  if (flags.negated) use = 'negated';
  else if (hedge) [use, cue] = ['hedged', decision(v, hedge)];
  else if (flags.quoted) [use, cue] = ['quoted', { cue: v.text[v.quotes[q].open], cueStart: v.quotes[q].open }];
  else if (att) [use, cue] = ['reported', decision(v, att)];
  const speaker = flags.quoted ? quoteSpk || att?.speaker || '' : flags.reported ? att?.speaker ?? '' : '';
  return { use, ...flags, cue: cue.cue, cueStart: cue.cueStart, speaker };
}
