// hits.csv rows are written from per-pattern templates (tag/rows.ts hitRowsText): they must be the very
// bytes the generic CSV writer gives for the same cells, also for values that need quoting.
import { expect, test } from 'vitest';
import { formatCsvRows } from '../pipeline/lib/csv.ts';
import type { FrameHit, PatternEntry } from '../pipeline/lib/types.ts';
import { hitRow, hitRowsText } from '../pipeline/tag/rows.ts';

const patterns: PatternEntry[] = [
  { id: 0, frame: 'terrorism', pattern: 'terrorist*', lang: '', note: '', file: 'lexicons/terrorism.csv', line: 4, words: ['terrorist*'] },
  { id: 1, frame: 'foreign_interference', pattern: 'colour revolution', lang: 'en', note: '', file: 'lexicons/a, "b".csv', line: 9, words: ['colour', 'revolution'] },
];

function hit(patternId: number, over: Partial<FrameHit>): FrameHit {
  const p = patterns[patternId];
  return {
    docId: 'doc-1', sentence: 1, tokenStart: 0, tokenEnd: 1, start: 0, end: 10, frame: p.frame, family: 'securitizing', pattern: p.pattern, patternId,
    text: 'terrorists', use: 'asserted', reported: false, quoted: false, negated: false, hedged: false, cue: '', cueStart: -1, speaker: '', ...over,
  };
}

test.each([
  ['plain hits', [hit(0, {}), hit(0, { start: 20, end: 31, text: 'Terrorists', sentence: 2 })]],
  ['cells that need quotes and line breaks folded', [
    hit(1, { text: 'colour\nrevolution', use: 'reported', reported: true, cue: 'said, "officially"', cueStart: 3, speaker: 'Tokayev, K.' }),
    hit(0, { docId: 'doc,2', text: '"terrorists"', use: 'negated', negated: true, cue: 'no\r\nevidence', cueStart: 0 }),
  ]],
  ['a pattern missing from the lexicon', [hit(0, { patternId: 7 })]],
  ['no hits', []],
])('%s', (_what, hits) => {
  expect(hitRowsText(hits, patterns)).toBe(formatCsvRows(hits.map((h) => hitRow(h, patterns[h.patternId]))));
});
