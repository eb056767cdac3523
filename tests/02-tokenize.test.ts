// Tokenization: offsets slice back to the token, the word definition (the denominator of every rate),
// sentence boundaries, and the cache round trip.
import { describe, expect, test } from 'vitest';
import type { Lang } from '../pipeline/lib/types.ts';
import { decodeTokens, encodeTokens } from '../pipeline/tokenize/cache.ts';
import { chunkBoundaries, tokenizeDocument } from '../pipeline/tokenize/index.ts';

const tok = (text: string, lang: Lang = 'en') => tokenizeDocument(text, { docId: 'd', lang, textHash: 'h' });
const surfaces = (text: string, lang: Lang = 'en') => {
  const d = tok(text, lang);
  return Array.from(d.starts, (s, i) => text.slice(s, d.ends[i]));
};
const sentences = (text: string, lang: Lang = 'en') => {
  const d = tok(text, lang);
  let from = 0;
  return Array.from(d.sentenceEnds, (e) => {
    const s = text.slice(d.starts[from], d.ends[e - 1]);
    from = e;
    return s;
  });
};

describe('offsets', () => {
  test.each([
    ['en', 'Tokayev said “20,000 bandits” attacked\u00a0Almaty.\r\nThe so-called foreign-trained militants—he claimed—weren’t there.'],
    ['en', '\tTabs,\u00a0NBSP, emoji 🙂🇰🇿 and «ёлочки» and „lapki“ and e\u0301 combining.'],
    ['ru', 'Он заявил: «Это т.е. террористы из-за рубежа». В Санкт-Петербурге — ёлки.\r\n\r\nЗаголовок'],
    ['kk', 'ҰҚШҰ бітімгерлері «лаңкестер» туралы айтты.'],
  ] as [Lang, string][])('every token of a %s text slices back to its surface', (lang, text) => {
    const d = tok(text, lang);
    expect(d.types.length).toBeGreaterThan(5);
    for (let i = 0; i < d.types.length; i++) {
      const surface = text.slice(d.starts[i], d.ends[i]);
      expect(surface.trim()).toBe(surface);
      expect(surface.length).toBeGreaterThan(0);
      if (i > 0) expect(d.starts[i]).toBeGreaterThanOrEqual(d.ends[i - 1]);
    }
  });
});

describe('tokens', () => {
  test.each([
    ['hyphenated compounds stay whole', 'so-called foreign-trained men', ['so-called', 'foreign-trained', 'men'], 'en'],
    ['a spaced dash is punctuation', 'militants - he said', ['militants', '-', 'he', 'said'], 'en'],
    ['quote marks are split off words', '«террористы»', ['«', 'террористы', '»'], 'ru'],
    ['Russian hyphenated words stay whole', 'из-за Санкт-Петербурга', ['из-за', 'Санкт-Петербурга'], 'ru'],
    ['English clitics are separate tokens', "Nazarbayev's", ['Nazarbayev', "'s"], 'en'],
  ] as [string, string, string[], Lang][])('%s', (_rule, text, expected, lang) => {
    expect(surfaces(text, lang)).toEqual(expected);
  });
});

describe('the word definition', () => {
  test.each([
    ['letters make words; numbers and punctuation do not', 'In 2022, 20,000 people protested!', 3],
    ['a hyphenated compound is one word', 'foreign-trained militants', 2],
    ['clitics are not words of their own', "Nazarbayev's people weren't there", 4],
    ['URLs and e-mail addresses are not words', 'see https://example.org or mail me@example.org now', 4],
    ['emoji and symbols are not words', '🙂 % $ + ok', 1],
    ['an empty text has zero words', '', 0],
  ])('%s', (_rule, text, words) => {
    expect(tok(text).words).toBe(words);
  });
});

describe('sentences', () => {
  test('a blank line always ends a sentence (titles, headings)', () => {
    expect(sentences('A title without a full stop\n\nThe first sentence. The second one.')).toEqual([
      'A title without a full stop', 'The first sentence.', 'The second one.',
    ]);
  });
  test('abbreviations do not end English sentences', () => {
    expect(sentences('U.S. officials spoke. Then Mr. Blinken left.')).toHaveLength(2);
  });
  test('Russian sentences split at sentence punctuation', () => {
    expect(sentences('Первое предложение. Второе предложение! Третье?', 'ru')).toHaveLength(3);
  });
});

describe('long texts', () => {
  test('chunks are cut at paragraph breaks and cover the whole text', () => {
    const para = 'Word '.repeat(50).trim();
    const text = Array.from({ length: 40 }, () => para).join('\n\n');
    const cuts = chunkBoundaries(text, 1000);
    expect(cuts[0]).toBe(0);
    expect(cuts.at(-1)).toBe(text.length);
    for (const c of cuts.slice(1, -1)) expect(text.slice(c - 2, c)).toBe('\n\n');
  });
  test('a chunked text gives the same tokens as in one piece', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} speaks of terrorists and fuel prices.`).join('\n\n');
    const meta = { docId: 'd', lang: 'en' as const, textHash: 'h' };
    const whole = tokenizeDocument(text, meta);
    expect(chunkBoundaries(text, 200).length).toBeGreaterThan(3);
    expect(tokenizeDocument(text, meta, 200)).toEqual(whole);
    expect(whole.sentenceEnds.length).toBe(30);
    expect(whole.words).toBe(30 * 7);
  });
});

describe('token cache', () => {
  test('encode → decode is the identity', () => {
    const d = tok('Tokayev said that “terrorists” attacked Almaty. Другой язык тоже.');
    const back = decodeTokens(encodeTokens(d), 'd')!;
    expect(back).toEqual(d);
  });
  test('a torn or corrupted entry is rejected, never read as data', () => {
    const buf = encodeTokens(tok('Some text with a few words in it.'));
    expect(decodeTokens(buf.subarray(0, buf.length - 5), 'd')).toBeUndefined();
    const flipped = Buffer.from(buf);
    flipped[20] ^= 0xff;
    expect(decodeTokens(flipped, 'd')).toBeUndefined();
  });
});
