// Big texts are checked and hashed in pieces at ingest; the pieces must give the hash, length and
// emptiness of the whole decoded text, wherever the piece boundaries fall (inside emoji, after a BOM).
import fc from 'fast-check';
import { test } from 'vitest';
import { tempDir } from './support/fixtures.ts';
import { SEED, streamedHashAgrees } from './support/properties.ts';

test('hashing a text in pieces equals hashing it whole', () => {
  fc.assert(streamedHashAgrees(tempDir()), { seed: SEED, numRuns: 500 });
});
