// Attribution without a reporting verb: "According to X," / «По словам X,» govern their sentence, a
// headline «МВД: …» the rest of its line, and "X has no doubt that …" / «у X нет сомнений» the claim X
// holds. Each names its speaker; the source phrase itself stays in the text's own voice.
import { backwardStart, forwardEnd, isBoundary } from './clauses.ts';
import type { CueMatch } from './match.ts';
import { attribution, isGenericSubject, PRE_SUBJECT_SKIP, range, speakerText, subjectStart, type Attribution } from './ops.ts';
import { form, isCapitalised, isPunct, isWord, type View } from './view.ts';

/** "According to X, …", «По словам X, …», «Как заявил X, …»: X is the source, the sentence is X's. */
export function source(v: View, m: CueMatch, lo: number, hi: number): Attribution | undefined {
  let end = m.end;
  while (end < hi && form(v, end) !== ',' && !isBoundary(v, end, 'strong')) end++;
  const speaker = speakerText(v, m.end, end);
  const initial = range(lo, m.start).every((j) => !isWord(v, j) || PRE_SUBJECT_SKIP.has(form(v, j)));
  // Inside a sentence a source is set off by a comma; "acting according to a plan" names no source.
  if (!initial && !(m.start > lo && isPunct(v, m.start - 1))) return undefined;
  let ranges;
  if (initial) {
    let to = end;
    while (to < hi && form(v, to) !== ';') to++;
    ranges = [{ from: end, to }];
  } else if (end >= hi || isBoundary(v, end, 'strong')) {
    ranges = [{ from: backwardStart(v, m.start, 'strong', lo), to: m.start }];
  } else {
    ranges = [{ from: backwardStart(v, m.start, 'strong', lo), to: m.start }, { from: end, to: forwardEnd(v, end + 1, 'strong', hi) }];
  }
  return attribution(m.start, m.end, ranges, speaker, true, end);
}

/** "X has no doubt that …", "no doubt among X that …", «у X нет сомнений»: X holds the view. */
export function holder(v: View, m: CueMatch, lo: number, hi: number): Attribution | undefined {
  const s = backwardStart(v, m.start, 'strong', lo);
  const e = forwardEnd(v, m.end, 'strong', hi);
  let h: { from: number; to: number } | undefined;
  if (v.lang === 'en') {
    const have = m.start - 1 >= s && ['have', 'has', 'had'].includes(form(v, m.start - 1));
    if (have && !isGenericSubject(v, s, m.start - 1)) h = { from: subjectStart(v, m.start - 1, s), to: m.start - 1 };
    else if (form(v, m.end) === 'among') {
      const that = range(m.end, e).find((j) => form(v, j) === 'that') ?? e;
      h = { from: m.end + 1, to: that };
    }
  } else {
    for (let j = Math.max(s, m.start - 6); j < Math.min(e, m.end + 6); j++) {
      if (form(v, j) !== 'у') continue;
      let t = j + 1;
      while (t < e && t < j + 5 && isWord(v, t) && v.cueAt[t] < 0) t++;
      h = { from: j + 1, to: t };
      break;
    }
  }
  if (!h || h.to <= h.from) return undefined;
  const ranges = [{ from: s, to: Math.min(h.from, m.start) }, { from: Math.max(h.to, m.end), to: e }];
  return attribution(m.start, m.end, ranges, speakerText(v, h.from, h.to), true);
}

/**
 * «МВД: в Алматы задержаны 200 мародёров» — a capitalised name and a colon open the unit (the Russian
 * headline convention; English "Kazakhstan: …" headlines name a topic, not a speaker).
 */
export function headline(v: View, u: number): Attribution | undefined {
  if (v.lang === 'en') return undefined;
  const lo = v.unitStart[u];
  let j = lo;
  while (j < v.unitEnd[u] && j - lo < 3 && isWord(v, j) && isCapitalised(v, j) && v.cueAt[j] < 0) j++;
  if (j === lo || j >= v.unitEnd[u] - 1 || form(v, j) !== ':') return undefined;
  return attribution(lo, j, [{ from: j + 1, to: v.unitEnd[u] }], speakerText(v, lo, j), true);
}
