// Broken corpora through the CLI: each must stop with exit 1, name the file, the line and the rule, print
// no stack trace, and leave out/ exactly as it was. Warnings (unlisted or empty texts) let the run finish.
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { encodeSingleByte, failureProblem, findDiagnostic, fingerprint, METADATA_CSV, runIn, TEXTS, utf16, writeCase } from './support/robust.ts';

const META = 'doc_id,source,source_type,date,lang\n';
const ONE = { 'corpus/metadata.csv': `${META}a,Akorda,official,2022-01-05,en\n`, 'corpus/texts/b.txt': null, 'corpus/texts/c.txt': null };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
const CP1251_RU = encodeSingleByte('Власти назвали протестующих террористами.', 'windows-1251');
const KOI8_RU = encodeSingleByte('Власти назвали протестующих террористами.', 'koi8-r');

type Files = Record<string, string | Uint8Array | null>;
/** [what, files over the valid case, expected diagnostics as [path:line, rule, text in the message]] */
const CASES: [string, Files, [string, string, string][]][] = [
  ['metadata.csv missing', { 'corpus/metadata.csv': null }, [['corpus/metadata.csv', 'corpus/no-metadata', 'missing']]],
  ['metadata.csv empty', { 'corpus/metadata.csv': '' }, [['corpus/metadata.csv:1', 'corpus/empty', 'empty']]],
  ['metadata.csv with a header only', { 'corpus/metadata.csv': META }, [['corpus/metadata.csv:2', 'corpus/empty', 'no documents']]],
  ['a required column missing', { 'corpus/metadata.csv': 'doc_id,source\na,Akorda\n' }, [['corpus/metadata.csv:1', 'corpus/missing-column', '`source_type`']]],
  ['ragged rows', { 'corpus/metadata.csv': `${META}a,Akorda,official,2022-01-05,en,extra\nb,BBC,media\nc,TASS,official,2022-01-07,ru\n` },
    [['corpus/metadata.csv:2', 'corpus/csv-syntax', '6 fields'], ['corpus/metadata.csv:3', 'corpus/csv-syntax', '3 fields']]],
  ['a duplicate doc_id', { 'corpus/metadata.csv': `${METADATA_CSV}a,Other,media,2022-01-08,en\n` }, [['corpus/metadata.csv:5', 'corpus/duplicate-doc-id', 'line 2']]],
  ['a doc_id with forbidden characters', { 'corpus/metadata.csv': `${META}a/../b,Akorda,official,2022-01-05,en\nc d,TASS,official,,ru\n` },
    [['corpus/metadata.csv:2', 'corpus/bad-doc-id', 'a/../b'], ['corpus/metadata.csv:3', 'corpus/bad-doc-id', 'c d']]],
  ['a listed file that does not exist', { 'corpus/texts/b.txt': null }, [['corpus/metadata.csv:3', 'corpus/missing-text', 'texts/b.txt']]],
  ['a file outside the folder (../ and absolute)', { 'corpus/metadata.csv': 'doc_id,source,source_type,file\na,X,g,../secret.txt\nb,X,g,/etc/hostname\nc,X,g,texts\\..\\..\\secret.txt\n', 'secret.txt': 'x' },
    [['corpus/metadata.csv:2', 'corpus/file-outside', '../secret.txt'], ['corpus/metadata.csv:3', 'corpus/file-outside', 'absolute'], ['corpus/metadata.csv:4', 'corpus/file-outside', 'outside']]],
  ['an invalid date', { 'corpus/metadata.csv': `${META}a,Akorda,official,2022-02-30,en\nb,BBC,media,07.01.2022,en\nc,TASS,official,2022-13,ru\n` },
    [['corpus/metadata.csv:2', 'corpus/bad-date', '2022-02-30'], ['corpus/metadata.csv:3', 'corpus/bad-date', 'spreadsheet'], ['corpus/metadata.csv:4', 'corpus/bad-date', '2022-13']]],
  ['an unknown lang', { 'corpus/metadata.csv': `${META}a,Akorda,official,2022-01-05,de\n` }, [['corpus/metadata.csv:2', 'corpus/unknown-lang', '`de`']]],
  ['an empty source_type', { 'corpus/metadata.csv': `${META}a,Akorda,,2022-01-05,en\n` }, [['corpus/metadata.csv:2', 'corpus/missing-value', 'source_type']]],
  ['a windows-1251 text not declared', { ...ONE, 'corpus/texts/a.txt': CP1251_RU }, [['corpus/texts/a.txt:1', 'corpus/bad-encoding', 'windows-1251']]],
  ['a KOI8-R text not declared', { ...ONE, 'corpus/texts/a.txt': KOI8_RU }, [['corpus/texts/a.txt:1', 'corpus/bad-encoding', 'koi8-r']]],
  ['a UTF-16 text not declared', { ...ONE, 'corpus/texts/a.txt': utf16('Terrorists attacked.', 'le') }, [['corpus/texts/a.txt', 'corpus/bad-encoding', 'UTF-16LE']]],
  ['a UTF-16 text without BOM not declared', { ...ONE, 'corpus/texts/a.txt': utf16('Terrorists attacked the city.', 'be', false) }, [['corpus/texts/a.txt', 'corpus/bad-encoding', 'UTF-16BE']]],
  ['a binary file', { ...ONE, 'corpus/texts/a.txt': PNG }, [['corpus/texts/a.txt:3', 'corpus/binary-file', 'offset 8']]],
  ['an unknown declared encoding', { ...ONE, 'corpus/metadata.csv': 'doc_id,source,source_type,encoding\na,X,g,latin-9000\n' }, [['corpus/texts/a.txt', 'corpus/unknown-encoding', 'latin-9000']]],
  ['KOI8-R bytes declared windows-1251', { ...ONE, 'corpus/metadata.csv': 'doc_id,source,source_type,lang,encoding\na,X,g,ru,windows-1251\n', 'corpus/texts/a.txt': KOI8_RU },
    [['corpus/texts/a.txt', 'corpus/encoding-mismatch', 'koi8-r']]],
  ['UTF-8 declared windows-1251', { ...ONE, 'corpus/metadata.csv': 'doc_id,source,source_type,lang,encoding\na,X,g,ru,cp1251\n', 'corpus/texts/a.txt': TEXTS.c },
    [['corpus/texts/a.txt', 'corpus/encoding-mismatch', 'valid UTF-8']]],
  ['UTF-16BE declared utf-16le', { ...ONE, 'corpus/metadata.csv': 'doc_id,source,source_type,encoding\na,X,g,utf-16le\n', 'corpus/texts/a.txt': utf16('Terrorists attacked.', 'be') },
    [['corpus/texts/a.txt', 'corpus/encoding-mismatch', 'UTF-16BE']]],
  ['one file listed for two doc_ids', { 'corpus/metadata.csv': 'doc_id,source,source_type,file\na,X,g,texts/a.txt\nb,X,g,texts/a.txt\n' }, [['corpus/metadata.csv:3', 'corpus/duplicate-file', 'line 2']]],
  ['a folder where a text should be', { ...ONE, 'corpus/texts/a.txt': null, 'corpus/texts/a.txt/inner.txt': 'x' }, [['corpus/metadata.csv:2', 'corpus/missing-text', 'not a regular file']]],
];

describe('a broken corpus stops the run with every problem named', () => {
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

  test('every problem of a corpus is reported in one run', async () => {
    const root = writeCase({ 'corpus/metadata.csv': `${META}a,Akorda,official,2022-02-30,en\nb,BBC,media,2022-01-06,xx\nc,TASS,official,2022-01-07,ru\nc,TASS,official,,ru\n`, 'corpus/texts/c.txt': CP1251_RU });
    const r = await runIn(root, 'run');
    expect(failureProblem(r, 1)).toBeUndefined();
    const rules = ['corpus/bad-date', 'corpus/unknown-lang', 'corpus/duplicate-doc-id', 'corpus/bad-encoding'];
    for (const rule of rules) expect(r.stderr).toContain(`  ${rule}`);
    expect(r.stderr).toContain('stopped: 4 errors');
  });

  test.each([
    ['a linked text file', (root: string) => {
      rmSync(join(root, 'corpus/texts/a.txt'));
      symlinkSync(join(root, 'secret.txt'), join(root, 'corpus/texts/a.txt'));
    }, 'corpus/metadata.csv:2'],
    ['a linked folder', (root: string) => {
      rmSync(join(root, 'corpus/texts'), { recursive: true });
      symlinkSync(join(root, 'elsewhere'), join(root, 'corpus/texts'));
    }, 'corpus/metadata.csv:2'],
  ])('%s pointing outside the corpus folder is refused', async (_what, link, where) => {
    const root = writeCase({ ...ONE, 'secret.txt': 'Terrorists everywhere.', 'elsewhere/a.txt': 'x' });
    link(root);
    const before = fingerprint(join(root, 'out'));
    const r = await runIn(root, 'run');
    expect(failureProblem(r, 1)).toBeUndefined();
    expect(findDiagnostic(r.stderr, root, where, 'corpus/file-outside'), r.stderr).toContain('resolves outside');
    expect(fingerprint(join(root, 'out'))).toEqual(before);
  });

  test('a link that stays inside the corpus folder is followed', async () => {
    const root = writeCase({ 'corpus/texts/a.txt': null, 'corpus/shared/a.txt': TEXTS.a });
    symlinkSync(join(root, 'corpus/shared/a.txt'), join(root, 'corpus/texts/a.txt'));
    const r = await runIn(root, 'ingest');
    expect(r.code, r.stderr).toBe(0);
  });

  test.each([
    ['a JSONL line that is not JSON', 'corpus.jsonl', '{"doc_id":"a","source":"X","source_type":"g","text":"t"}\n{"doc_id":"b",\n', 'corpus.jsonl:2', 'corpus/jsonl-syntax'],
    ['a JSONL record without text', 'corpus.jsonl', '{"doc_id":"a","source":"X","source_type":"g"}\n', 'corpus.jsonl:1', 'corpus/missing-column'],
    ['a CSV corpus without a text column', 'corpus.csv', 'doc_id,source,source_type\na,X,g\n', 'corpus.csv:1', 'corpus/missing-column'],
  ])('a single-file corpus: %s', async (_what, name, content, where, rule) => {
    const root = writeCase({ [name]: content });
    const r = await runIn(root, 'run', ['--corpus', join(root, name)]);
    expect(failureProblem(r, 1)).toBeUndefined();
    expect(findDiagnostic(r.stderr, root, where, rule), r.stderr).toBeDefined();
  });
});

describe('problems that only warn', () => {
  test('unlisted text files are named and the run goes on', async () => {
    const root = writeCase({ 'corpus/texts/zz-extra.txt': 'Terrorists.', 'corpus/texts/yy.txt': 'x' });
    const r = await runIn(root, 'run');
    expect(r.code, r.stderr).toBe(0);
    const w = findDiagnostic(r.stderr, root, 'corpus/metadata.csv', 'corpus/unlisted-text', 'warning');
    expect(w, r.stderr).toContain('texts/yy.txt, texts/zz-extra.txt');
  });

  test('an empty text warns, counts zero words and never divides by zero', async () => {
    const root = writeCase({
      'corpus/metadata.csv': `${METADATA_CSV}e,Empty,emptygroup,2022-01-08,en\nf,Blank,official,2022-01-08,ru\n`,
      'corpus/texts/e.txt': '', 'corpus/texts/f.txt': ' \n\t\n',
    });
    const r = await runIn(root, 'run');
    expect(r.code, r.stderr).toBe(0);
    expect(findDiagnostic(r.stderr, root, 'corpus/texts/e.txt', 'corpus/empty-text', 'warning'), r.stderr).toBeDefined();
    expect(findDiagnostic(r.stderr, root, 'corpus/texts/f.txt', 'corpus/empty-text', 'warning'), r.stderr).toBeDefined();
    const docs = readFileSync(join(root, 'out/documents.csv'), 'utf8');
    expect(docs).toMatch(/^e,.*,0,0,0$/m);
    for (const f of ['counts_by_doc.csv', 'counts_by_group.csv', 'comparison.csv']) {
      expect(readFileSync(join(root, 'out', f), 'utf8')).not.toMatch(/NaN|Infinity/);
    }
    const group = readFileSync(join(root, 'out/comparison.csv'), 'utf8').split('\n').find((l) => l.startsWith('emptygroup,'));
    expect(group).toMatch(/^emptygroup,1,0,/);
  });

  test('--strict turns the warnings into a stop', async () => {
    const root = writeCase({ 'corpus/texts/zz-extra.txt': 'x' });
    const before = fingerprint(join(root, 'out'));
    const r = await runIn(root, 'run', ['--strict']);
    expect(failureProblem(r, 1)).toBeUndefined();
    expect(findDiagnostic(r.stderr, root, 'corpus/metadata.csv', 'corpus/unlisted-text', 'warning'), r.stderr).toBeDefined();
    expect(fingerprint(join(root, 'out'))).toEqual(before);
  });

  test('the same text under two doc_ids warns that it counts twice', async () => {
    const root = writeCase({ 'corpus/texts/b.txt': TEXTS.a });
    const r = await runIn(root, 'ingest');
    expect(r.code, r.stderr).toBe(0);
    expect(findDiagnostic(r.stderr, root, 'corpus/metadata.csv:3', 'corpus/duplicate-text', 'warning'), r.stderr).toContain('doc_id `a`');
  });

  test('a failed run on a new --out folder leaves no folder behind', async () => {
    const root = writeCase({ 'corpus/texts/b.txt': null });
    const r = await runIn(root, 'run', ['--out', join(root, 'fresh')]);
    expect(failureProblem(r, 1)).toBeUndefined();
    expect(fingerprint(join(root, 'fresh'))).toEqual({});
    expect(() => readFileSync(join(root, 'fresh'))).toThrow(/ENOENT/);
  });
});
