// A text edited after the corpus was checked must stop the run, not be counted in its new form: the
// thread that reads it (the main thread, or a tag worker reading it itself) compares it with the hash
// taken at the check.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDocumentText } from '../pipeline/ingest/read.ts';
import { DataError } from '../pipeline/lib/diagnostics.ts';
import { sha256 } from '../pipeline/lib/io.ts';
import { readLexicon } from '../pipeline/lexicon/read.ts';
import { readCues } from '../pipeline/stance/index.ts';
import { createPieceTagger } from '../pipeline/tag/piece.ts';
import { tempDir } from './support/fixtures.ts';

const original = 'Officials said terrorists attacked the city.';

function textFile(): { path: string; textHash: string } {
  const path = join(tempDir(), 'a.txt');
  writeFileSync(path, original);
  return { path, textHash: sha256(original) };
}

function rulesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof DataError) return e.diagnostics.map((d) => d.rule);
    throw e;
  }
  return [];
}

describe('a text read again is checked against its hash', () => {
  test('unchanged: the text comes back', () => {
    const { path, textHash } = textFile();
    expect(readDocumentText({ path, encoding: '', docId: 'a', textHash })).toBe(original);
  });

  test.each([
    ['edited', (path: string) => writeFileSync(path, `${original} More.`)],
    ['emptied', (path: string) => writeFileSync(path, '')],
  ])('%s: corpus/changed-during-run', (_what, edit) => {
    const { path, textHash } = textFile();
    edit(path);
    expect(rulesOf(() => readDocumentText({ path, encoding: '', docId: 'a', textHash }))).toEqual(['corpus/changed-during-run']);
  });

  test('a tag job that reads its own text refuses an edited one', async () => {
    const { path, textHash } = textFile();
    const tag = createPieceTagger({ lexicon: readLexicon('lexicons').lexicon, cues: readCues('lexicons/cues').cues, cacheDir: tempDir() });
    const job = { text: '', source: { path, encoding: '', docId: 'a', textHash }, docId: 'a', lang: 'en' as const, textHash, segment: false };
    expect((await tag(job)).hitCount).toBeGreaterThan(0);
    writeFileSync(path, 'Officials said nothing happened.');
    await expect(tag(job)).rejects.toThrow(DataError);
  });
});
