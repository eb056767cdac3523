// From per-document tallies to the tidy tables: counts_by_doc, counts_by_group (with bootstrap intervals
// over documents) and the securitizing-vs-grievance comparison (with a permutation test of each group
// against the rest). Pure: tallies and options in, rows out; the seed makes every interval repeatable.
import { fmt, type Cell } from '../lib/csv.ts';
import { USES, type Frame } from '../lib/types.ts';
import { createRng, quantileSorted, type Rng } from './rng.ts';
import { familyHits, frameHits, per1k, type DocTally } from './tally.ts';

export interface CountOptions {
  frames: Frame[];
  /** Use indices that the headline comparison counts (default: asserted). */
  comparisonUses: number[];
  seed: number;
  reps: number;
  permutations: number;
}

export const USE_ROWS = ['all', ...USES] as const;
const ALL_USES = USES.map((_, i) => i);

export const COUNTS_BY_DOC_COLUMNS = ['doc_id', 'group', 'frame', 'family', 'use', 'hits', 'words', 'per_1k'];

export function* countsByDocRows(tallies: Iterable<DocTally>, frames: readonly Frame[]): Generator<Cell[]> {
  for (const t of tallies) {
    for (let f = 0; f < frames.length; f++) {
      for (let u = 0; u < USE_ROWS.length; u++) {
        const hits = u === 0 ? frameHits(t, f, ALL_USES) : t.counts[f * USES.length + u - 1];
        yield [t.docId, t.group, frames[f].frame, frames[f].family, USE_ROWS[u], hits, t.words, fmt(per1k(hits, t.words))];
      }
    }
  }
}

export function groupTallies(tallies: readonly DocTally[]): Map<string, DocTally[]> {
  const m = new Map<string, DocTally[]>();
  for (const t of tallies) {
    const l = m.get(t.group);
    if (l) l.push(t);
    else m.set(t.group, [t]);
  }
  return new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Sum a set of documents: words, hits per frame × use-row, securitizing and grievance hits, moves. */
interface Sums {
  words: number;
  frameUse: Float64Array; // [f * USE_ROWS.length + u]
  sec: number;
  griev: number;
  moves: number;
}

/**
 * A document's non-zero frame × use cells as [slot, count] pairs, slots in the layout of a group's
 * per-use sums (f * USE_ROWS.length + u + 1). Computed once per document: the bootstrap adds these lists
 * hundreds of times per document, one addition per pair; the `all` rows and the comparison's totals are
 * derived from the sums afterwards. Counts are whole numbers, so no order of additions changes a sum.
 */
const cellLists = new WeakMap<DocTally, Int32Array>();
function cellsOf(t: DocTally): Int32Array {
  let pairs = cellLists.get(t);
  if (pairs) return pairs;
  const list: number[] = [];
  for (let i = 0; i < t.counts.length; i++) {
    if (t.counts[i] !== 0) list.push(Math.floor(i / USES.length) * USE_ROWS.length + (i % USES.length) + 1, t.counts[i]);
  }
  cellLists.set(t, (pairs = Int32Array.from(list)));
  return pairs;
}

/** Sum documents (all, or those drawn in `idx`); `lists` are their cells, in `docs` order. */
function sumDocs(docs: readonly DocTally[], idx: ArrayLike<number> | undefined, o: CountOptions, lists = docs.map(cellsOf)): Sums {
  const frameUse = new Float64Array(o.frames.length * USE_ROWS.length);
  let words = 0;
  let moves = 0;
  const n = idx ? idx.length : docs.length;
  for (let k = 0; k < n; k++) {
    const d = idx ? idx[k] : k;
    words += docs[d].words;
    moves += docs[d].moves;
    const pairs = lists[d];
    for (let j = 0; j < pairs.length; j += 2) frameUse[pairs[j]] += pairs[j + 1];
  }
  let sec = 0;
  let griev = 0;
  for (let f = 0; f < o.frames.length; f++) {
    const row = f * USE_ROWS.length;
    for (let u = 0; u < USES.length; u++) {
      const c = frameUse[row + u + 1];
      frameUse[row] += c;
      if (!o.comparisonUses.includes(u)) continue;
      if (o.frames[f].family === 'securitizing') sec += c;
      else if (o.frames[f].family === 'grievance') griev += c;
    }
  }
  return { words, frameUse, sec, griev, moves };
}

export function competingIndex(sec: number, griev: number): number {
  return Math.log((sec + 0.5) / (griev + 0.5));
}

function share(sec: number, griev: number): number {
  return sec + griev > 0 ? sec / (sec + griev) : NaN;
}

/** The statistics bootstrapped for a group, in a fixed order. */
function stats(s: Sums): number[] {
  const out = Array.from(s.frameUse, (h) => per1k(h, s.words));
  out.push(per1k(s.sec, s.words), per1k(s.griev, s.words), share(s.sec, s.griev), competingIndex(s.sec, s.griev), per1k(s.moves, s.words));
  return out;
}

function bootstrap(docs: readonly DocTally[], o: CountOptions, rng: Rng): { low: number[]; high: number[] } {
  const reps: number[][] = [];
  const idx = new Int32Array(docs.length);
  const lists = docs.map(cellsOf);
  for (let r = 0; r < o.reps; r++) {
    for (let k = 0; k < docs.length; k++) idx[k] = Math.floor(rng() * docs.length);
    reps.push(stats(sumDocs(docs, idx, o, lists)));
  }
  const width = reps[0]?.length ?? 0;
  const low: number[] = [];
  const high: number[] = [];
  for (let j = 0; j < width; j++) {
    const col = Float64Array.from(reps.map((r) => r[j]).filter((x) => Number.isFinite(x))).sort();
    low.push(quantileSorted(col, 0.025));
    high.push(quantileSorted(col, 0.975));
  }
  return { low, high };
}

export interface GroupResult {
  group: string;
  docs: DocTally[];
  sums: Sums;
  stats: number[];
  low: number[];
  high: number[];
}

/** Bootstrap every group once (seeded by group order), shared by both tables. */
export function analyseGroups(groups: Map<string, DocTally[]>, o: CountOptions): GroupResult[] {
  const rng = createRng(o.seed);
  return [...groups.entries()].map(([group, docs]) => {
    const sums = sumDocs(docs, undefined, o);
    const ci = bootstrap(docs, o, rng);
    return { group, docs, sums, stats: stats(sums), low: ci.low, high: ci.high };
  });
}

/** For each frame × use row (`all` included), how many of the documents have at least one hit there. */
function docsWithHit(docs: readonly DocTally[], frameCount: number): Int32Array {
  const out = new Int32Array(frameCount * USE_ROWS.length);
  const seen = new Int32Array(frameCount).fill(-1);
  docs.forEach((t, d) => {
    const pairs = cellsOf(t);
    for (let j = 0; j < pairs.length; j += 2) {
      out[pairs[j]]++;
      const f = Math.floor(pairs[j] / USE_ROWS.length);
      if (seen[f] !== d) {
        seen[f] = d;
        out[f * USE_ROWS.length]++;
      }
    }
  });
  return out;
}

export const COUNTS_BY_GROUP_COLUMNS = ['group', 'frame', 'family', 'use', 'hits', 'words', 'per_1k', 'docs', 'docs_with_hit', 'ci_low', 'ci_high'];

export function countsByGroupRows(results: readonly GroupResult[], frames: readonly Frame[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const g of results) {
    const withHit = docsWithHit(g.docs, frames.length);
    for (let f = 0; f < frames.length; f++) {
      for (let u = 0; u < USE_ROWS.length; u++) {
        const j = f * USE_ROWS.length + u;
        rows.push([g.group, frames[f].frame, frames[f].family, USE_ROWS[u], g.sums.frameUse[j], g.sums.words, fmt(g.stats[j]), g.docs.length, withHit[j], fmt(g.low[j]), fmt(g.high[j])]);
      }
    }
  }
  return rows;
}

export const COMPARISON_COLUMNS = ['group', 'docs', 'words', 'uses', 'securitizing_hits', 'grievance_hits',
  'securitizing_per_1k', 'securitizing_per_1k_low', 'securitizing_per_1k_high', 'grievance_per_1k', 'grievance_per_1k_low', 'grievance_per_1k_high',
  'securitizing_share', 'securitizing_share_low', 'securitizing_share_high', 'index', 'index_low', 'index_high',
  'index_rest', 'index_diff', 'p_value', 'moves', 'moves_per_1k', 'moves_per_1k_low', 'moves_per_1k_high'];

/**
 * One row per group. The test of a group against the rest permutes group labels over documents
 * (seeded): p = (1 + #{|diff*| ≥ |diff|}) / (1 + permutations), two-sided, on the competing-frame index.
 */
export function comparisonRows(results: readonly GroupResult[], o: CountOptions, usesLabel: string): Cell[][] {
  const all = results.flatMap((g) => g.docs);
  const total = sumDocs(all, undefined, o);
  const rng = createRng(o.seed ^ 0x9e3779b9);
  const F = o.frames.length * USE_ROWS.length;
  return results.map((g) => {
    const restSec = total.sec - g.sums.sec;
    const restGriev = total.griev - g.sums.griev;
    const diff = competingIndex(g.sums.sec, g.sums.griev) - competingIndex(restSec, restGriev);
    const p = results.length > 1 ? permutationP(all, g.docs.length, diff, total, o, rng) : NaN;
    const s = g.stats;
    const ci = (j: number) => [fmt(s[F + j]), fmt(g.low[F + j]), fmt(g.high[F + j])];
    return [g.group, g.docs.length, g.sums.words, usesLabel, g.sums.sec, g.sums.griev, ...ci(0), ...ci(1), ...ci(2), ...ci(3),
      fmt(competingIndex(restSec, restGriev)), fmt(diff), fmt(p), g.sums.moves, ...ci(4)];
  });
}

function permutationP(all: readonly DocTally[], n: number, observed: number, total: Sums, o: CountOptions, rng: Rng): number {
  if (o.permutations <= 0 || n === 0 || n === all.length) return NaN;
  const secOf = all.map((t) => countFamily(t, o, 'securitizing'));
  const grievOf = all.map((t) => countFamily(t, o, 'grievance'));
  const order = Int32Array.from(all.keys());
  let extreme = 0;
  for (let r = 0; r < o.permutations; r++) {
    let sec = 0;
    let griev = 0;
    for (let k = 0; k < n; k++) {
      const j = k + Math.floor(rng() * (order.length - k));
      const tmp = order[k];
      order[k] = order[j];
      order[j] = tmp;
      sec += secOf[order[k]];
      griev += grievOf[order[k]];
    }
    const d = competingIndex(sec, griev) - competingIndex(total.sec - sec, total.griev - griev);
    if (Math.abs(d) >= Math.abs(observed) - 1e-12) extreme++;
  }
  return (1 + extreme) / (1 + o.permutations);
}

function countFamily(t: DocTally, o: CountOptions, family: 'securitizing' | 'grievance'): number {
  return familyHits(t, o.frames, family, o.comparisonUses);
}
