// Encodings and spreadsheet dialects: a declared encoding is decoded to exactly the text, a wrong
// declaration is refused rather than read as mojibake, an undeclared one is refused with its name
// guessed; metadata and lexicon CSVs saved with a BOM, `;` separators or CRLF read as the plain file does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeText, guessEncoding } from '../pipeline/lib/encoding.ts';
import { firstInvalidUtf8 } from '../pipeline/lib/encoding-guess.ts';
import { FRAMES_CSV } from './support/fixtures.ts';
import { encodeSingleByte, METADATA_CSV, PATTERNS_CSV, runIn, TEXTS, utf16, writeCase } from './support/robust.ts';

/** An output file with its folder's name taken out (hits name their lexicon file). */
function readOut(root: string, name: string): string {
  return readFileSync(join(root, 'out', name), 'utf8').replaceAll(root, '<root>');
}

const RU = 'Президент заявил: «террористы» атаковали Алматы. Ёлки-палки, цены на газ — 120 тенге.';
/** KOI8-R and IBM866 have no guillemets or dashes. */
const RU_PLAIN = RU.replace(/[«»]/g, '"').replace('—', '-');
const EN = 'Terrorists attacked the airport; prices rose.';

describe('decoding a declared encoding gives back the text', () => {
  test.each([
    ['windows-1251', RU, encodeSingleByte(RU, 'windows-1251')],
    ['cp1251', RU, encodeSingleByte(RU, 'windows-1251')],
    ['koi8-r', RU_PLAIN, encodeSingleByte(RU_PLAIN, 'koi8-r')],
    ['ibm866', RU_PLAIN, encodeSingleByte(RU_PLAIN, 'ibm866')],
    ['utf-16le', RU, utf16(RU, 'le')],
    ['utf-16be', RU, utf16(RU, 'be')],
    ['utf-16', RU, utf16(RU, 'be')],
    ['utf-16', EN, utf16(EN, 'le', false)],
    ['utf-8', RU, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RU)])],
  ])('%s', (declared, text, bytes) => {
    const d = decodeText(bytes, 'a.txt', declared);
    expect(d).toEqual({ text, encoding: expect.any(String) });
  });
});

describe('an encoding that does not fit is refused, never decoded as mojibake', () => {
  test.each([
    ['windows-1251', encodeSingleByte(RU_PLAIN, 'koi8-r'), 'corpus/encoding-mismatch', 'koi8-r'],
    ['koi8-r', encodeSingleByte(RU, 'windows-1251'), 'corpus/encoding-mismatch', 'windows-1251'],
    ['windows-1251', Buffer.from(RU), 'corpus/encoding-mismatch', 'valid UTF-8'],
    ['utf-16le', utf16(RU, 'be'), 'corpus/encoding-mismatch', 'UTF-16BE'],
    ['utf-16be', utf16(EN, 'le', false), 'corpus/encoding-mismatch', 'UTF-16LE'],
    ['utf-16le', Uint8Array.of(0x41, 0, 0x42), 'corpus/bad-encoding', 'odd length'],
    ['', encodeSingleByte(RU, 'windows-1251'), 'corpus/bad-encoding', 'windows-1251'],
    ['', encodeSingleByte(RU_PLAIN, 'koi8-r'), 'corpus/bad-encoding', 'koi8-r'],
    ['', utf16(RU, 'le'), 'corpus/bad-encoding', 'UTF-16LE (byte-order mark)'],
    ['', utf16(EN, 'be', false), 'corpus/bad-encoding', 'UTF-16BE'],
  ])('declared `%s`', (declared, bytes, rule, named) => {
    const d = decodeText(bytes, 'a.txt', declared);
    expect('error' in d && d.error.rule).toBe(rule);
    expect('error' in d && d.error.message).toContain(named);
  });
});

test.each([
  [Buffer.from('abc'), 3],
  [Buffer.from([0x61, 0xcf, 0xf0]), 1],
  [Buffer.from([0xd0, 0x94, 0xff]), 2],
  [Buffer.from([0x61, 0xe2, 0x80]), 1],
  [Buffer.from([0x61, 0x62, 0x80]), 2],
])('the first bad UTF-8 byte is the lead byte of the broken sequence (%#)', (bytes, at) => {
  expect(firstInvalidUtf8(bytes)).toBe(at);
});

test('a short Cyrillic word is enough to name its code page', () => {
  expect(guessEncoding(encodeSingleByte('Правительство ушло в отставку', 'windows-1251'))).toBe('windows-1251');
  expect(guessEncoding(encodeSingleByte('Правительство ушло в отставку', 'koi8-r'))).toBe('koi8-r');
});

describe('a run over declared encodings counts as the UTF-8 corpus does', () => {
  const meta = 'doc_id,source,source_type,date,lang,encoding\n';
  const rows = ['c,TASS,official,2022-01-07,ru', 'k,TASS,official,2022-01-07,ru', 'u,TASS,official,2022-01-07,ru'];
  test('windows-1251, KOI8-R and UTF-16 texts give the same hits as UTF-8', async () => {
    const encoded = writeCase({
      'corpus/metadata.csv': `${meta}${rows[0]},windows-1251\n${rows[1]},koi8-r\n${rows[2]},utf-16\n`,
      'corpus/texts/a.txt': null, 'corpus/texts/b.txt': null,
      'corpus/texts/c.txt': encodeSingleByte(TEXTS.c, 'windows-1251'), 'corpus/texts/k.txt': encodeSingleByte(TEXTS.c, 'koi8-r'), 'corpus/texts/u.txt': utf16(TEXTS.c, 'le'),
    });
    const plain = writeCase({ 'corpus/metadata.csv': `${meta}${rows.map((r) => `${r},`).join('\n')}\n`, 'corpus/texts/a.txt': null, 'corpus/texts/b.txt': null, 'corpus/texts/k.txt': TEXTS.c, 'corpus/texts/u.txt': TEXTS.c });
    for (const root of [encoded, plain]) expect((await runIn(root, 'run')).code).toBe(0);
    const hits = (root: string) => readOut(root, 'hits.csv');
    expect(hits(encoded)).toBe(hits(plain));
    expect(hits(encoded)).toContain('террористами');
    const docs = readFileSync(join(encoded, 'out/documents.csv'), 'utf8');
    expect(docs).toMatch(/^c,.*,windows-1251,/m);
    expect(docs).toMatch(/^k,.*,koi8-r,/m);
    expect(docs).toMatch(/^u,.*,utf-16le,/m);
  });
});

describe('spreadsheet dialects of the metadata and lexicon CSVs', () => {
  const excel = (csv: string) => `\uFEFF${csv.replace(/,/g, ';').replace(/\n/g, '\r\n')}`;
  test.each([
    ['BOM, `;` and CRLF', { 'corpus/metadata.csv': excel(METADATA_CSV), 'lex/frames.csv': excel(FRAMES_CSV), 'lex/patterns.csv': excel(PATTERNS_CSV) }],
    ['UTF-16 "Unicode text" (tabs)', { 'corpus/metadata.csv': utf16(METADATA_CSV.replace(/,/g, '\t'), 'le'), 'lex/patterns.csv': utf16(PATTERNS_CSV.replace(/,/g, '\t').replace(/\n/g, '\r\n'), 'le') }],
    ['untouched trailing columns and empty rows', { 'corpus/metadata.csv': `${METADATA_CSV.replace(/\n/g, ',,\n')},,,,,,\n`, 'lex/patterns.csv': `${PATTERNS_CSV.replace(/\n/g, ',\n')},,,,\n` }],
  ])('%s read like the plain files', async (_what, files) => {
    const plain = writeCase();
    const dialect = writeCase(files);
    for (const root of [plain, dialect]) {
      const r = await runIn(root, 'run');
      expect(r.code, r.stderr).toBe(0);
    }
    for (const f of ['documents.csv', 'hits.csv', 'counts_by_group.csv']) {
      expect(readOut(dialect, f), f).toBe(readOut(plain, f));
    }
  });

  test('a value under an unnamed column is still an error', async () => {
    const root = writeCase({ 'lex/patterns.csv': 'frame,pattern,\nterrorism,terror*,oops\n' });
    const r = await runIn(root, 'run');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(root, 'lex/patterns.csv')}:1: error column 3 has an empty header name  lexicon/header`);
  });
});
