// The matcher against a deliberately naive reference (tests/support/reference.ts) on random token streams
// and random lexicons: the same hits, always. Seeded and small here; `npm run props` runs many more.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import type { Lang } from '../pipeline/lib/types.ts';
import { globAgrees, matcherAgrees, SEED } from './support/properties.ts';

describe.each<Lang>(['en', 'ru'])('the matcher agrees with the naive reference (%s)', (lang) => {
  test('on random lexicons and token streams', () => {
    fc.assert(matcherAgrees(lang), { seed: SEED, numRuns: 300 });
  });
});

test('globMatch agrees with a regular-expression glob on random strings', () => {
  fc.assert(globAgrees(), { seed: SEED, numRuns: 2000 });
});
