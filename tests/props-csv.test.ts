// CSV read ∘ write is the identity for arbitrary field contents (quotes, commas, semicolons, CR, LF,
// emoji, combining marks, BOMs inside values), and every record's line is the line where it starts.
import fc from 'fast-check';
import { test } from 'vitest';
import { csvRoundTrip, SEED } from './support/properties.ts';

test('parseCsv(formatCsv(rows)) gives back every row with content, at its line', () => {
  fc.assert(csvRoundTrip(), { seed: SEED, numRuns: 500 });
});
