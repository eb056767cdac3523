// Summaries of hits.csv and moves.csv for the report, read as streams: hits by use and by family, and
// each frame's most frequent patterns with the documents they occur in and their commonest matched form.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvRows } from '../figures/csv-stream.ts';

export interface PatternCount {
  frame: string;
  pattern: string;
  hits: number;
  docs: number;
  /** The matched text seen most often (lowercased), e.g. `terrorists` for `terrorist*`. */
  form: string;
}

export interface HitSummary {
  total: number;
  byUse: Map<string, number>;
  byFamily: Map<string, number>;
  patterns: PatternCount[];
  moves: number;
}

interface PatternTally {
  frame: string;
  pattern: string;
  hits: number;
  docs: number;
  lastDoc: string;
  forms: Map<string, number>;
}

const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

/** The most frequent key; ties go to the key that sorts first, so the answer never depends on order. */
export function mostFrequent(m: ReadonlyMap<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, c] of m) if (c > n || (c === n && k < best)) [best, n] = [k, c];
  return best;
}

/** One hit as the summary sees it (a hits.csv row, or a hit in memory during `qantar run`). */
export interface HitLike {
  docId: string;
  frame: string;
  family: string;
  pattern: string;
  text: string;
  use: string;
}

/** Accumulates the summary hit by hit, in hits.csv order, so `run` and the report stage agree exactly. */
export function createHitSummarizer() {
  const s: HitSummary = { total: 0, byUse: new Map(), byFamily: new Map(), patterns: [], moves: 0 };
  const tallies = new Map<string, PatternTally>();
  return {
    add(h: HitLike): void {
      s.total++;
      bump(s.byUse, h.use);
      bump(s.byFamily, h.family);
      const key = `${h.frame}\u0000${h.pattern}`;
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = { frame: h.frame, pattern: h.pattern, hits: 0, docs: 0, lastDoc: '', forms: new Map() }));
      t.hits++;
      // hits.csv is written document by document, so a new doc_id is a new document for this pattern.
      if (t.lastDoc !== h.docId) {
        t.docs++;
        t.lastDoc = h.docId;
      }
      bump(t.forms, h.text.replace(/\s+/gu, ' ').toLowerCase());
    },
    addMoves(n: number): void {
      s.moves += n;
    },
    result(): HitSummary {
      s.patterns = [...tallies.values()].map((t) => ({ frame: t.frame, pattern: t.pattern, hits: t.hits, docs: t.docs, form: mostFrequent(t.forms) }));
      return s;
    },
  };
}

export type HitSummarizer = ReturnType<typeof createHitSummarizer>;

export async function readHitSummary(dir: string): Promise<HitSummary> {
  const sum = createHitSummarizer();
  await readCsvRows(join(dir, 'hits.csv'), ['doc_id', 'frame', 'family', 'pattern', 'text', 'use'], ({ values: v }) => {
    sum.add({ docId: v.doc_id, frame: v.frame, family: v.family, pattern: v.pattern, text: v.text, use: v.use });
  }, 'qantar tag');
  if (existsSync(join(dir, 'moves.csv'))) await readCsvRows(join(dir, 'moves.csv'), ['doc_id'], () => sum.addMoves(1), 'qantar tag');
  return sum.result();
}

/** The `n` most frequent patterns of each frame, in frame order; ties broken by pattern. */
export function topPatterns(patterns: readonly PatternCount[], frameOrder: readonly string[], n: number): PatternCount[] {
  const rank = new Map(frameOrder.map((f, i) => [f, i]));
  const byFrame = new Map<string, PatternCount[]>();
  for (const p of patterns) {
    const l = byFrame.get(p.frame) ?? [];
    l.push(p);
    byFrame.set(p.frame, l);
  }
  return [...byFrame.entries()]
    .sort(([a], [b]) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, ps]) => ps.sort((a, b) => b.hits - a.hits || (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0)).slice(0, n));
}
