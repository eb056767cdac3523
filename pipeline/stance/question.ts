// Rhetorical questions. A question that asks for what is missing ("Where is the evidence of …?", «Где
// доказательства …?», "Who would believe that …?") disputes its content: negated. A question built on a
// negation ("Who, if not foreign-trained militants, …?", «Разве не очевидно, что …?») affirms it: its
// negations are void. A question that doubts ("Were they really terrorists?", «Неужели …?») hedges.
import { backwardStart, forwardEnd } from './clauses.ts';
import { kindMask } from './cues.ts';
import { op, roleOf, type Op, type Range } from './ops.ts';
import { form, isPunct, isQuoteMark, type View } from './view.ts';

const ROLES = kindMask('challenge', 'really');

export interface Question {
  region: Range;
  challenges: Op[];
  doubts: Op[];
}

/** Does [from, to) end with a question mark (quotation marks aside)? */
function endsWithQuestion(v: View, from: number, to: number): boolean {
  let j = to - 1;
  while (j >= from && isQuoteMark(v, j)) j--;
  return j >= from && isPunct(v, j) && form(v, j) === '?';
}

/** The question regions of unit u: the unit itself, or quotations inside it that are questions. */
export function findQuestions(v: View, u: number): Question[] {
  const regions: Range[] = [];
  const lo = v.unitStart[u];
  const hi = v.unitEnd[u];
  if (endsWithQuestion(v, lo, hi)) regions.push({ from: lo, to: hi });
  else {
    for (const k of v.quotesInUnit[u]) {
      const q = v.quoteTokens[k];
      if (q.to <= hi && endsWithQuestion(v, q.from, q.to)) regions.push({ from: q.from, to: q.to });
    }
  }
  return regions.map((region) => {
    const challenges: Op[] = [];
    const doubts: Op[] = [];
    for (let k = v.cueFirst[u]; k < v.cueFirst[u + 1]; k++) {
      const m = v.cues[k];
      if (m.start < region.from || m.start >= region.to) continue;
      const e = roleOf(v, m, ROLES);
      if (e?.kind === 'challenge') challenges.push(op(m.start, m.end, [{ from: m.end, to: region.to }]));
      if (e?.kind === 'really') {
        doubts.push(op(m.start, m.end, [{ from: backwardStart(v, m.start, 'weak', region.from), to: forwardEnd(v, m.end, 'weak', region.to) }]));
      }
    }
    return { region, challenges, doubts };
  });
}
