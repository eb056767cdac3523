// The properties themselves, shared by the vitest suite (few runs, seeded) and scripts/props.ts (many).
// Each is an fc.property whose body throws (node:assert) on a counterexample.
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { hashUtf8Stream } from '../../pipeline/ingest/texts.ts';
import { decodeText } from '../../pipeline/lib/encoding.ts';
import { sha256 } from '../../pipeline/lib/io.ts';
import { formatCsv, formatCsvRows, parseCsv } from '../../pipeline/lib/csv.ts';
import { normalizeForm } from '../../pipeline/lib/normalize.ts';
import { TokenKind, type Lang } from '../../pipeline/lib/types.ts';
import { compileLexicon } from '../../pipeline/tag/compile.ts';
import { globMatch } from '../../pipeline/tag/glob.ts';
import { matchDocument } from '../../pipeline/tag/match.ts';
import { tokenizeDocument } from '../../pipeline/tokenize/index.ts';
import { documentArb, lexiconArb, naiveMatch } from './reference.ts';

export const SEED = 20220105;

/** The matcher finds exactly the hits of the naive reference. */
export function matcherAgrees(lang: Lang) {
  return fc.property(lexiconArb(lang), documentArb(lang), (entries, doc) => {
    const got = matchDocument(doc, compileLexicon(entries, lang)).map((m) => ({ tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, id: m.end.entry.id }));
    deepStrictEqual(got, naiveMatch(doc, entries, lang));
  });
}

/** globMatch decides as an anchored regular expression would (fine on these short strings). */
export function globAgrees() {
  const word = (chars: string[], max: number) => fc.array(fc.constantFrom(...chars), { maxLength: max }).map((c) => c.join(''));
  return fc.property(word(['a', 'b', 'я', '-', '*', '?'], 8), word(['a', 'b', 'я', '-'], 12), (glob, s) => {
    const re = new RegExp(`^${[...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c)).join('')}$`, 'su');
    strictEqual(globMatch(glob, s), re.test(s));
  });
}

const nasty = fc.constantFrom('"', ',', ';', '\n', '\r\n', '\r', '\t', ' ', '😀', '👩‍👩‍👧', 'e\u0301', '\u00a0', '«ёлочки»', '“', '\uFEFF', 'a', 'Я', '""', '=1+1');
const fieldArb = fc.oneof(fc.array(nasty, { maxLength: 6 }).map((p) => p.join('')), fc.string({ unit: 'grapheme', maxLength: 12 }));
const headerArb = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/), { minLength: 1, maxLength: 5 });

/**
 * parseCsv(formatCsv(rows)) gives back every row that has content, each at the line where it starts
 * (as an editor counts lines). All-empty rows are dropped by design: spreadsheets leave them.
 */
export function csvRoundTrip() {
  const table = headerArb.chain((h) => fc.tuple(fc.constant(h), fc.array(fc.array(fieldArb, { minLength: h.length, maxLength: h.length }), { maxLength: 8 })));
  return fc.property(table, ([header, rows]) => {
    const parsed = parseCsv(formatCsv(header, rows), 'x.csv', 'test');
    deepStrictEqual(parsed.diagnostics, []);
    deepStrictEqual(parsed.header, header);
    const kept = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.some((f) => f !== ''));
    deepStrictEqual(parsed.records.map((rec) => header.map((h) => rec.values[h])), kept.map(({ r }) => r));
    const lineOf = (i: number) => 2 + (formatCsvRows(rows.slice(0, i)).match(/\r\n|\r|\n/g)?.length ?? 0);
    deepStrictEqual(parsed.records.map((rec) => rec.line), kept.map(({ i }) => lineOf(i)));
  });
}

const PIECES = ['Terrorists', 'террористы', 'ёлочки', 'Алматы', 'foreign-trained', 'so-called', 'из-за', 'Санкт-Петербург', "don't", "protesters'",
  'U.S.', '2022', '1,200', '3.5%', ' ', '  ', '\u00a0', '\t', '\r\n', '\n\n', '\r', '.', ',', '!', '?', '…', '—', '–', '-', '"', "'", '“', '”', '‘', '’',
  '«', '»', '„', '(', ')', '😀', '👩‍👩‍👧', '🇰🇿', 'e\u0301', 'Қазақстан', 'ә', 'i\u0307', '\u200d', '\u200b', '@user', 'http://x.kz/a?b=1', '#тег'];

/** Random text from nasty pieces. */
export const nastyTextArb = fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }), { maxLength: 40 })
  .map((p) => p.join(''));

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Every token slices back to its text: in order, inside the text, on code point boundaries, its form normalised. */
export function offsetsSliceBack(lang: Lang) {
  return fc.property(nastyTextArb, (text) => {
    const doc = tokenizeDocument(text, { docId: 'd', lang, textHash: 'h' });
    const n = doc.types.length;
    let words = 0;
    for (let i = 0; i < n; i++) {
      const [s, e] = [doc.starts[i], doc.ends[i]];
      ok(s < e && e <= text.length, `token ${i} [${s}, ${e}) out of range`);
      ok(i === 0 || s >= doc.ends[i - 1], `token ${i} overlaps token ${i - 1}`);
      ok(!isHighSurrogate(text.charCodeAt(e - 1)), `token ${i} ends inside a surrogate pair`);
      ok(s === 0 || !isHighSurrogate(text.charCodeAt(s - 1)), `token ${i} starts inside a surrogate pair`);
      const surface = text.slice(s, e);
      ok(/\S/u.test(surface), `token ${i} is only white space: ${JSON.stringify(surface)}`);
      strictEqual(doc.vocab[doc.types[i]], normalizeForm(surface, lang));
      if (doc.kinds[i] === TokenKind.Word) words++;
    }
    strictEqual(doc.words, words);
    const ends = [...doc.sentenceEnds];
    deepStrictEqual(ends, [...ends].sort((a, b) => a - b));
    strictEqual(new Set(ends).size, ends.length);
    strictEqual(ends.at(-1) ?? 0, n);
  });
}

/** A text hashed in pieces (any piece size, pieces splitting characters) hashes as the whole text does. */
export function streamedHashAgrees(dir: string) {
  return fc.property(nastyTextArb, fc.integer({ min: 1, max: 9 }), fc.boolean(), (text, chunk, bom) => {
    const path = join(dir, 'text.txt');
    const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
    writeFileSync(path, bytes);
    const whole = decodeText(bytes, path, '');
    const streamed = hashUtf8Stream(path, chunk);
    if ('error' in whole) strictEqual(streamed, undefined);
    else deepStrictEqual(streamed, { textHash: sha256(whole.text), chars: whole.text.length, blank: whole.text.trim() === '' });
  });
}
