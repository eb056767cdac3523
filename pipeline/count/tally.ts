// Per-document tallies: hits by frame × use, words, moves. They are tiny, so a whole corpus's tallies stay
// in memory while tokens and hits stream past; every table is computed from them.
import { USES, type Family, type Frame, type FrameHit, type Use } from '../lib/types.ts';

export interface DocTally {
  docId: string;
  group: string;
  lang: string;
  words: number;
  /** counts[frameIndex * USES.length + useIndex] */
  counts: Int32Array;
  moves: number;
}

export const USE_INDEX = new Map<Use, number>(USES.map((u, i) => [u, i]));

export function createTally(docId: string, group: string, lang: string, words: number, frameCount: number): DocTally {
  return { docId, group, lang, words, counts: new Int32Array(frameCount * USES.length), moves: 0 };
}

export function addHits(t: DocTally, hits: readonly Pick<FrameHit, 'frame' | 'use'>[], frameIndex: ReadonlyMap<string, number>): void {
  for (const h of hits) t.counts[frameIndex.get(h.frame)! * USES.length + USE_INDEX.get(h.use)!]++;
}

/** Hits of one frame counted over a set of uses. */
export function frameHits(t: DocTally, f: number, uses: readonly number[]): number {
  let n = 0;
  for (const u of uses) n += t.counts[f * USES.length + u];
  return n;
}

/** Hits of every frame in a family, over a set of uses. */
export function familyHits(t: DocTally, frames: readonly Frame[], family: Family, uses: readonly number[]): number {
  let n = 0;
  frames.forEach((fr, f) => {
    if (fr.family === family) n += frameHits(t, f, uses);
  });
  return n;
}

export function per1k(hits: number, words: number): number {
  return words > 0 ? (1000 * hits) / words : hits === 0 ? 0 : NaN;
}
