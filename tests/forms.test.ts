// Interned word forms: one id per distinct form, whether it arrives as bytes from the cache or as a
// string from the tokenizer; the table keeps every id through its growth.
import { describe, expect, test } from 'vitest';
import { internBytes, internString, internVocabulary } from '../pipeline/tokenize/forms.ts';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('interned forms', () => {
  test.each(['terrorists', 'террористы', 'ёлка', 'foreign-trained', '«', '', 'naïve', '🙂'])('%j: bytes and string give one id', (form) => {
    const b = utf8(`x\u0000${form}\u0000y`);
    const fromBytes = internBytes(b, 2, 2 + utf8(form).length);
    expect(internString(form)).toBe(fromBytes);
    expect(internBytes(utf8(form), 0, utf8(form).length)).toBe(fromBytes);
  });

  test('a vocabulary comes back as its forms, with ids that tell distinct forms apart', () => {
    const forms = ['the', 'terrorists', 'the2', 'террористы', '', 'terrorist'];
    const { vocab, ids } = internVocabulary(utf8(forms.join('\u0000')), 0, utf8(forms.join('\u0000')).length);
    expect(vocab).toEqual(forms);
    expect(new Set(ids).size).toBe(forms.length);
    expect(ids[1]).toBe(internString('terrorists'));
  });

  test('ids survive the table growing past 100,000 forms', () => {
    const forms = Array.from({ length: 120_000 }, (_, i) => `form${i}`);
    const ids = forms.map(internString);
    expect(new Set(ids).size).toBe(forms.length);
    const joined = utf8(forms.join('\u0000'));
    expect(Array.from(internVocabulary(joined, 0, joined.length).ids)).toEqual(ids);
  });
});
