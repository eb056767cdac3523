// Securitizing moves (Copenhagen school): one sentence that joins a threat (a securitizing-family hit,
// not negated), a referent object (a `referent` cue: the state, sovereignty, citizens …) and an
// extraordinary measure (a security_response or csto_sovereignty hit). One move per sentence, built from
// the first threat, the first measure and the first referent that overlaps neither.
import type { FrameHit, TokenizedDocument } from '../lib/types.ts';
import { KIND_BIT } from './cues.ts';
import { cueMatchesOnce, type CueLexicon, type CueMatch } from './match.ts';

export interface Move {
  docId: string;
  sentence: number;
  threat: FrameHit;
  referent: { text: string; start: number; end: number };
  measure: FrameHit;
}

export const MEASURE_FRAMES = new Set(['security_response', 'csto_sovereignty']);

const overlaps = (a: { tokenStart: number; tokenEnd: number }, s: number, e: number) => a.tokenStart < e && s < a.tokenEnd;

/** Index of the first match starting at or after token `from` (matches are in document order). */
function firstAtOrAfter(ms: readonly { start: number }[], from: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `cueMatches` gives the document's cue matches (those the stance view was built from, when the caller has
 * them); they are asked for only when some sentence has both a threat and a measure.
 */
export function findMoves(doc: TokenizedDocument, text: string, hits: readonly FrameHit[], cues: CueLexicon, cueMatches = cueMatchesOnce(doc, cues)): Move[] {
  let referents: CueMatch[] | undefined;
  const bySentence = new Map<number, FrameHit[]>();
  for (const h of hits) {
    const list = bySentence.get(h.sentence);
    if (list) list.push(h);
    else bySentence.set(h.sentence, [h]);
  }
  const moves: Move[] = [];
  for (const [sentence, hs] of [...bySentence].sort((a, b) => a[0] - b[0])) {
    const threat = hs.find((h) => h.family === 'securitizing' && h.use !== 'negated');
    if (!threat || !hs.some((h) => MEASURE_FRAMES.has(h.frame))) continue;
    referents ??= cueMatches().filter((m) => (m.kinds & KIND_BIT.referent) !== 0);
    const from = sentence === 1 ? 0 : doc.sentenceEnds[sentence - 2];
    const to = doc.sentenceEnds[sentence - 1];
    const inSentence = [];
    for (let k = firstAtOrAfter(referents, from); k < referents.length && referents[k].end <= to; k++) inSentence.push(referents[k]);
    for (const measure of hs.filter((h) => MEASURE_FRAMES.has(h.frame))) {
      const ref = inSentence.find((r) => !overlaps(threat, r.start, r.end) && !overlaps(measure, r.start, r.end));
      if (!ref) continue;
      const start = doc.starts[ref.start];
      const end = doc.ends[ref.end - 1];
      moves.push({ docId: doc.docId, sentence, threat, referent: { text: text.slice(start, end), start, end }, measure });
      break;
    }
  }
  return moves;
}
