// kwic: hits of a frame or an ad hoc pattern in context, sorted by date then document then offset; the
// CSV coding sheet that evaluate reads back; usage errors and the guard against overwriting a sheet.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { KWIC_COLUMNS } from '../pipeline/coder/kwic/rows.ts';
import { runCli } from './support/cli.ts';
import { tempDir } from './support/fixtures.ts';
import { coderCorpus, coderLexicon, readRows, TEXTS } from './coder-fixture.ts';

let corpus: string;
let lexicon: string;
let work: string;
const base = () => ['--corpus', corpus, '--lexicon', lexicon, '--out', join(work, 'out'), '--no-progress'];

beforeAll(() => {
  corpus = coderCorpus();
  lexicon = coderLexicon();
  work = tempDir();
});

describe('kwic --frame', () => {
  test('lists every hit of the frame, sorted by date, then document, then offset', async () => {
    const r = await runCli(['kwic', '--frame', 'terrorism', ...base()]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // terrorist* hits once per document; dates: paper-1 01-04, gov-1 01-05, paper-2 01-06, gov-2 01-07.
    expect(lines.map((l) => l.split(/\s+/)[1])).toEqual(['paper-1', 'gov-1', 'paper-2', 'gov-2']);
    expect(lines[0]).toContain('[terrorists]');
    expect(r.stderr).toMatch(/kwic: frame terrorism → 4 hits in 4 documents/);
  });

  test.each([
    [['--window', '2'], 'spoke of', 'then.'],
    [['--window', '4'], 'closed. Nobody spoke of', 'then.'],
    [['--window', '1'], 'of', 'then'],
    [['--sentence'], 'Nobody spoke of', 'then.'],
  ])('context %j: left and right of the match', async (opts, left, right) => {
    const r = await runCli(['kwic', '--frame', 'terrorism', '--format', 'csv', ...opts, ...base()]);
    const row = readCsvText(r.stdout).find((x) => x.doc_id === 'paper-1')!;
    expect(row.left).toBe(left);
    expect(row.match).toBe('terrorists');
    expect(row.right).toBe(right);
  });

  test('the CSV sheet has the fixed columns, empty judgement columns, and offsets that point at the match', async () => {
    const sheet = join(work, 'kwic-terrorism.csv');
    const r = await runCli(['kwic', '--frame', 'terrorism', '--csv', sheet, ...base()]);
    expect(r.code).toBe(0);
    expect(readFileSync(sheet, 'utf8').split('\n')[0]).toBe(KWIC_COLUMNS.join(','));
    for (const row of readRows(sheet)) {
      expect([row.correct, row.correct_use, row.note]).toEqual(['', '', '']);
      expect(TEXTS[row.doc_id].slice(Number(row.start), Number(row.end))).toBe(row.match);
      expect(row.hit_id).toBe(`${row.doc_id}:${row.start}-${row.end}`);
      expect(row.pattern).toBe('terrorist*');
      expect(row.lexicon).toMatch(/patterns\.csv:2$/);
      expect(row.text_sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test('the same command writes the same bytes twice', async () => {
    const a = await runCli(['kwic', '--frame', 'terrorism', '--format', 'csv', ...base()]);
    const b = await runCli(['kwic', '--frame', 'terrorism', '--format', 'csv', ...base()]);
    expect(a.stdout).toBe(b.stdout);
  });

  test('refuses to overwrite an existing sheet without --force, and replaces it with --force', async () => {
    const sheet = join(work, 'filled.csv');
    writeFileSync(sheet, 'coder work');
    const r = await runCli(['kwic', '--frame', 'terrorism', '--csv', sheet, ...base()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists and may hold a coder's work/);
    expect(readFileSync(sheet, 'utf8')).toBe('coder work');
    expect((await runCli(['kwic', '--frame', 'terrorism', '--csv', sheet, '--force', ...base()])).code).toBe(0);
    expect(readFileSync(sheet, 'utf8')).toMatch(/^hit_id,/);
  });

  test('never writes a sheet into the corpus folder', async () => {
    const r = await runCli(['kwic', '--frame', 'terrorism', '--csv', join(corpus, 'sheet.csv'), ...base()]);
    expect(r.code).toBe(2);
    expect(existsSync(join(corpus, 'sheet.csv'))).toBe(false);
  });
});

describe('kwic <pattern>', () => {
  test('matches an ad hoc pattern and says what the live lexicon does at each match', async () => {
    const r = await runCli(['kwic', 'gas', '--format', 'csv', ...base()]);
    const rows = readCsvText(r.stdout);
    // `gas` occurs twice, both in paper-1: in "gas prices" (claimed by gas price*) and "gas station" (excluded).
    expect(rows.map((x) => [x.match, x.frame, x.lexicon])).toEqual([
      ['gas', '', 'economic_grievance:gas price*'],
      ['gas', '', 'excluded:gas station*'],
    ]);
  });

  test('with --frame, the ad hoc hits are marked as that frame for judging', async () => {
    const r = await runCli(['kwic', 'peacekeeping troop*', '--frame', 'security_response', '--format', 'csv', ...base()]);
    const rows = readCsvText(r.stdout);
    expect(rows.map((x) => [x.doc_id, x.match, x.frame, x.pattern])).toEqual([['gov-2', 'peacekeeping troops', 'security_response', 'peacekeeping troop*']]);
  });

  test.each([
    [['kwic'], /name a pattern .* or a frame/],
    [['kwic', '--frame', 'terorism'], /--frame `terorism` is not a frame of the lexicon; expected one of: terrorism,/],
    [['kwic', '*'], /malformed pattern `\*`/],
    [['kwic', 'x', '--window', '-1'], /--window must be a whole number/],
    [['kwic', 'x', '--lang', 'de'], /--lang `de` is not supported/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const r = await runCli([...argv, ...base()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('--help describes the command', async () => {
    const r = await runCli(['kwic', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--window/);
    expect(r.stdout).toMatch(/coding sheet/);
  });
});

function readCsvText(text: string): Record<string, string>[] {
  const p = join(tempDir(), 'x.csv');
  writeFileSync(p, text);
  return readRows(p);
}
