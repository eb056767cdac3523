// Count tables for figure and report tests, built through the count stage's own pure functions from a few
// documents described inline, so the figure and report stages are tested on tables of the real shape
// without running ingest, tokenize and tag.
import { analyseGroups, comparisonRows, COMPARISON_COLUMNS, COUNTS_BY_DOC_COLUMNS, COUNTS_BY_GROUP_COLUMNS, countsByDocRows, countsByGroupRows } from '../../pipeline/count/tables.ts';
import { createTally, storeOf, USE_INDEX } from '../../pipeline/count/tally.ts';
import { createContext, type Options } from '../../pipeline/lib/context.ts';
import { formatCsv } from '../../pipeline/lib/csv.ts';
import { USES, type Family, type Frame, type Use } from '../../pipeline/lib/types.ts';
import { documentColumns, HIT_COLUMNS, MOVE_COLUMNS } from '../../pipeline/tag/rows.ts';
import { Writable } from 'node:stream';
import { writeTree } from './fixtures.ts';

export const TEST_FRAMES: Frame[] = ([
  ['terrorism', 'securitizing', 'Terrorism'],
  ['foreign_interference', 'securitizing', 'Foreign interference'],
  ['colour_revolution', 'securitizing', 'Colour revolution / orchestrated overthrow'],
  ['economic_grievance', 'grievance', 'Economic grievance'],
  ['political_grievance', 'grievance', 'Political grievance'],
  ['security_response', 'other', 'Security response'],
] as const).map(([frame, family, label], i) => ({ frame, family: family as Family, label, description: '', line: i + 2 }));

export interface TestDoc {
  id: string;
  group: string;
  date?: string;
  lang?: string;
  words: number;
  title?: string;
  source?: string;
  /** Hits as [frame, use, pattern, text]. */
  hits?: [string, Use, string, string][];
}

/** Write documents.csv, hits.csv, moves.csv, counts_by_doc.csv, counts_by_group.csv and comparison.csv. */
export function writeTables(docs: readonly TestDoc[], opts: { seed?: number; reps?: number; frames?: Frame[] } = {}): string {
  const frames = opts.frames ?? TEST_FRAMES;
  const frameIndex = new Map(frames.map((f, i) => [f.frame, i]));
  const tallies = docs.map((d) => {
    const t = createTally(d.id, d.group, d.lang ?? 'en', d.words, frames.length);
    for (const [frame, use] of d.hits ?? []) t.counts[frameIndex.get(frame)! * USES.length + USE_INDEX.get(use)!]++;
    return t;
  });
  const o = { frames, comparisonUses: [0], seed: opts.seed ?? 7, reps: opts.reps ?? 200, permutations: 99 };
  const store = storeOf(tallies, frames.length);
  const results = analyseGroups(store, o);
  const family = (f: string) => frames[frameIndex.get(f)!].family;
  const hitRows = docs.flatMap((d) => (d.hits ?? []).map(([frame, use, pattern, text], i) =>
    [d.id, 1, i * 10, i * 10 + text.length, frame, family(frame), pattern, text, use, false, false, false, false, '', '', '', 'x.csv:2']));
  return writeTree({
    'documents.csv': formatCsv(documentColumns([]), docs.map((d) => [d.id, d.source ?? 'Src', d.group, d.date ?? '', d.lang ?? 'en', d.title ?? '', '', `texts/${d.id}.txt`, 'utf-8', 'abc', d.words * 6, 3, d.words + 5, d.words])),
    'hits.csv': formatCsv(HIT_COLUMNS, hitRows),
    'moves.csv': formatCsv(MOVE_COLUMNS, []),
    'counts_by_doc.csv': formatCsv(COUNTS_BY_DOC_COLUMNS, countsByDocRows(store, frames)),
    'counts_by_group.csv': formatCsv(COUNTS_BY_GROUP_COLUMNS, countsByGroupRows(results, frames)),
    'comparison.csv': formatCsv(COMPARISON_COLUMNS, comparisonRows(store, results, o, 'asserted')),
  });
}

class Sink extends Writable {
  text = '';
  _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

export function testContext(over: Partial<Options> = {}) {
  const options: Options = {
    corpus: 'corpus', lexicon: 'lexicons', out: 'out', cache: 'out/.cache', by: 'source_type', uses: ['asserted'], seed: 7, reps: 200,
    permutations: 99, strict: false, workers: 1, progress: false, quiet: true, figures: true, ...over,
  };
  return createContext(options, new Sink(), new Sink());
}

/** A small corpus of three groups, two languages, one month-only and one undated document. */
export function sampleDocs(): TestDoc[] {
  const sec = (n: number, use: Use = 'asserted'): TestDoc['hits'] => Array.from({ length: n }, () => ['terrorism', use, 'terror*', 'terrorists']);
  const griev = (n: number): TestDoc['hits'] => Array.from({ length: n }, () => ['economic_grievance', 'asserted', 'gas price*', 'gas prices']);
  return [
    { id: 'kz-1', group: 'official-kz', date: '2022-01-05', words: 400, hits: [...sec(6)!, ...griev(1)!] },
    { id: 'kz-2', group: 'official-kz', date: '2022-01-07', lang: 'ru', words: 300, hits: [...sec(5)!, ['foreign_interference', 'asserted', 'из-за рубеж*', 'из-за рубежа']] },
    { id: 'kz-3', group: 'official-kz', date: '2022-01', words: 250, hits: sec(2) },
    { id: 'bbc-1', group: 'media-international', date: '2022-01-04', words: 500, hits: [...sec(2, 'reported')!, ...sec(1, 'quoted')!, ...griev(6)!] },
    { id: 'bbc-2', group: 'media-international', date: '2022-01-08', words: 450, hits: [...sec(1)!, ...griev(4)!] },
    { id: 'hrw-1', group: 'ngo', date: '2022-01-12', words: 600, hits: [...sec(3, 'negated')!, ...sec(1, 'hedged')!, ...griev(2)!, ['security_response', 'asserted', 'curfew', 'curfew']] },
    { id: 'hrw-2', group: 'ngo', words: 350, hits: griev(1) },
  ];
}
