// Lexicon against gold codes (pure): a confusion table per frame, precision / recall / F1, micro and
// macro averages, seeded bootstrap intervals over units, and Wilson intervals for a proportion.
import { createRng, quantileSorted } from '../../count/rng.ts';

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** One coded unit × frame: what the lexicon said and what the gold code says. */
export interface Pair {
  lexicon: boolean;
  gold: boolean;
}

export function confusion(pairs: Iterable<Pair>): Confusion {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const p of pairs) {
    if (p.lexicon && p.gold) c.tp++;
    else if (p.lexicon) c.fp++;
    else if (p.gold) c.fn++;
    else c.tn++;
  }
  return c;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export function scores(c: Confusion): Scores {
  const precision = c.tp + c.fp === 0 ? NaN : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? NaN : c.tp / (c.tp + c.fn);
  const f1 = c.tp === 0 ? (c.fp + c.fn === 0 ? NaN : 0) : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
  return { precision, recall, f1 };
}

function add(a: Confusion, b: Confusion): Confusion {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

function mean(xs: number[]): number {
  const ok = xs.filter((x) => Number.isFinite(x));
  return ok.length === 0 ? NaN : ok.reduce((s, x) => s + x, 0) / ok.length;
}

/** Per-frame scores plus micro (pooled counts) and macro (mean of the frames' scores, skipping undefined ones). */
export function summarize(perFrame: readonly Confusion[]): { frames: Scores[]; micro: Scores; macro: Scores; microCounts: Confusion } {
  const frames = perFrame.map(scores);
  const microCounts = perFrame.reduce(add, { tp: 0, fp: 0, fn: 0, tn: 0 });
  const macro = { precision: mean(frames.map((s) => s.precision)), recall: mean(frames.map((s) => s.recall)), f1: mean(frames.map((s) => s.f1)) };
  return { frames, micro: scores(microCounts), macro, microCounts };
}

/** Per unit, per frame: a pair, or undefined where the gold code is missing. */
export type UnitPairs = (Pair | undefined)[];

export interface Interval {
  low: number;
  high: number;
}

/**
 * Percentile bootstrap (95%) over units: resample units with replacement, recompute every score. Returns
 * intervals in the order [frame 0 P, R, F1, frame 1 …, micro P, R, F1, macro P, R, F1].
 */
export function bootstrapScores(units: readonly UnitPairs[], frameCount: number, reps: number, seed: number): Interval[] {
  const rng = createRng(seed);
  const width = (frameCount + 2) * 3;
  const samples: number[][] = Array.from({ length: width }, () => []);
  for (let r = 0; r < reps && units.length > 0; r++) {
    const tables: Confusion[] = Array.from({ length: frameCount }, () => ({ tp: 0, fp: 0, fn: 0, tn: 0 }));
    for (let k = 0; k < units.length; k++) {
      const u = units[Math.floor(rng() * units.length)];
      for (let f = 0; f < frameCount; f++) {
        const p = u[f];
        if (!p) continue;
        const t = tables[f];
        if (p.lexicon && p.gold) t.tp++;
        else if (p.lexicon) t.fp++;
        else if (p.gold) t.fn++;
        else t.tn++;
      }
    }
    const s = summarize(tables);
    const flat = [...s.frames, s.micro, s.macro].flatMap((x) => [x.precision, x.recall, x.f1]);
    flat.forEach((x, j) => {
      if (Number.isFinite(x)) samples[j].push(x);
    });
  }
  return samples.map((col) => {
    const sorted = Float64Array.from(col).sort();
    return { low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
  });
}

/** Wilson score interval (95%) for x successes in n trials. */
export function wilson(x: number, n: number, z = 1.959963984540054): Interval {
  if (n === 0) return { low: NaN, high: NaN };
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
