// Stratified random sampling (pure, seeded). Strata are group × (lexicon hit / no hit), so both the
// sentences the lexicon flags and the ones it misses are coded — precision needs the first, recall the
// second. Allocation is proportional to stratum size (largest remainder), so plain counts over the sample
// estimate corpus values; `equal` gives every stratum the same share instead.
import { createRng } from '../../count/rng.ts';

export interface Stratum<T> {
  group: string;
  hit: boolean;
  members: T[];
}

export type Allocation = 'proportional' | 'equal';

/** How many to draw from each stratum, summing to min(n, total). */
export function allocate(sizes: readonly number[], n: number, how: Allocation): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const want = Math.min(n, total);
  if (want === 0) return sizes.map(() => 0);
  if (how === 'equal') return allocateEqual(sizes, want);
  const exact = sizes.map((s) => (s * want) / total);
  const out = exact.map(Math.floor);
  let left = want - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (out[i] < sizes[i]) {
      out[i]++;
      left--;
    }
  }
  return out;
}

/** Equal shares; a stratum smaller than its share gives the rest to the others. */
function allocateEqual(sizes: readonly number[], want: number): number[] {
  const out = sizes.map(() => 0);
  let left = want;
  while (left > 0) {
    const open = sizes.map((s, i) => i).filter((i) => out[i] < sizes[i]);
    const share = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left === 0) break;
      const take = Math.min(share, sizes[i] - out[i], left);
      out[i] += take;
      left -= take;
    }
  }
  return out;
}

/** Draw `k` members without replacement (partial Fisher–Yates), returned in their original order. */
export function drawSample<T>(members: readonly T[], k: number, rng: () => number): T[] {
  const idx = Array.from(members.keys());
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, k).sort((a, b) => a - b).map((i) => members[i]);
}

export interface StratifiedSample<T> {
  strata: { group: string; hit: boolean; size: number; sampled: number }[];
  units: T[];
}

/** Strata in a fixed order (group, then no-hit before hit), each drawn with one seeded generator. */
export function stratifiedSample<T>(strata: Stratum<T>[], n: number, seed: number, how: Allocation): StratifiedSample<T> {
  const ordered = [...strata].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : Number(a.hit) - Number(b.hit)));
  const counts = allocate(ordered.map((s) => s.members.length), n, how);
  const rng = createRng(seed);
  const units = ordered.flatMap((s, i) => drawSample(s.members, counts[i], rng));
  return { strata: ordered.map((s, i) => ({ group: s.group, hit: s.hit, size: s.members.length, sampled: counts[i] })), units };
}
