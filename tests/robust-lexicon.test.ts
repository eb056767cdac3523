// Broken lexicons through the CLI: each stops the run with exit 1, `file:line` and the rule, no stack
// trace, and out/ untouched. Unit checks pin the pattern-word rules and the cross-file conflicts.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkPatternWord, parsePatterns, validatePatterns } from '../pipeline/lexicon/parse.ts';
import { FRAMES_CSV } from './support/fixtures.ts';
import { failureProblem, findDiagnostic, fingerprint, PATTERNS_CSV, runIn, writeCase } from './support/robust.ts';

const HEAD = 'frame,pattern,lang,note\n';
type Files = Record<string, string | Uint8Array | null>;

const CASES: [string, Files, [string, string, string][]][] = [
  ['frames.csv missing', { 'lex/frames.csv': null }, [['lex/frames.csv', 'lexicon/no-frames', 'missing']]],
  ['no pattern files', { 'lex/patterns.csv': null }, [['lex', 'lexicon/no-patterns', 'no pattern files']]],
  ['an unknown frame', { 'lex/patterns.csv': `${HEAD}terorism,terror*,,\n` }, [['lex/patterns.csv:2', 'lexicon/unknown-frame', 'terorism']]],
  ['an unknown family', { 'lex/frames.csv': 'frame,family\nterrorism,securitising\nsecurity_response,other\n', 'lex/patterns.csv': `${HEAD}terrorism,terror*,,\nsecurity_response,curfew,,\n` },
    [['lex/frames.csv:2', 'lexicon/unknown-family', 'securitising']]],
  ['a malformed frame id', { 'lex/frames.csv': `${FRAMES_CSV}Bad Frame,other,,\n` }, [['lex/frames.csv:8', 'lexicon/bad-frame-id', 'Bad Frame']]],
  ['a frame declared twice', { 'lex/frames.csv': `${FRAMES_CSV}terrorism,other,,\n` }, [['lex/frames.csv:8', 'lexicon/duplicate-frame', 'line 2']]],
  ['an empty or whitespace-only pattern', { 'lex/patterns.csv': `${HEAD}terrorism,,,\nterrorism,"  \t ",,\n` },
    [['lex/patterns.csv:2', 'lexicon/empty-pattern', 'empty'], ['lex/patterns.csv:3', 'lexicon/empty-pattern', 'empty']]],
  ['a bare glob', { 'lex/patterns.csv': `${HEAD}terrorism,*,,\nterrorism,foreign *,,\nterrorism,?,,\nterrorism,*-*,,\n` },
    [['lex/patterns.csv:2', 'lexicon/bad-glob', '`*`'], ['lex/patterns.csv:3', 'lexicon/bad-glob', 'foreign *'], ['lex/patterns.csv:4', 'lexicon/bad-glob', '`?`'], ['lex/patterns.csv:5', 'lexicon/bad-glob', '*-*']]],
  ['a word the tokenizer splits', { 'lex/patterns.csv': `${HEAD}terrorism,«террорист*»,ru,\nterrorism,"""bandits""",en,\nterrorism,-trained,en,\n` },
    [['lex/patterns.csv:2', 'lexicon/bad-pattern', 'splits off'], ['lex/patterns.csv:3', 'lexicon/bad-pattern', 'splits off'], ['lex/patterns.csv:4', 'lexicon/bad-pattern', 'hyphen']]],
  ['an unknown lang', { 'lex/patterns.csv': `${HEAD}terrorism,terror*,english,\n` }, [['lex/patterns.csv:2', 'lexicon/unknown-lang', 'english']]],
  ['the same pattern in two frames', { 'lex/patterns.csv': `${HEAD}terrorism,bandit*,,\nsecurity_response,bandit*,,\n` },
    [['lex/patterns.csv:3', 'lexicon/pattern-in-two-frames', 'line 2']]],
  ['the same pattern in two frames, in two files', { 'lex/zz.csv': `${HEAD}security_response,Terror*,,\n` },
    [['lex/zz.csv:2', 'lexicon/pattern-in-two-frames', 'lex/patterns.csv:2']]],
  ['a pattern for every language and one for English in two frames', { 'lex/zz.csv': `${HEAD}security_response,terror*,en,\n` },
    [['lex/zz.csv:2', 'lexicon/pattern-in-two-frames', 'terrorism']]],
  ['two Russian forms of one stem in two frames', { 'lex/zz.csv': `${HEAD}terrorism,боевики,ru,\nsecurity_response,боевиков,ru,\n` },
    [['lex/zz.csv:3', 'lexicon/pattern-in-two-frames', 'stem']]],
  ['an exclusion that repeats a frame pattern', { 'lex/zz.csv': `${HEAD}-,curfew,en,\n` }, [['lex/zz.csv:2', 'lexicon/pattern-in-two-frames', '`security_response`']]],
  ['a ragged row', { 'lex/patterns.csv': `${HEAD}terrorism,terror*,en,note,extra\n` }, [['lex/patterns.csv:2', 'lexicon/csv-syntax', '5 fields']]],
  ['a quote left open', { 'lex/patterns.csv': `${HEAD}terrorism,"terror*,en,\nsecurity_response,curfew,en,\n` }, [['lex/patterns.csv:2', 'lexicon/csv-syntax', 'never closed']]],
  ['a missing column', { 'lex/patterns.csv': 'frame,term\nterrorism,terror*\n' }, [['lex/patterns.csv:1', 'lexicon/missing-column', '`pattern`']]],
  ['a file saved in windows-1251', { 'lex/ru.csv': Buffer.concat([Buffer.from(HEAD), Buffer.from([0x74, 0x65, 0x72, 0x72, 0x6f, 0x72, 0x69, 0x73, 0x6d, 0x2c, 0xf2, 0xe5, 0xf0, 0xf0, 0xee, 0xf0, 0x2a, 0x2c, 0x72, 0x75, 0x2c, 0x0a])]) },
    [['lex/ru.csv:2', 'lexicon/bad-encoding', 'windows-1251']]],
];

describe('a broken lexicon stops the run with every problem named', () => {
  test.each(CASES)('%s', async (_what, files, expected) => {
    const root = writeCase(files);
    const before = fingerprint(join(root, 'out'));
    const r = await runIn(root, 'run');
    expect(failureProblem(r, 1)).toBeUndefined();
    for (const [where, rule, text] of expected) {
      const line = findDiagnostic(r.stderr, root, where, rule);
      expect(line, `${where} ${rule} in:\n${r.stderr}`).toBeDefined();
      expect(line).toContain(text);
    }
    expect(fingerprint(join(root, 'out'))).toEqual(before);
  });

  test('a frame with a bad family does not also make its patterns "unknown"', async () => {
    const root = writeCase({ 'lex/frames.csv': FRAMES_CSV.replace('terrorism,securitizing', 'terrorism,securitising') });
    const r = await runIn(root, 'run');
    expect(r.stderr).not.toContain('lexicon/unknown-frame');
  });

  test('a spreadsheet file beside the CSVs is named, so edits in it are not lost silently', async () => {
    const root = writeCase({ 'lex/securitizing.xlsx': 'PK\u0003\u0004', 'lex/.~lock.patterns.csv#': 'x', 'lex/._patterns.csv': '\u0000\u0005' });
    const r = await runIn(root, 'run');
    expect(r.code, r.stderr).toBe(0);
    expect(findDiagnostic(r.stderr, root, 'lex', 'lexicon/not-csv', 'warning'), r.stderr).toContain('securitizing.xlsx');
  });
});

describe('pattern words', () => {
  test.each([
    ['terror*', undefined], ['te*or?', undefined], ["protesters'", undefined], ["'s", undefined], ['foreign-trained', undefined],
    ['*', 'any word'], ['**', 'any word'], ['?*', 'any word'], ['*-*', 'any word'], ['"terror', 'splits off'], ['terror)', 'splits off'],
    ['-trained', 'hyphen'], ['terror\u0007', 'control'],
  ])('`%s`', (word, problem) => {
    const m = checkPatternWord(word);
    if (problem === undefined) expect(m).toBeUndefined();
    else expect(m).toContain(problem);
  });

  test('duplicates within one frame are a warning, not an error', () => {
    const frames = new Set(['terrorism', 'security_response']);
    const { entries } = parsePatterns(`${PATTERNS_CSV}terrorism,terror*,,\nterrorism,террористы,ru,\nterrorism,террористов,ru,\n`, 'p.csv', frames, 0);
    const ds = validatePatterns(entries);
    expect(ds.map((d) => [d.line, d.severity, d.rule])).toEqual([[13, 'warning', 'lexicon/duplicate-pattern'], [15, 'warning', 'lexicon/duplicate-pattern']]);
  });
});
