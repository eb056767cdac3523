// Offsets always slice back to the token text, over nasty strings (NBSP, CRLF, tabs, emoji, curly quotes,
// «ёлочки», combining marks, zero-width joiners), for each tokenizer.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import type { Lang } from '../pipeline/lib/types.ts';
import { offsetsSliceBack, SEED } from './support/properties.ts';

describe.each<Lang>(['en', 'ru', 'kk'])('the %s tokenizer', (lang) => {
  test('gives offsets that slice back to each token', () => {
    fc.assert(offsetsSliceBack(lang), { seed: SEED, numRuns: 300 });
  });
});
