// lint: every problem as path:line with its rule — errors from the lexicon reader (malformed, one pattern
// in two frames), and warnings for duplicates, redundant words, shadowed, dead and broad patterns, thin
// frames and frames without patterns for a corpus language. Exit 1 on errors (or warnings with --strict).
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './support/cli.ts';
import { tempDir } from './support/fixtures.ts';
import { coderCorpus, coderLexicon, METADATA, TEXTS } from './coder-fixture.ts';

const PATTERNS = [
  'frame,pattern,lang,note',
  'terrorism,terrorist*,en,', // 2: every match taken by `terrorists` (×3) or `terrorist gang*` (×1)
  'terrorism,terrorists,en,', // 3: already matched by terrorist* in the same frame
  'terrorism,terrorist gang*,en,', // 4
  'economic_grievance,gas*,en,', // 5: gas, gasoline, gaskets, gastric, gaston, gasped: six stems
  'economic_grievance,fuel price*,en,', // 6
  'economic_grievance,fuel price*,en,', // 7: duplicate of line 6
  'political_grievance,corruption,en,', // 8
  'security_response,corruption,en,', // 9: the same pattern in a second frame
  'colour_revolution,maidan*,en,', // 10: no match anywhere
  'security_response,***,en,', // 11: malformed
  'foreign_interference,trained abroad,en,', // 12
  'terrorism,террорист*,ru,', // 13
].join('\n') + '\n';

let corpus: string;
const lintArgs = (lexicon: string, extra: string[] = []) => ['lint', '--corpus', corpus, '--lexicon', lexicon, '--out', join(tempDir(), 'out'), '--no-progress', ...extra];

beforeAll(() => {
  corpus = coderCorpus({ ...TEXTS, misc: 'Gasoline, gaskets, gastric pain and Gaston gasped.', 'ru-1': 'Террористы захватили аэропорт.' },
    `${METADATA}misc,Daily,media,2022-01-08,en,Five\nru-1,Vlast,media,2022-01-09,ru,Six\n`);
});

describe('qantar lint', () => {
  let r: Awaited<ReturnType<typeof runCli>>;
  let lexicon: string;
  beforeAll(async () => {
    lexicon = coderLexicon(PATTERNS);
    r = await runCli(lintArgs(lexicon, ['--min-patterns', '2']));
  });
  const line = (file: string, n: number | '', rule: string) => r.stdout.split('\n').find((l) => l.startsWith(`${join(lexicon, file)}${n === '' ? '' : `:${n}`}:`) && l.endsWith(rule));

  test('exits 1 because there are errors', () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lint: \d+ patterns in 1 files, 6 frames, 6 documents → 2 errors, \d+ warnings/);
  });

  test.each([
    ['patterns.csv', 11, 'lexicon/bad-glob', /`\*\*\*` matches any word/],
    ['patterns.csv', 9, 'lexicon/pattern-in-two-frames', /`corruption`.*security_response.*political_grievance/],
    ['patterns.csv', 7, 'lexicon/duplicate-pattern', /fuel price\*/],
    ['patterns.csv', 3, 'lint/redundant', /`terrorists` is already matched by `terrorist\*` \(line 2\)/],
    ['patterns.csv', 2, 'lint/shadowed', /`terrorist\*` \(terrorism\) matches 4 times .* never counts.*`terrorists` \(terrorism\) at line 3 ×3, `terrorist gang\*` \(terrorism\) at line 4 ×1/],
    ['patterns.csv', 10, 'lint/dead', /`maidan\*` \(colour_revolution\) matches nothing in the corpus \(en documents\)/],
    ['patterns.csv', 5, 'lint/broad-glob', /`gas\*` .* 6 word types with 6 different stems.*gas \(2\)/],
    ['frames.csv', 3, 'lint/thin-frame', /`foreign_interference` has only 1 pattern \(fewer than 2\)/],
    ['frames.csv', 3, 'lint/frame-missing-lang', /`foreign_interference` has no patterns for `ru` \(1 document\)/],
  ])('%s:%i %s', (file, n, rule, message) => {
    expect(line(file, n, rule)).toMatch(message);
  });

  test('a frame with patterns for every corpus language is not flagged', () => {
    expect(line('frames.csv', 2, 'lint/frame-missing-lang')).toBeUndefined();
  });

  test('a word with a hit in the corpus is not dead', () => {
    expect(line('patterns.csv', 12, 'lint/dead')).toBeUndefined();
    expect(line('patterns.csv', 13, 'lint/dead')).toBeUndefined();
  });

  test('--skip leaves a check out', async () => {
    const s = await runCli(lintArgs(lexicon, ['--skip', 'dead,broad-glob']));
    expect(s.stdout).not.toMatch(/lint\/dead|lint\/broad-glob/);
    expect(s.stdout).toMatch(/lint\/shadowed/);
  });

  test('an unknown --skip is a usage error', async () => {
    expect((await runCli(lintArgs(lexicon, ['--skip', 'deadish']))).code).toBe(2);
  });
});

describe('exit codes', () => {
  const clean = 'frame,pattern,lang,note\nterrorism,terrorist*,,\n';
  test('warnings alone exit 0', async () => {
    const r = await runCli(lintArgs(coderLexicon(clean)));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lint\/thin-frame/);
  });

  test('--strict turns warnings into exit 1', async () => {
    expect((await runCli(lintArgs(coderLexicon(clean), ['--strict']))).code).toBe(1);
  });

  test('a missing lexicon folder is reported with its path', async () => {
    const r = await runCli(lintArgs(join(tempDir(), 'none')));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/none: error lexicon folder not found/);
  });
});
