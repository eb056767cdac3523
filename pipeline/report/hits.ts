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

/**
 * One document's (or one segment's) hits, summarised: what the report needs of them, small enough to be
 * sent from a worker instead of the hits. Keys keep the order in which hits first showed them.
 */
export interface HitPartial {
  byUse: [string, number][];
  byFamily: [string, number][];
  /** frame, pattern, hits, and the matched forms (lowercased, spaces folded) with their counts. */
  patterns: [string, string, number, [string, number][]][];
}

export function summarizeHits(hits: readonly HitLike[]): HitPartial {
  const byUse = new Map<string, number>();
  const byFamily = new Map<string, number>();
  // frame → pattern → tally: looked up by strings that are hashed already (no key built per hit). The
  // matched texts are counted as they are and folded into forms once per distinct text, at the end.
  const byFrame = new Map<string, Map<string, { frame: string; pattern: string; hits: number; texts: Map<string, number> }>>();
  const patterns: { frame: string; pattern: string; hits: number; texts: Map<string, number> }[] = [];
  for (const h of hits) {
    bump(byUse, h.use);
    bump(byFamily, h.family);
    let inFrame = byFrame.get(h.frame);
    if (!inFrame) byFrame.set(h.frame, (inFrame = new Map()));
    let p = inFrame.get(h.pattern);
    if (!p) {
      inFrame.set(h.pattern, (p = { frame: h.frame, pattern: h.pattern, hits: 0, texts: new Map() }));
      patterns.push(p);
    }
    p.hits++;
    bump(p.texts, h.text);
  }
  // Texts in order of first appearance, so each form keeps the place of the first hit that showed it.
  const formsOf = (texts: Map<string, number>): [string, number][] => {
    const forms = new Map<string, number>();
    for (const [text, n] of texts) bump(forms, text.replace(/\s+/gu, ' ').toLowerCase(), n);
    return [...forms];
  };
  return { byUse: [...byUse], byFamily: [...byFamily], patterns: patterns.map((p) => [p.frame, p.pattern, p.hits, formsOf(p.texts)]) };
}

/** Accumulates the summary document by document, in hits.csv order, so `run` and the report stage agree exactly. */
export function createHitSummarizer() {
  const s: HitSummary = { total: 0, byUse: new Map(), byFamily: new Map(), patterns: [], moves: 0 };
  const tallies = new Map<string, PatternTally>();
  return {
    /** The hits of one document, or of one segment of it (a document's segments come one after another). */
    addPartial(docId: string, part: HitPartial): void {
      for (const [use, n] of part.byUse) bump(s.byUse, use, n);
      for (const [family, n] of part.byFamily) {
        bump(s.byFamily, family, n);
        s.total += n;
      }
      for (const [frame, pattern, hits, forms] of part.patterns) {
        const key = `${frame}\u0000${pattern}`;
        let t = tallies.get(key);
        if (!t) tallies.set(key, (t = { frame, pattern, hits: 0, docs: 0, lastDoc: '', forms: new Map() }));
        t.hits += hits;
        if (t.lastDoc !== docId) {
          t.docs++;
          t.lastDoc = docId;
        }
        for (const [form, n] of forms) bump(t.forms, form, n);
      }
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
  // hits.csv holds each document's hits together: summarised a document at a time.
  let doc = '';
  let hits: HitLike[] = [];
  const flush = () => {
    if (hits.length) sum.addPartial(doc, summarizeHits(hits));
    hits = [];
  };
  await readCsvRows(join(dir, 'hits.csv'), ['doc_id', 'frame', 'family', 'pattern', 'text', 'use'], ({ values: v }) => {
    if (v.doc_id !== doc) {
      flush();
      doc = v.doc_id;
    }
    hits.push({ docId: v.doc_id, frame: v.frame, family: v.family, pattern: v.pattern, text: v.text, use: v.use });
  }, 'qantar tag');
  flush();
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
