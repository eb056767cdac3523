// Dictionary interchange: quanteda YAML and LIWC .dic read into frames + patterns (with path:line errors
// for malformed files), written back out, and round trips that lose nothing the format can carry.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dictionaryToLexicon } from '../pipeline/coder/dictionary/convert.ts';
import { parseLiwcDic } from '../pipeline/coder/dictionary/liwc.ts';
import { frameIdOf } from '../pipeline/coder/dictionary/model.ts';
import { formatQuantedaYaml, parseQuantedaYaml } from '../pipeline/coder/dictionary/quanteda.ts';
import { formatDiagnostic } from '../pipeline/lib/diagnostics.ts';
import { runCli } from './support/cli.ts';
import { tempDir, writeTree } from './support/fixtures.ts';
import { readRows } from './coder-fixture.ts';

// The dictionary of quanteda's own documentation (?dictionary), as a YAML file.
const QUANTEDA_DOC_EXAMPLE = `christmas:
  - Christmas
  - Santa
  - holiday
opposition:
  - Opposition
  - reject
  - notincorpus
taxing:
  - taxing
  - taxation
  - taxed
  - taxes
  - taxation
`;

const LIWC = ['%', '1\tposemo', '2\tnegemo', '%', 'happy*\t1', 'sad\t2', 'kind of\t1', 'like\t(02 134)125/464\t1', 'bad\t3', 'abandon*\t2\t1', ''].join('\n');

const summary = (d: ReturnType<typeof parseQuantedaYaml>['dict']) => d.entries.map((e) => [d.categories[e.category].name, e.pattern, e.line]);

describe('quanteda YAML', () => {
  test("reads quanteda's documentation example with the line of every entry", () => {
    const { dict, diagnostics } = parseQuantedaYaml(QUANTEDA_DOC_EXAMPLE, 'ex.yml');
    expect(diagnostics).toEqual([]);
    expect(dict.categories.map((c) => [c.name, c.line])).toEqual([['christmas', 1], ['opposition', 5], ['taxing', 9]]);
    expect(summary(dict).slice(0, 4)).toEqual([['christmas', 'Christmas', 2], ['christmas', 'Santa', 3], ['christmas', 'holiday', 4], ['opposition', 'Opposition', 6]]);
  });

  test('nested keys become categories named parent.child; words like no and 1.0 stay words', () => {
    const { dict } = parseQuantedaYaml('economy:\n  positive: [growth, prosper*]\n  negative:\n    - recession\n    - no\npolitics: [vote, 1.0]\n', 'n.yml');
    expect(summary(dict)).toEqual([
      ['economy.positive', 'growth', 2], ['economy.positive', 'prosper*', 2], ['economy.negative', 'recession', 4],
      ['economy.negative', 'no', 5], ['politics', 'vote', 6], ['politics', '1.0', 6],
    ]);
  });

  test('top-level keys that are all qantar families give the frames their family', () => {
    const { dict } = parseQuantedaYaml('securitizing:\n  terrorism: [terror*]\ngrievance:\n  economic_grievance: [fuel price*]\nqantar_exclusions: [gas station*]\n', 'f.yml');
    expect(dict.categories.map((c) => [c.name, c.family])).toEqual([['terrorism', 'securitizing'], ['economic_grievance', 'grievance'], ['qantar_exclusions', undefined]]);
  });

  test.each([
    ['a list instead of a mapping', '- a\n- b\n', 'f.yml:1: error expected a YAML mapping of category names to lists of words (a quanteda dictionary)  import/not-a-dictionary'],
    ['a mapping inside a list', 'a:\n  - x\n  - {k: v}\n', 'f.yml:3: error an entry of `a` is not a word or phrase; expected a list of strings  import/bad-entry'],
    ['an unclosed flow list', 'a: [x, y\nb: [z]\n', /^f\.yml:\d: error YAML syntax: .*  import\/yaml-syntax$/],
  ])('%s is an error with its line', (_name, text, expected) => {
    const { diagnostics } = parseQuantedaYaml(text, 'f.yml');
    const first = formatDiagnostic(diagnostics[0]);
    if (typeof expected === 'string') expect(first).toBe(expected);
    else expect(first).toMatch(expected);
  });

  test("writes YAML 1.1 quoting, so R's yaml package does not read no, on or y as booleans", () => {
    const text = formatQuantedaYaml([{ frame: 'x', family: 'other', patterns: ['no', 'on', 'y', 'terror*'] }], 'test', false);
    expect(text).toBe('# test\nx:\n  - "no"\n  - "on"\n  - "y"\n  - terror*\n');
  });
});

describe('LIWC .dic', () => {
  test('reads the legend and entries; phrases keep their spaces; conditional codes are skipped with a warning', () => {
    const { dict, diagnostics } = parseLiwcDic(LIWC, 'x.dic');
    expect(dict.categories.map((c) => c.name)).toEqual(['posemo', 'negemo']);
    expect(summary(dict)).toEqual([['posemo', 'happy*', 5], ['negemo', 'sad', 6], ['posemo', 'kind of', 7], ['posemo', 'like', 8], ['negemo', 'abandon*', 10], ['posemo', 'abandon*', 10]]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'x.dic:8: warning conditional categories `(02 134)125/464` of `like` cannot be expressed as patterns and are skipped  import/conditional',
      'x.dic:9: error entry `bad` names category `3`, which the legend does not declare  import/unknown-category',
    ]);
  });

  test.each([
    ['no legend', 'happy\t1\n', 'x.dic:1: error expected a `%` line opening the category legend (LIWC .dic format)  import/not-a-dictionary'],
    ['an unclosed legend', '%\n1\tposemo\n', 'x.dic:3: error the category legend is never closed; expected a second `%` line  import/bad-legend'],
    ['a legend line without a number', '%\nposemo\n%\n', 'x.dic:2: error legend line `posemo` is not `<number> <category>`  import/bad-legend'],
    ['an entry without categories', '%\n1\tposemo\n%\nhappy\n', 'x.dic:4: error entry `happy` has no category numbers; expected `word<TAB>number…`  import/bad-entry'],
  ])('%s is an error with its line', (_name, text, expected) => {
    expect(formatDiagnostic(parseLiwcDic(text, 'x.dic').diagnostics[0])).toBe(expected);
  });

  test('an entry in two categories is kept in the first (with a warning) or refused with --overlap error', () => {
    const { dict } = parseLiwcDic(LIWC.replace('bad\t3\n', ''), 'x.dic');
    const first = dictionaryToLexicon(dict, { family: 'other', lang: '', overlap: 'first', source: 'x.dic' }, 'x.dic');
    expect(first.files.patternsCsv).toMatch(/^negemo,abandon\*,,x\.dic:9$/m);
    expect(first.files.patternsCsv).not.toMatch(/^posemo,abandon\*/m);
    expect(first.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    const strict = dictionaryToLexicon(dict, { family: 'other', lang: '', overlap: 'error', source: 'x.dic' }, 'x.dic');
    expect(formatDiagnostic(strict.diagnostics[0])).toMatch(/^x\.dic:9: error `abandon\*` is in category `posemo` and in `negemo` \(line 9\)/);
  });
});

test.each([
  ['Economy.Positive', 'economy_positive'], ['2020 words', 'c_2020_words'], ['Négatif', 'negatif'], ['Террор', ''], ['anx', 'anx'],
])('category %j becomes frame id %j', (name, id) => {
  expect(frameIdOf(name)).toBe(id);
});

describe('round trips through the CLI', () => {
  const frames = 'frame,family,label,description\nterrorism,securitizing,Terrorism,\neconomic_grievance,grievance,Economic,\nhuman_rights,other,Rights,\n';
  const patterns = 'frame,pattern,lang,note\nterrorism,terror*,,\nterrorism,foreign-trained militant*,,\neconomic_grievance,fuel price*,,\neconomic_grievance,no,,\nhuman_rights,torture,,\n-,gas station*,,\n';

  test.each(['yaml', 'dic'])('lexicon → %s → lexicon → %s: the same frames, patterns and bytes', async (format) => {
    const lex = writeTree({ 'frames.csv': frames, 'patterns.csv': patterns });
    const work = tempDir();
    const first = join(work, `one.${format}`);
    const second = join(work, `two.${format}`);
    expect((await runCli(['export', '--format', format, '--with-exclusions', '--lexicon', lex, '--to', first])).code).toBe(0);
    const imported = join(work, 'lex');
    const r = await runCli(['import', first, '--out-lexicon', imported, '--lexicon', lex]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect((await runCli(['export', '--format', format, '--with-exclusions', '--lexicon', imported, '--to', second])).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    const pats = (rows: Record<string, string>[]) => rows.map((x) => `${x.frame} ${x.pattern}`).sort();
    expect(pats(readRows(join(imported, 'one.csv')))).toEqual(pats(readRows(join(lex, 'patterns.csv'))));
    const fr = readRows(join(imported, 'frames.csv')).map((x) => [x.frame, x.family]);
    // YAML nests frames under their family; a .dic has no families, so they come back as --family (other).
    expect(fr).toEqual(format === 'yaml' ? [['terrorism', 'securitizing'], ['economic_grievance', 'grievance'], ['human_rights', 'other']]
      : [['terrorism', 'other'], ['economic_grievance', 'other'], ['human_rights', 'other']]);
  });

  test("quanteda's example imports into a lexicon that qantar reads and exports back", async () => {
    const work = tempDir();
    const src = join(work, 'example.yml');
    writeFileSync(src, QUANTEDA_DOC_EXAMPLE);
    const r = await runCli(['import', src, '--out-lexicon', join(work, 'lex'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(work, 'lex', 'frames.csv'), 'utf8')).toBe('frame,family,label,description\nchristmas,other,christmas,imported from example.yml:1\nopposition,other,opposition,imported from example.yml:5\ntaxing,other,taxing,imported from example.yml:9\n');
    // `taxation` is listed twice under taxing: one pattern
    expect(readRows(join(work, 'lex', 'example.csv')).map((x) => x.pattern)).toEqual(['Christmas', 'Santa', 'holiday', 'Opposition', 'reject', 'notincorpus', 'taxing', 'taxation', 'taxed', 'taxes']);
    const e = await runCli(['export', '--format', 'yaml', '--nest', 'none', '--lexicon', join(work, 'lex')]);
    expect(e.stdout).toBe('# quanteda dictionary exported by qantar: 3 frames, 10 patterns\nchristmas:\n  - christmas\n  - santa\n  - holiday\nopposition:\n  - opposition\n  - reject\n  - notincorpus\ntaxing:\n  - taxing\n  - taxation\n  - taxed\n  - taxes\n');
  });
});

describe('import guards', () => {
  test('never writes into the live lexicon without --force', async () => {
    const lex = writeTree({ 'frames.csv': 'frame,family\nterrorism,securitizing\n', 'p.csv': 'frame,pattern\nterrorism,terror*\n' });
    const src = join(tempDir(), 'd.yml');
    writeFileSync(src, 'anger: [rage]\n');
    const r = await runCli(['import', src, '--out-lexicon', lex, '--lexicon', lex]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the live lexicon/);
    expect(readFileSync(join(lex, 'frames.csv'), 'utf8')).toBe('frame,family\nterrorism,securitizing\n');
    expect(existsSync(join(lex, 'd.csv'))).toBe(false);
  });

  test('does not replace an earlier import without --force', async () => {
    const work = tempDir();
    const src = join(work, 'd.yml');
    writeFileSync(src, 'anger: [rage]\n');
    expect((await runCli(['import', src, '--out-lexicon', join(work, 'x')])).code).toBe(0);
    expect((await runCli(['import', src, '--out-lexicon', join(work, 'x')])).code).toBe(2);
    expect((await runCli(['import', src, '--out-lexicon', join(work, 'x'), '--force'])).code).toBe(0);
  });

  test('--only picks categories; an unknown one is a usage error', async () => {
    const work = tempDir();
    const src = join(work, 'x.dic');
    writeFileSync(src, LIWC.replace('bad\t3\n', ''));
    expect((await runCli(['import', src, '--out-lexicon', join(work, 'a'), '--only', 'negemo'])).code).toBe(0);
    expect(readRows(join(work, 'a', 'x.csv')).map((x) => x.pattern)).toEqual(['sad', 'abandon*']);
    const r = await runCli(['import', src, '--out-lexicon', join(work, 'b'), '--only', 'anx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--only: no category `anx`; the dictionary has: posemo, negemo/);
  });

  test('a malformed file stops the import with path:line and writes nothing', async () => {
    const work = tempDir();
    const src = join(work, 'x.dic');
    writeFileSync(src, LIWC);
    const r = await runCli(['import', src, '--out-lexicon', join(work, 'a')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x\.dic:9: error entry `bad` names category `3`/);
    expect(existsSync(join(work, 'a'))).toBe(false);
  });

  test('a dictionary in a legacy encoding is refused with advice, and read with --encoding', async () => {
    const work = tempDir();
    const src = join(work, 'fr.dic');
    // "%\n1\tNégatif\n%\ncafé\t1\n" in windows-1252: é is the single byte 0xE9
    writeFileSync(src, Buffer.from([...Buffer.from('%\r\n1\tN'), 0xe9, ...Buffer.from('gatif\r\n%\r\ncaf'), 0xe9, ...Buffer.from('\t1\r\n')]));
    const r = await runCli(['import', src, '--out-lexicon', join(work, 'a')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fr\.dic:2: error not valid UTF-8 .* name its encoding with --encoding/);
    expect((await runCli(['import', src, '--out-lexicon', join(work, 'a'), '--encoding', 'windows-1252'])).code).toBe(0);
    expect(readRows(join(work, 'a', 'frames.csv')).map((x) => [x.frame, x.label])).toEqual([['negatif', 'Négatif']]);
    expect(readRows(join(work, 'a', 'fr.csv')).map((x) => x.pattern)).toEqual(['café']);
  });

  test('an unknown extension asks for --format', async () => {
    const src = join(tempDir(), 'd.txt');
    writeFileSync(src, 'x');
    const r = await runCli(['import', src]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/add --format yaml \(quanteda\) or --format dic \(LIWC\)/);
  });
});
