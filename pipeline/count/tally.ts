// Per-document tallies: hits by frame × use, words, moves. A document's tally is built as a small record
// (DocTally) and then stored in a TallyStore, which keeps every document of the corpus in a few typed
// arrays — words, moves, group and language ids, and the non-zero cells — so that a corpus of millions
// of documents costs tens of bytes per document, and the bootstrap reads memory in order.
import { grow, Pool } from '../lib/columns.ts';
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

/** The rows of the count tables per frame: `all` uses, then each use. */
export const USE_ROWS = ['all', ...USES] as const;

export function createTally(docId: string, group: string, lang: string, words: number, frameCount: number): DocTally {
  return { docId, group, lang, words, counts: new Int32Array(frameCount * USES.length), moves: 0 };
}

export function addHits(t: DocTally, hits: readonly Pick<FrameHit, 'frame' | 'use'>[], frameIndex: ReadonlyMap<string, number>): void {
  for (const h of hits) t.counts[frameIndex.get(h.frame)! * USES.length + USE_INDEX.get(h.use)!]++;
}

export function per1k(hits: number, words: number): number {
  return words > 0 ? (1000 * hits) / words : hits === 0 ? 0 : NaN;
}

/**
 * Every document's tally, in the order added (corpus order). A document's non-zero cells are stored as
 * [slot, count] pairs in the layout of a group's per-use sums, slot = f * USE_ROWS.length + u + 1 (the
 * `all` row, slot f * USE_ROWS.length, is derived from the sums): the bootstrap adds these pairs hundreds
 * of times per document, one addition per pair. Counts are whole numbers, so no order of additions
 * changes a sum.
 */
export class TallyStore {
  readonly frameCount: number;
  size = 0;
  readonly docIds: string[] = [];
  /** The groups and languages, numbered in order of first appearance. */
  readonly groups = new Pool();
  readonly langs = new Pool();
  group = new Int32Array(1024);
  lang = new Uint16Array(1024);
  words = new Float64Array(1024);
  moves = new Int32Array(1024);
  /** Cells of document d are cells[2 * cellStart[d] … 2 * cellStart[d + 1]). */
  cellStart = new Int32Array(1025);
  cells = new Int32Array(4096);

  constructor(frameCount: number) {
    this.frameCount = frameCount;
  }

  add(t: DocTally): number {
    const d = this.size++;
    this.group = grow(this.group, this.size);
    this.lang = grow(this.lang, this.size);
    this.words = grow(this.words, this.size);
    this.moves = grow(this.moves, this.size);
    this.cellStart = grow(this.cellStart, this.size + 1);
    this.docIds.push(t.docId);
    this.group[d] = this.groups.id(t.group);
    this.lang[d] = this.langs.id(t.lang);
    this.words[d] = t.words;
    this.moves[d] = t.moves;
    let k = this.cellStart[d];
    for (let i = 0; i < t.counts.length; i++) {
      if (t.counts[i] === 0) continue;
      this.cells = grow(this.cells, 2 * k + 2);
      this.cells[2 * k] = Math.floor(i / USES.length) * USE_ROWS.length + (i % USES.length) + 1;
      this.cells[2 * k + 1] = t.counts[i];
      k++;
    }
    this.cellStart[d + 1] = k;
    return d;
  }

  groupOf(d: number): string {
    return this.groups.values[this.group[d]];
  }

  langOf(d: number): string {
    return this.langs.values[this.lang[d]];
  }

  /** Document d's hits per frame × use (USES layout, as in DocTally.counts), written into `into`. */
  countsOf(d: number, into = new Int32Array(this.frameCount * USES.length)): Int32Array {
    into.fill(0);
    for (let j = 2 * this.cellStart[d]; j < 2 * this.cellStart[d + 1]; j += 2) {
      const slot = this.cells[j];
      into[Math.floor(slot / USE_ROWS.length) * USES.length + (slot % USE_ROWS.length) - 1] = this.cells[j + 1];
    }
    return into;
  }

  /** Document d's hits in the frames of a family, over a set of uses. */
  familyHits(d: number, frames: readonly Frame[], family: Family, uses: readonly number[]): number {
    let n = 0;
    for (let j = 2 * this.cellStart[d]; j < 2 * this.cellStart[d + 1]; j += 2) {
      const slot = this.cells[j];
      const f = Math.floor(slot / USE_ROWS.length);
      if (frames[f].family === family && uses.includes((slot % USE_ROWS.length) - 1)) n += this.cells[j + 1];
    }
    return n;
  }
}

/** A store holding the given tallies, in order. */
export function storeOf(tallies: Iterable<DocTally>, frameCount: number): TallyStore {
  const store = new TallyStore(frameCount);
  for (const t of tallies) store.add(t);
  return store;
}
