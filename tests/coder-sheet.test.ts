// sheet: stratified samples of sentences (group × lexicon hit / no hit), identical sheets per coder,
// stable unit ids, blind columns, the design sidecar, and the guard against overwriting coded sheets.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRng } from '../pipeline/count/rng.ts';
import { allocate, drawSample } from '../pipeline/coder/sheet/sample.ts';
import { parseUnitId } from '../pipeline/coder/sheet/units.ts';
import { runCli } from './support/cli.ts';
import { tempDir } from './support/fixtures.ts';
import { coderCorpus, coderLexicon, readRows, TEXTS } from './coder-fixture.ts';

describe('allocate', () => {
  test.each([
    // proportional: exact shares 1, 3, 6
    [[10, 30, 60], 10, 'proportional', [1, 3, 6]],
    // 3.33 each: floors 3, 3, 3; the one left over goes to the first of the tied remainders
    [[5, 5, 5], 10, 'proportional', [4, 3, 3]],
    // 0.1 and 9.9: the larger remainder gets the last unit
    [[1, 99], 10, 'proportional', [0, 10]],
    // asking for more than there is takes everything
    [[2, 3], 10, 'proportional', [2, 3]],
    // equal: 4 each, the small stratum gives its unused 2 to the others
    [[2, 50, 50], 12, 'equal', [2, 5, 5]],
    [[0, 7], 3, 'equal', [0, 3]],
  ] as const)('sizes %j, n %i, %s → %j', (sizes, n, how, expected) => {
    expect(allocate(sizes, n, how)).toEqual(expected);
  });
});

describe('drawSample', () => {
  test('draws k distinct members in their original order, the same for the same seed', () => {
    const members = Array.from({ length: 50 }, (_, i) => i);
    const a = drawSample(members, 10, createRng(7));
    expect(new Set(a).size).toBe(10);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(drawSample(members, 10, createRng(7))).toEqual(a);
  });
});

describe('qantar sheet', () => {
  let corpus: string;
  let lexicon: string;
  let dir: string;
  let first: Awaited<ReturnType<typeof runCli>>;
  const args = (extra: string[] = []) => ['sheet', '--corpus', corpus, '--lexicon', lexicon, '--out', join(dir, 'out'), '--dir', dir, '--no-progress', ...extra];

  beforeAll(async () => {
    corpus = coderCorpus();
    lexicon = coderLexicon();
    dir = tempDir();
    first = await runCli(args(['--sample', '6', '--seed', '7', '--coders', '2']));
  });

  test('writes one identical sheet per coder and a design file', () => {
    expect(first.code).toBe(0);
    const a = readFileSync(join(dir, 'sample-coder1.csv'), 'utf8');
    expect(readFileSync(join(dir, 'sample-coder2.csv'), 'utf8')).toBe(a);
    expect(readRows(join(dir, 'sample-coder1.csv'))).toHaveLength(6);
  });

  test('samples each stratum in proportion, and records the strata and the seed', () => {
    const design = JSON.parse(readFileSync(join(dir, 'sample.design.json'), 'utf8'));
    expect(design.seed).toBe(7);
    // By hand: official has 4 hit / 2 no-hit sentences, media 5 hit / 1 no-hit (12 in all). For 6: exact
    // shares 0.5, 2.5, 1, 2 → floors 0, 2, 1, 2 and the tied remainder goes to the first stratum.
    expect(design.strata.map((s: Record<string, unknown>) => [s.group, s.lexicon_hit, s.sentences, s.sampled])).toEqual([
      ['media', false, 1, 1], ['media', true, 5, 2], ['official', false, 2, 1], ['official', true, 4, 2],
    ]);
    const rows = readRows(join(dir, 'sample-coder1.csv'));
    // The one media no-hit sentence is the excluded "gas station" one, so it must be in the sample.
    expect(rows.some((r) => r.text === 'The gas station on the corner was closed.')).toBe(true);
  });

  test('is blind: frame and use columns are empty and nothing shows what the lexicon found', () => {
    const text = readFileSync(join(dir, 'sample-coder1.csv'), 'utf8');
    const header = text.split('\n')[0].split(',');
    expect(header).toEqual(['unit_id', 'doc_id', 'source', 'date', 'previous', 'text', 'next',
      'terrorism', 'terrorism_use', 'foreign_interference', 'foreign_interference_use', 'colour_revolution', 'colour_revolution_use',
      'economic_grievance', 'economic_grievance_use', 'political_grievance', 'political_grievance_use', 'security_response', 'security_response_use',
      'note', 'sentence', 'text_sha256']);
    for (const r of readRows(join(dir, 'sample-coder1.csv'))) {
      for (const h of header.slice(7, 19)) expect(r[h]).toBe('');
    }
    expect(text).not.toMatch(/terrorist\*|gas price\*|patterns\.csv/);
  });

  test('unit ids name the document, the sentence and a hash of its text; text_sha256 is the document hash', () => {
    for (const r of readRows(join(dir, 'sample-coder1.csv'))) {
      const id = parseUnitId(r.unit_id)!;
      expect(id.docId).toBe(r.doc_id);
      expect(String(id.sentence)).toBe(r.sentence);
      expect(id.hash).toBe(createHash('sha256').update(r.text).digest('hex').slice(0, 8));
      expect(r.text_sha256).toBe(createHash('sha256').update(TEXTS[r.doc_id]).digest('hex'));
      expect(TEXTS[r.doc_id]).toContain(r.text);
    }
  });

  test('shows the sentences before and after', () => {
    const row = readRows(join(dir, 'sample-coder1.csv')).find((r) => r.text.startsWith('The gas station'))!;
    expect([row.previous, row.next]).toEqual(['Protesters demanded lower gas prices.', 'Nobody spoke of terrorists then.']);
  });

  test('the same seed gives the same bytes', async () => {
    const again = tempDir();
    const r = await runCli(['sheet', '--corpus', corpus, '--lexicon', lexicon, '--out', join(again, 'out'), '--dir', again, '--sample', '6', '--seed', '7', '--coders', '2']);
    expect(r.code).toBe(0);
    for (const f of ['sample-coder1.csv', 'sample.design.json']) expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(dir, f), 'utf8'));
  });

  test('never overwrites sheets (they may be coded) unless --force', async () => {
    writeFileSync(join(dir, 'keep-coder1.csv'), 'coded');
    const r = await runCli(args(['--sample', '3', '--name', 'keep']));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/keep-coder1\.csv` already exists/);
    expect(readFileSync(join(dir, 'keep-coder1.csv'), 'utf8')).toBe('coded');
  });

  test('a sample larger than the corpus takes every sentence and says so', async () => {
    const r = await runCli(args(['--sample', '100', '--name', 'all']));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/only 12 sentences/);
    expect(readRows(join(dir, 'all-coder1.csv'))).toHaveLength(12);
  });

  test.each([
    [['--sample', '0'], /--sample must be a whole number ≥ 1/],
    [['--sample', '5', '--coders', '0'], /--coders must be a whole number from 1 to 50/],
    [['--sample', '5', '--by', 'colour', '--name', 'by'], /--by `colour` is not a metadata column/],
    [['--sample', '5', '--name', 'a/b'], /--name `a\/b` may hold only/],
  ])('%j is a usage error (exit 2)', async (extra, message) => {
    const r = await runCli(args(extra));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
