// Securitizing moves (pipeline/stance/moves.ts): a sentence joining a threat, a referent object and an
// extraordinary measure, found on sentences written for the purpose with an inline frame lexicon and the
// shipped referent cues.
import { describe, expect, test } from 'vitest';
import { findMoves, type Move } from '../pipeline/stance/index.ts';
import type { Lang } from '../pipeline/lib/types.ts';
import { tokenizeDocument } from '../pipeline/tokenize/index.ts';
import { cues, tagDocument } from './support/stance.ts';

function movesOf(text: string, lang: Lang = 'en'): Move[] {
  const doc = tokenizeDocument(text, { docId: 'd', lang, textHash: 'h' });
  return findMoves(doc, text, tagDocument(doc, text), cues.cues);
}

const brief = (m: Move) => `${m.sentence}: ${m.threat.text}/${m.threat.use} + ${m.referent.text} + ${m.measure.text}`;

describe('securitizing moves', () => {
  test.each([
    ['threat, referent and measure in one sentence', 'Terrorists attacked the state, so troops were sent.', 'en', ['1: Terrorists/asserted + the state + troops']],
    ['the use of the threat is kept', 'Tokayev said terrorists threatened the constitutional order and asked the CSTO for troops.', 'en',
      ['1: terrorists/reported + constitutional order + CSTO']],
    ['Russian', 'Террористы угрожают государству, поэтому в страну введены войска ОДКБ.', 'ru', ['1: Террористы/asserted + государству + войска']],
    ['no referent object, no move', 'Terrorists attacked, so troops were sent.', 'en', []],
    ['no extraordinary measure, no move', 'Terrorists attacked the state.', 'en', []],
    ['a negated threat makes no move', 'There were no terrorists threatening the state, yet troops were sent.', 'en', []],
    ['the three parts must share a sentence', 'Terrorists attacked the state. Troops were sent.', 'en', []],
    ['one move per sentence, numbered by sentence', 'Calm returned. Bandits and terrorists threatened citizens; troops and the CSTO responded.', 'en',
      ['2: Bandits/asserted + citizens + troops']],
  ])('%s', (_what, text, lang, expected) => {
    expect(movesOf(text, lang as Lang).map(brief)).toEqual(expected);
  });

  test.each([
    ['the only referent is inside the only measure: no move', 'Militants attacked, and the army moved to restore constitutional order.', []],
    ['inside another measure it counts', 'Militants attacked, and troops moved to restore constitutional order.', ['1: Militants/asserted + constitutional order + troops']],
  ])('a referent inside a measure: %s', (_what, text, expected) => {
    expect(movesOf(text).map(brief)).toEqual(expected);
  });

  test('the referent offsets slice back to its text, and the parts carry the document and sentence', () => {
    const text = 'Calm returned. Foreign fighters threaten our sovereignty, said Tokayev, and troops arrived.';
    const [m] = movesOf(text);
    expect(text.slice(m.referent.start, m.referent.end)).toBe(m.referent.text);
    expect([m.docId, m.sentence, m.threat.frame, m.referent.text, m.measure.frame]).toEqual(['d', 2, 'foreign_interference', 'sovereignty', 'security_response']);
  });
});
