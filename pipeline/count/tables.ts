// From per-document tallies to the tidy tables: counts_by_doc, counts_by_group (with bootstrap intervals
// over documents) and the securitizing-vs-grievance comparison (with a permutation test of each group
// against the rest). Pure: tallies and options in, rows out; the seed makes every interval repeatable.
import { fmt, formatCsvRows, type Cell } from '../lib/csv.ts';
import { USES, type Frame } from '../lib/types.ts';
import { createRng, quantileSorted, type Rng } from './rng.ts';
import { per1k, USE_ROWS, type TallyStore } from './tally.ts';

export interface CountOptions {
  frames: Frame[];
  /** Use indices that the headline comparison counts (default: asserted). */
  comparisonUses: number[];
  seed: number;
  reps: number;
  permutations: number;
}

export { USE_ROWS };

export const COUNTS_BY_DOC_COLUMNS = ['doc_id', 'group', 'frame', 'family', 'use', 'hits', 'words', 'per_1k'];

/** counts_by_doc rows of documents from … to - 1 (all of them by default), every frame × use row. */
export function* countsByDocRows(store: TallyStore, frames: readonly Frame[], from = 0, to = store.size): Generator<Cell[]> {
  const counts = new Int32Array(frames.length * USES.length);
  for (let d = from; d < to; d++) {
    store.countsOf(d, counts);
    const docId = store.docIds[d];
    const group = store.groupOf(d);
    const words = store.words[d];
    for (let f = 0; f < frames.length; f++) {
      for (let u = 0; u < USE_ROWS.length; u++) {
        const hits = u === 0 ? sumUses(counts, f) : counts[f * USES.length + u - 1];
        yield [docId, group, frames[f].frame, frames[f].family, USE_ROWS[u], hits, words, fmt(per1k(hits, words))];
      }
    }
  }
}

/**
 * counts_by_doc.csv text of documents from … to - 1: the same bytes as formatCsvRows(countsByDocRows(…)),
 * written without a cell array per row — the table has a row per document × frame × use, 60 per document
 * with the shipped lexicon, and is the largest output of a big run.
 */
export function countsByDocText(store: TallyStore, frames: readonly Frame[], from = 0, to = store.size): string {
  const mid = frames.map((f) => USE_ROWS.map((u) => `,${formatCsvRows([[f.frame, f.family, u]]).slice(0, -1)},`));
  const counts = new Int32Array(frames.length * USES.length);
  let out = '';
  for (let d = from; d < to; d++) {
    store.countsOf(d, counts);
    const prefix = formatCsvRows([[store.docIds[d], store.groupOf(d)]]).slice(0, -1);
    const words = store.words[d];
    const tail = `,${words},`;
    const lines: string[] = [];
    for (let f = 0; f < frames.length; f++) {
      for (let u = 0; u < USE_ROWS.length; u++) {
        const hits = u === 0 ? sumUses(counts, f) : counts[f * USES.length + u - 1];
        lines.push(`${prefix}${mid[f][u]}${hits}${tail}${hits === 0 ? ZERO_RATE : fmt(per1k(hits, words))}`);
      }
    }
    if (lines.length > 0) out += `${lines.join('\n')}\n`;
  }
  return out;
}

const ZERO_RATE = fmt(0);

function sumUses(counts: Int32Array, f: number): number {
  let n = 0;
  for (let u = 0; u < USES.length; u++) n += counts[f * USES.length + u];
  return n;
}

/** The documents of each group (indices into the store, in corpus order), groups sorted by name. */
export function groupTallies(store: TallyStore): Map<string, Int32Array> {
  const sizes = new Int32Array(store.groups.values.length);
  for (let d = 0; d < store.size; d++) sizes[store.group[d]]++;
  const members = Array.from(sizes, (n) => new Int32Array(n));
  const filled = new Int32Array(store.groups.values.length);
  for (let d = 0; d < store.size; d++) {
    const g = store.group[d];
    members[g][filled[g]++] = d;
  }
  const order = store.groups.values.map((name, g) => [name, g] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(order.map(([name, g]) => [name, members[g]]));
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
 * A group's documents laid out for summing: their words, moves and cells copied into arrays of their
 * own, in group order, so that the bootstrap's random draws land in a small block of memory.
 */
interface Block {
  n: number;
  words: Float64Array;
  moves: Float64Array;
  start: Int32Array;
  cells: Int32Array;
}

function blockOf(store: TallyStore, docs: Int32Array): Block {
  const n = docs.length;
  const words = new Float64Array(n);
  const moves = new Float64Array(n);
  const start = new Int32Array(n + 1);
  let size = 0;
  for (const d of docs) size += 2 * (store.cellStart[d + 1] - store.cellStart[d]);
  const cells = new Int32Array(size);
  let at = 0;
  docs.forEach((d, k) => {
    words[k] = store.words[d];
    moves[k] = store.moves[d];
    start[k] = at;
    const from = 2 * store.cellStart[d];
    const to = 2 * store.cellStart[d + 1];
    cells.set(store.cells.subarray(from, to), at);
    at += to - from;
  });
  start[n] = at;
  return { n, words, moves, start, cells };
}

/** Sum a block's documents: all of them, or those drawn (positions in the block given by `idx`). */
function sumDocs(b: Block, idx: Int32Array | undefined, o: CountOptions): Sums {
  const frameUse = new Float64Array(o.frames.length * USE_ROWS.length);
  const { words: W, moves: M, start, cells } = b;
  let words = 0;
  let moves = 0;
  for (let k = 0; k < b.n; k++) {
    const d = idx ? idx[k] : k;
    words += W[d];
    moves += M[d];
    const end = start[d + 1];
    for (let j = start[d]; j < end; j += 2) frameUse[cells[j]] += cells[j + 1];
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

function bootstrap(b: Block, o: CountOptions, rng: Rng): { low: number[]; high: number[] } {
  const reps: number[][] = [];
  const idx = new Int32Array(b.n);
  for (let r = 0; r < o.reps; r++) {
    for (let k = 0; k < b.n; k++) idx[k] = Math.floor(rng() * b.n);
    reps.push(stats(sumDocs(b, idx, o)));
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
  /** The group's documents: indices into the store. */
  docs: Int32Array;
  sums: Sums;
  stats: number[];
  low: number[];
  high: number[];
  withHit: Int32Array;
}

/** Bootstrap every group once (seeded by group order), shared by both tables. */
export function analyseGroups(store: TallyStore, o: CountOptions): GroupResult[] {
  const rng = createRng(o.seed);
  return [...groupTallies(store)].map(([group, docs]) => {
    const block = blockOf(store, docs);
    const sums = sumDocs(block, undefined, o);
    const ci = bootstrap(block, o, rng);
    return { group, docs, sums, stats: stats(sums), low: ci.low, high: ci.high, withHit: docsWithHit(store, docs, o.frames.length) };
  });
}

/** For each frame × use row (`all` included), how many of the documents have at least one hit there. */
function docsWithHit(store: TallyStore, docs: Int32Array, frameCount: number): Int32Array {
  const out = new Int32Array(frameCount * USE_ROWS.length);
  const seen = new Int32Array(frameCount).fill(-1);
  const { cellStart, cells } = store;
  docs.forEach((d) => {
    for (let j = 2 * cellStart[d]; j < 2 * cellStart[d + 1]; j += 2) {
      out[cells[j]]++;
      const f = Math.floor(cells[j] / USE_ROWS.length);
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
    const withHit = g.withHit;
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
export function comparisonRows(store: TallyStore, results: readonly GroupResult[], o: CountOptions, usesLabel: string): Cell[][] {
  const all = concat(results.map((g) => g.docs));
  const total = sumDocs(blockOf(store, all), undefined, o);
  const rng = createRng(o.seed ^ 0x9e3779b9);
  const F = o.frames.length * USE_ROWS.length;
  return results.map((g) => {
    const restSec = total.sec - g.sums.sec;
    const restGriev = total.griev - g.sums.griev;
    const diff = competingIndex(g.sums.sec, g.sums.griev) - competingIndex(restSec, restGriev);
    const p = results.length > 1 ? permutationP(store, all, g.docs.length, diff, total, o, rng) : NaN;
    const s = g.stats;
    const ci = (j: number) => [fmt(s[F + j]), fmt(g.low[F + j]), fmt(g.high[F + j])];
    return [g.group, g.docs.length, g.sums.words, usesLabel, g.sums.sec, g.sums.griev, ...ci(0), ...ci(1), ...ci(2), ...ci(3),
      fmt(competingIndex(restSec, restGriev)), fmt(diff), fmt(p), g.sums.moves, ...ci(4)];
  });
}

function permutationP(store: TallyStore, all: Int32Array, n: number, observed: number, total: Sums, o: CountOptions, rng: Rng): number {
  if (o.permutations <= 0 || n === 0 || n === all.length) return NaN;
  const secOf = Float64Array.from(all, (d) => store.familyHits(d, o.frames, 'securitizing', o.comparisonUses));
  const grievOf = Float64Array.from(all, (d) => store.familyHits(d, o.frames, 'grievance', o.comparisonUses));
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

function concat(parts: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
