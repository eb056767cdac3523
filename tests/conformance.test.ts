// The coders' conformance tables: each row is a sentence and the frames the shipped lexicon must find in
// it (tests/fixtures/conformance*.csv). A failing row is named by its line, so a coder can fix the row or
// the lexicon.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../pipeline/lib/csv.ts';
import type { Lang } from '../pipeline/lib/types.ts';
import { readLexicon } from '../pipeline/lexicon/read.ts';
import { createStanceAnnotator, readCues } from '../pipeline/stance/index.ts';
import { createTagger } from '../pipeline/tag/tagger.ts';
import { tokenizeDocument } from '../pipeline/tokenize/index.ts';

const loaded = readLexicon('lexicons');
const tag = createTagger(loaded.lexicon, createStanceAnnotator(readCues('lexicons/cues').cues));

function framesIn(text: string, lang: Lang): string {
  const doc = tokenizeDocument(text, { docId: 'row', lang, textHash: 'row' });
  return [...new Set(tag(doc, text).map((h) => h.frame))].sort().join(';');
}

test('the shipped lexicon loads without errors', () => {
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

for (const file of ['tests/fixtures/conformance.csv', 'tests/fixtures/conformance-ru.csv']) {
  const rows = parseCsv(readFileSync(file, 'utf8'), file, 'test').records;
  describe(file, () => {
    test.each(rows.map((r) => [`${file}:${r.line}`, r.values] as const))('%s', (_where, row) => {
      const expected = row.expected_frames.split(';').map((s) => s.trim()).filter(Boolean).sort().join(';');
      expect(framesIn(row.text, (row.lang || 'en') as Lang), row.note).toBe(expected);
    });
  });
}
