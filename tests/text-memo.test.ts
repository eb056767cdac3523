// The check of a corpus folder remembers each text's hash by the file's identity (ingest/memo.ts): a
// re-run does not read unchanged texts, an edited text is read again, and a remembered hash that is
// wrong cannot slip into the counts — the text is compared with it when a stage reads it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCorpusIndex } from '../pipeline/ingest/read.ts';
import { sha256 } from '../pipeline/lib/io.ts';
import { runCli } from './support/cli.ts';
import { tempDir, writeTree } from './support/fixtures.ts';

const TEXTS = { a: 'Officials said terrorists attacked the city.', b: 'Critics pointed to fuel prices.', c: '   ' };

function corpus(): string {
  return writeTree({
    'metadata.csv': 'doc_id,source,source_type\na,S,media\nb,S,media\nc,S,media\n',
    ...Object.fromEntries(Object.entries(TEXTS).map(([id, t]) => [`texts/${id}.txt`, t])),
  });
}

/** Check the corpus, and keep the memo as a command does once its inputs are accepted. */
function check(dir: string, cache?: string) {
  const index = readCorpusIndex(dir, undefined, cache);
  index.memo?.save();
  return index;
}
const hashes = (dir: string, cache?: string) => check(dir, cache).entries.map((e) => [e.meta.docId, e.textHash, e.chars]);
const rules = (dir: string, cache?: string) => check(dir, cache).diagnostics.map((d) => d.rule);

describe('the memo of checked texts', () => {
  test('a re-run with the memo gives the same index and the same warnings as a check without it', () => {
    const dir = corpus();
    const cache = tempDir();
    const first = hashes(dir, cache);
    expect(readdirSync(join(cache, 'texts'))).toHaveLength(1);
    expect(hashes(dir, cache)).toEqual(first);
    expect(hashes(dir)).toEqual(first);
    expect(first).toEqual(Object.entries(TEXTS).map(([id, t]) => [id, sha256(t), t.length]));
    // The blank text is still reported when its facts come from the memo.
    expect(rules(dir, cache)).toEqual(rules(dir));
    expect(rules(dir, cache)).toContain('corpus/empty-text');
  });

  test('an edited text is read again', () => {
    const dir = corpus();
    const cache = tempDir();
    hashes(dir, cache);
    writeFileSync(join(dir, 'texts/b.txt'), 'Critics pointed to fuel prices and corruption.');
    expect(hashes(dir, cache).find(([id]) => id === 'b')?.[1]).toBe(sha256('Critics pointed to fuel prices and corruption.'));
  });

  test('a command that stops on its inputs keeps no memo', async () => {
    const dir = writeTree({ 'metadata.csv': 'doc_id,source,source_type\na,S,media\nb,S,media\n', 'texts/a.txt': TEXTS.a });
    const cache = tempDir();
    const r = await runCli(['run', '--corpus', dir, '--out', join(tempDir(), 'out'), '--cache', cache, '--no-progress', '--quiet']);
    expect(r.code).toBe(1);
    expect(readdirSync(cache)).toEqual([]);
  });

  test('a damaged memo line is ignored: that text is read', () => {
    const dir = corpus();
    const cache = tempDir();
    const first = hashes(dir, cache);
    const memo = join(cache, 'texts', readdirSync(join(cache, 'texts'))[0]);
    const lines = readFileSync(memo, 'utf8').split('\n');
    writeFileSync(memo, [lines[0], `${lines[1].slice(0, lines[1].indexOf('\t'))}\t["abc`, lines[2].replace(/"[0-9a-f]{64}"/, '"not a hash"'), ...lines.slice(3)].join('\n'));
    expect(hashes(dir, cache)).toEqual(first);
  });

  test('a wrong remembered hash is used by the check but stops the run when the text is read', async () => {
    const dir = corpus();
    const cache = tempDir();
    hashes(dir, cache);
    const memo = join(cache, 'texts', readdirSync(join(cache, 'texts'))[0]);
    writeFileSync(memo, readFileSync(memo, 'utf8').replace(sha256(TEXTS.a), sha256('something else')));
    expect(hashes(dir, cache).find(([id]) => id === 'a')?.[1]).toBe(sha256('something else'));
    const r = await runCli(['run', '--corpus', dir, '--out', join(tempDir(), 'out'), '--cache', cache, '--no-progress', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('corpus/changed-during-run');
  });
});
