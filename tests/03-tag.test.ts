// The matcher's semantics, one rule per row: what a pattern finds in a text (README "How patterns match").
import { describe, expect, test } from 'vitest';
import { tagInline } from './support/tag.ts';

describe('pattern matching rules', () => {
  test.each([
    // [rule, patterns, text, expected hits]
    ['a word matches case-insensitively, whole tokens only', 'terrorism,terrorist', 'Terrorist TERRORIST terrorists', ['Terrorist=terrorism', 'TERRORIST=terrorism']],
    ['a prefix glob matches every continuation', 'terrorism,terror*', 'terror, terrorists and terrorism', ['terror=terrorism', 'terrorists=terrorism', 'terrorism=terrorism']],
    ['? stands for exactly one character', 'colour_revolution,colo?r', 'colour color colouur', ['colour=colour_revolution']],
    ['a glob may open a word', 'foreign_interference,*-backed', 'Western-backed groups', ['Western-backed=foreign_interference']],
    ['a phrase matches consecutive tokens', 'colour_revolution,colour revolution', 'a colour revolution, not a colour of revolution', ['colour revolution=colour_revolution']],
    ['phrase words may be globs', 'foreign_interference,foreign-trained militant*', 'foreign-trained militants', ['foreign-trained militants=foreign_interference']],
    ['a hyphenated pattern matches the words written apart', 'foreign_interference,foreign-trained', 'foreign trained men', ['foreign trained=foreign_interference']],
    ['a hyphenated pattern matches a spaced hyphen', 'foreign_interference,foreign-trained', 'foreign - trained men', ['foreign - trained=foreign_interference']],
    ['a hyphenated compound is one token: its parts do not match alone', 'foreign_interference,trained', 'foreign-trained men', []],
    ['a prefix glob matches a hyphenated compound by its start', 'terrorism,terror*', 'terror-related charges', ['terror-related=terrorism']],
    ['a phrase does not cross a sentence boundary', 'colour_revolution,colour revolution', 'They chose a colour. Revolution followed.', []],
    ['a phrase does not run over punctuation', 'colour_revolution,colour revolution', 'colour, revolution', []],
    ['leftmost-longest: the longer phrase wins (New York Times vs New York)', 'place,new york\nmedia,new york times', 'The New York Times reported from New York.', ['New York Times=media', 'New York=place']],
    ['leftmost-longest: good bye vs good', 'quality,good\nfarewell,good bye', 'good bye, good people', ['good bye=farewell', 'good=quality']],
    ['leftmost: the earlier start wins over a longer later match', 'place,york times\nmedia,new york', 'new york times', ['new york=media']],
    ['one token belongs to at most one hit', 'terrorism,terrorist*\nterrorism,terrorist attack*', 'terrorist attacks', ['terrorist attacks=terrorism']],
    ['an exclusion claims its span', 'economic_grievance,gas\n-,gas station', 'the gas station sold gas', ['gas=economic_grievance']],
    ['an exclusion beats a pattern of the same length', 'economic_grievance,gas station\n-,gas station', 'a gas station', []],
    ['on a tie an exact word beats a glob (lexicon order otherwise)', 'terrorism,terror*\nforeign_interference,terrorists', 'terrorists', ['terrorists=foreign_interference']],
    ['clitics are separate tokens', 'place,nazarbayev', 'Nazarbayev’s grip and Nazarbayev\'s family', ['Nazarbayev=place', 'Nazarbayev=place']],
  ])('%s', (_rule, patterns, text, expected) => {
    expect(tagInline(patterns, text)).toEqual(expected);
  });
});

describe('Russian matching', () => {
  test.each([
    ['a plain word matches every inflection by its stem', 'terrorism,террористы,ru', 'террористов, террористами и террористы', ['террористов=terrorism', 'террористами=terrorism', 'террористы=terrorism']],
    ['a glob matches the surface prefix with ё folded to е', 'terrorism,мародер*,ru', 'Мародёры и мародеров', ['Мародёры=terrorism', 'мародеров=terrorism']],
    ['a phrase of stems matches inflected phrases', 'colour_revolution,цветная революция,ru', 'попытка цветной революции', ['цветной революции=colour_revolution']],
    ['hyphenated words stay whole', 'place,санкт-петербург,ru', 'в Санкт-Петербурге', ['Санкт-Петербурге=place']],
    ['an English pattern does not apply to Russian documents', 'terrorism,terror*,en', 'terror по-русски', []],
    ['a pattern with no lang applies to every language', 'place,одкб', 'саммит ОДКБ', ['ОДКБ=place']],
  ])('%s', (_rule, patterns, text, expected) => {
    expect(tagInline(patterns, text, 'ru')).toEqual(expected);
  });
});
