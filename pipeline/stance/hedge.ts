// Hedges: a distancing word governs the phrase it qualifies ("so-called [terrorists]", "alleged [role in
// "terror attacks"]", «мнимая [угроза цветной революции]»), an adverb the rest of its clause
// ("Allegedly, [armed groups …]", «якобы [финансировали из-за рубежа]»), and "what X called [Y]" /
// «то, что власти назвали [Y]» the label it introduces — unless the label is in quotation marks, which
// makes it a quotation instead.
import { forwardEnd, npEnd } from './clauses.ts';
import { kindMask } from './cues.ts';
import type { CueMatch } from './match.ts';
import { bounds, op, roleOf, someIn, type Op } from './ops.ts';
import { form, isPunct, isQuoteMark, isWord, type View } from './view.ts';

const ROLES = kindMask('hedge', 'report');

function hedgeOp(v: View, m: CueMatch, scope: string): Op {
  const { lo, hi } = bounds(v, m.start);
  if (scope === 'np') {
    // «т.н. «мародёров»»: an abbreviation's full stop belongs to the cue.
    const from = m.end < hi && form(v, m.end) === '.' && v.doc.starts[m.end] === v.doc.ends[m.end - 1] ? m.end + 1 : m.end;
    return op(m.start, from, [{ from, to: npEnd(v, from, hi) }]);
  }
  if (scope === 'clause') {
    const from = m.end < hi && form(v, m.end) === ',' ? m.end + 1 : m.end;
    return op(m.start, m.end, [{ from, to: forwardEnd(v, from, 'weak', hi) }]);
  }
  // source: «По непроверенным данным, …» governs its sentence like "according to".
  const initial = !someIn(v, lo, m.start, isWord);
  let to = m.end;
  while (to < hi && form(v, to) !== ';') to++;
  return op(m.start, m.end, [initial ? { from: m.end, to } : { from: lo, to: m.start }]);
}

/** "what the KNB called destabilisation": the cue runs from "what" to the verb. */
function whatCalled(v: View, m: CueMatch): Op | undefined {
  const { lo, hi } = bounds(v, m.start);
  for (let j = m.start - 1; j >= Math.max(lo, m.start - 5); j--) {
    if (isPunct(v, j)) return undefined;
    const f = form(v, j);
    const ru = f === 'что' && j - 2 >= lo && form(v, j - 1) === ',' && ['того', 'то', 'тем', 'том'].includes(form(v, j - 2));
    if (f !== 'what' && !ru) continue;
    const to = npEnd(v, m.end, hi);
    if (m.end >= hi || someIn(v, m.end, to, isQuoteMark)) return undefined;
    return op(j, m.end, [{ from: m.end, to }]);
  }
  return undefined;
}

/** Every hedge in unit u. */
export function findHedges(v: View, u: number): Op[] {
  const out: Op[] = [];
  for (let k = v.cueFirst[u]; k < v.cueFirst[u + 1]; k++) {
    const m = v.cues[k];
    const e = roleOf(v, m, ROLES);
    if (e?.kind === 'hedge') out.push(hedgeOp(v, m, e.scope));
    else if (e?.kind === 'report' && e.scope === 'call') {
      const w = whatCalled(v, m);
      if (w) out.push(w);
    }
  }
  return out;
}
