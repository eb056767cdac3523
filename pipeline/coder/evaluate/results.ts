// The evaluation's result rows (one tidy table, evaluation.csv) and small helpers shared by the parts
// that compute them: consensus codes and coder pairs.
import type { Code } from './agreement.ts';

export interface ResultRow {
  section: string;
  frame: string;
  pattern: string;
  /** Whose codes: a coder, `consensus`, `A + B` for a pair, or `all coders`. */
  gold: string;
  metric: string;
  value: number;
  low?: number;
  high?: number;
  /** Units (or hits) the value rests on. */
  n: number;
}

export const RESULT_COLUMNS = ['section', 'frame', 'pattern', 'gold', 'metric', 'value', 'ci_low', 'ci_high', 'n'];

/** The majority value among coders; undefined when nobody coded it or the top values tie. */
export function majority<T extends string | boolean>(values: readonly (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestN = 0;
  let tie = false;
  for (const [v, n] of counts) {
    if (n > bestN) {
      best = v;
      bestN = n;
      tie = false;
    } else if (n === bestN) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

export function pairs<T>(xs: readonly T[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([i, j]);
  return out;
}

export function code(v: boolean | string | undefined): Code {
  return v === undefined ? undefined : String(v === true ? 1 : v === false ? 0 : v);
}

/** Coder names from file names, made unique (`a`, `a#2`) if two files share a name. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}#${k}`;
  });
}
