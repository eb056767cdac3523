// The counts always sum: per-group totals are the sums of per-document counts, per-document counts are
// the rows of hits.csv, the comparison adds up its families, and the manifest agrees — on random tallies
// (many) and on random corpora run through the whole pipeline (a few; `npm run props` runs more).
import fc from 'fast-check';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from './support/fixtures.ts';
import { SEED } from './support/properties.ts';
import { runIn, writeCase } from './support/robust.ts';
import { checkCountsSum, corpusArb, tallySums } from './support/sums.ts';

test('the count tables of random tallies sum', () => {
  fc.assert(tallySums(tempDir()), { seed: SEED, numRuns: 200 });
});

test('a run on random corpora writes tables that sum, down to the rows of hits.csv', async () => {
  await fc.assert(fc.asyncProperty(corpusArb, async (files) => {
    const root = writeCase(files);
    const r = await runIn(root, 'run');
    expect(r.code, r.stderr).toBe(0);
    checkCountsSum(join(root, 'out'));
  }), { seed: SEED, numRuns: 4 });
}, 120_000);
