// The corpus index keeps its entries in columns (ingest/entries.ts) and makes each entry when asked: every
// field must come back as the metadata and the text files say, for a folder and for a single-file corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCorpusIndex } from '../pipeline/ingest/read.ts';
import { parseCsv } from '../pipeline/lib/csv.ts';
import { sha256 } from '../pipeline/lib/io.ts';
import { writeTree } from './support/fixtures.ts';

describe('entries made from the columns', () => {
  test('the shipped corpus: every metadata value, file, hash and length, in doc_id order', () => {
    const index = readCorpusIndex('corpus');
    const rows = parseCsv(readFileSync('corpus/metadata.csv', 'utf8'), 'metadata.csv', 'corpus').records;
    const ids = rows.map((r) => r.values.doc_id).sort();
    expect(index.entries.map((e) => e.meta.docId)).toEqual(ids);
    for (const { line, values } of rows) {
      const e = index.entries.map((x) => x).find((x) => x.meta.docId === values.doc_id)!;
      const text = readFileSync(join('corpus', 'texts', `${values.doc_id}.txt`), 'utf8');
      expect(e.meta.columns).toEqual(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])));
      expect([e.meta.source, e.meta.sourceType, e.meta.date, e.meta.lang, e.meta.title, e.meta.url, e.meta.line])
        .toEqual([values.source, values.source_type, values.date, values.lang, values.title ?? '', values.url ?? '', line]);
      expect([e.file, e.meta.origin, e.textHash, e.chars, e.decodedAs]).toEqual([`texts/${values.doc_id}.txt`, `texts/${values.doc_id}.txt`, sha256(text), text.length, 'utf-8']);
    }
    expect(index.entries.langs()).toEqual(new Set(['en', 'kk', 'ru']));
    expect(index.entries.totalChars()).toBe(index.entries.reduce((n, e) => n + e.chars, 0));
  });

  test('files named in a `file` column, declared encodings, missing values and a filtered list', () => {
    const dir = writeTree({
      'metadata.csv': 'doc_id,source,source_type,file,encoding,lang,region\nb,S,media,sub/b.txt,windows-1251,ru,\na,"S, Inc.",ngo,,,,north\n',
      'sub/b.txt': Buffer.from([0xc1, 0xe0, 0xed, 0xe4, 0xe8, 0xf2, 0xfb]),
      'texts/a.txt': 'Terrorists, officials said.',
    });
    const index = readCorpusIndex(dir);
    expect(index.diagnostics).toEqual([]);
    const [a, b] = [index.entries.at(0), index.entries.at(1)];
    expect([a.meta.docId, a.meta.source, a.file, a.encoding, a.meta.lang, a.meta.columns.region, a.decodedAs]).toEqual(['a', 'S, Inc.', 'texts/a.txt', '', 'en', 'north', 'utf-8']);
    expect([b.meta.docId, b.file, b.encoding, b.meta.lang, b.meta.columns.region, b.textHash]).toEqual(['b', 'sub/b.txt', 'windows-1251', 'ru', '', sha256('Бандиты')]);
    expect(index.entries.filter((e) => e.meta.lang === 'ru').map((e) => e.meta.docId)).toEqual(['b']);
  });

  test('a single-file corpus: origins are lines of that file', () => {
    const dir = writeTree({ 'c.jsonl': '{"doc_id":"x","source":"S","source_type":"media","text":"One."}\n{"doc_id":"w","source":"S","source_type":"media","text":"Two.","title":"T"}\n' });
    const index = readCorpusIndex(join(dir, 'c.jsonl'));
    expect(index.entries.map((e) => [e.meta.docId, e.file, e.meta.title, e.meta.line, e.textHash])).toEqual([['w', '', 'T', 2, sha256('Two.')], ['x', '', '', 1, sha256('One.')]]);
    expect(index.entries.at(0).meta.origin.endsWith('c.jsonl:2')).toBe(true);
  });
});
