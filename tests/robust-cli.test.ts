// Bad usage stops before any work with exit 2, a message that says what to change, no stack trace, and
// nothing written: not to out/, and never to the corpus or lexicon folders.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './support/cli.ts';
import { failureProblem, fingerprint, writeCase } from './support/robust.ts';

/** [what, argv (with <root> for the case folder), text the message must contain] */
const CASES: [string, string[], string][] = [
  ['an unknown flag', ['run', '--frobnicate'], 'Unknown argument: frobnicate'],
  ['an unknown command', ['frobnicate'], 'unknown command `frobnicate`'],
  ['a misspelt command', ['rnu'], 'did you mean `run`?'],
  ['an extra word', ['run', 'everything'], 'Unknown argument: everything'],
  ['--out naming the corpus folder', ['run', '--out', '<root>/corpus'], '--out `<root>/corpus` overlaps --corpus'],
  ['--out inside the corpus folder', ['run', '--out', '<root>/corpus/results'], 'overlaps --corpus'],
  ['--out naming the lexicon folder', ['run', '--out', '<root>/lex'], 'overlaps --lexicon'],
  ['--out holding the corpus folder', ['run', '--out', '<root>'], 'overlaps --corpus'],
  ['--out through a link into the corpus', ['run', '--out', '<root>/link/out'], 'overlaps --corpus'],
  ['--cache inside the lexicon folder', ['run', '--cache', '<root>/lex/cache'], '--cache `<root>/lex/cache` overlaps --lexicon'],
  ['--out naming a file', ['run', '--out', '<root>/file.txt'], 'is a file'],
  ['--out empty', ['run', '--out', ''], '--out needs a folder path'],
  ['--out without a value', ['run', '--out'], 'Not enough arguments following: out'],
  ['--out given twice', ['run', '--out', '<root>/a', '--out', '<root>/b'], '--out is given 2 times'],
  ['--reps not a number', ['run', '--reps', 'many'], '--reps must be a whole number'],
  ['--reps negative', ['run', '--reps', '-5'], 'got `-5`'],
  ['--reps fractional', ['run', '--reps', '2.5'], 'got `2.5`'],
  ['--reps absurdly large', ['run', '--reps', '1e12'], 'from 0 to 1,000,000'],
  ['--seed negative', ['run', '--seed', '-1'], '--seed must be a whole number'],
  ['--permutations too many', ['run', '--permutations', '99999999'], '--permutations must be a whole number'],
  ['--workers too many', ['run', '--workers', '100000'], '--workers must be a whole number'],
  ['--uses unknown', ['run', '--uses', 'asserted,bogus'], 'unknown use `bogus`'],
  ['--by empty', ['run', '--by', ''], '--by needs a metadata column name'],
];

describe('bad usage is refused with exit 2 before anything is read or written', () => {
  test.each(CASES)('%s', async (_what, argv, text) => {
    const root = writeCase({ 'file.txt': 'not a folder' });
    symlinkSync(join(root, 'corpus'), join(root, 'link'));
    const folders = ['corpus', 'lex', 'out'].map((f) => fingerprint(join(root, f)));
    const sub = (s: string) => s.replaceAll('<root>', root);
    const given = new Set(argv);
    const defaults = [['--corpus', 'corpus'], ['--lexicon', 'lex'], ['--out', 'out']].filter(([flag]) => !given.has(flag)).flatMap(([flag, f]) => [flag, join(root, f)]);
    const r = await runCli([...argv.map(sub), ...defaults]);
    expect(failureProblem(r, 2)).toBeUndefined();
    expect(r.stderr).toContain(sub(text));
    expect(['corpus', 'lex', 'out'].map((f) => fingerprint(join(root, f)))).toEqual(folders);
  });

  test('a usage error is reported before the data is read', async () => {
    const root = writeCase({ 'corpus/metadata.csv': 'garbage' });
    const r = await runCli(['run', '--corpus', join(root, 'corpus'), '--lexicon', join(root, 'lex'), '--out', join(root, 'out'), '--reps', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('corpus/');
  });

  test('--help is not an error', async () => {
    const r = await runCli(['run', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--out');
  });

  test('an --out folder that does not exist yet is fine', async () => {
    const root = writeCase();
    writeFileSync(join(root, 'corpus/texts/a.txt'), 'Terrorists.');
    const r = await runCli(['ingest', '--corpus', join(root, 'corpus'), '--lexicon', join(root, 'lex'), '--out', join(root, 'new/deeper/out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(fingerprint(join(root, 'new/deeper/out')))).toEqual(['documents.csv']);
  });
});
