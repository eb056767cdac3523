// Stance rules (pipeline/stance/): the cue file format, quotation spans, and each scope rule of
// docs/stance.md on sentences written for the purpose, with a small inline frame lexicon and the shipped
// cue lists (lexicons/cues/).
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../pipeline/lib/diagnostics.ts';
import type { FrameHit, Lang } from '../pipeline/lib/types.ts';
import { parseCues } from '../pipeline/stance/cues.ts';
import { createStanceAnnotator, readCues } from '../pipeline/stance/index.ts';
import { findQuoteSpans } from '../pipeline/stance/quotes.ts';
import { createTagger } from '../pipeline/tag/tagger.ts';
import { tokenizeDocument } from '../pipeline/tokenize/index.ts';
import { writeTree } from './support/fixtures.ts';
import { cues, hitsOf, inlineLexicon } from './support/stance.ts';

/** The hit whose text is `surface` (the k-th one when it repeats). */
function hitOf(text: string, surface: string, lang: Lang = 'en', k = 0): FrameHit {
  const h = hitsOf(text, lang).filter((x) => x.text.toLowerCase() === surface.toLowerCase())[k];
  if (!h) throw new Error(`no hit \`${surface}\` in: ${text}`);
  return h;
}

describe('cue files', () => {
  test('the shipped cue lists load without errors or warnings', () => {
    expect(cues.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(cues.cues.entries.length).toBeGreaterThan(300);
  });

  test('every problem in a cue file is reported with its line, all at once', () => {
    const csv = 'kind,pattern,lang,scope,note\nreport,said,en,,\nreprot,told,en,,\nhedge,so-called,en,after,\nnegator,never,xx,,\nreport,,en,,\nhedge,*,en,,\nreport,said,en,,\n';
    const { entries, diagnostics } = parseCues(csv, 'cues/x.csv', 0);
    expect(entries.map((e) => e.pattern)).toEqual(['said', 'said']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'cues/x.csv:3: error unknown cue kind `reprot`; expected one of: report, source, hedge, negator, denial, affirm, challenge, really, blocker, content, epistemic, referent, exclude  cues/unknown-kind',
      'cues/x.csv:4: error scope `after` is not allowed for kind `hedge`; expected one of: np, clause, source  cues/unknown-scope',
      'cues/x.csv:5: error unknown lang `xx`; expected one of: en, ru, kk, or empty for every language  cues/unknown-lang',
      'cues/x.csv:6: error empty pattern; expected a word, a glob such as alleg* or a phrase  cues/empty-pattern',
      'cues/x.csv:7: error malformed pattern `*`: the glob `*` matches any word; a pattern word needs at least one letter or digit  cues/bad-glob',
    ]);
  });

  test('a file without the kind column is one error naming the header', () => {
    const { diagnostics } = parseCues('pattern,lang\nsaid,en\n', 'cues/y.csv', 0);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['cues/y.csv:1: error missing required column `kind`; the header has `pattern`, `lang`  cues/missing-column']);
  });

  test('readCues reads every .csv in the folder, warns on duplicates and records hashes', () => {
    const dir = writeTree({
      'cues/a.csv': 'kind,pattern,lang,scope,note\nreport,said,en,,\n',
      'cues/b.csv': 'kind,pattern,lang,scope,note\nreport,said,en,,\nhedge,якобы,ru,clause,\n',
      'cues/notes.txt': 'not read',
    });
    const r = readCues(`${dir}/cues`);
    expect(r.cues.entries.map((e) => `${e.kind}:${e.pattern}:${e.scope}`)).toEqual(['report:said:after', 'report:said:after', 'hedge:якобы:clause']);
    expect(Object.keys(r.hashes)).toHaveLength(2);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.message}`)).toEqual([expect.stringMatching(/^warning cues\/duplicate duplicate report cue `said` \(also at .*a\.csv:2\)$/)]);
  });

  test('a lexicon without a cues folder loads with no cues and no diagnostics', () => {
    const r = readCues(`${writeTree({ 'frames.csv': 'frame,family\n' })}/cues`);
    expect(r).toEqual({ cues: { files: [], entries: [] }, diagnostics: [], hashes: {} });
  });
});

describe('quotation spans', () => {
  const quoted = (text: string) => findQuoteSpans(text).map((q) => text.slice(q.open + 1, q.close));
  test.each([
    ['straight double', 'He said "terrorists" attacked.', ['terrorists']],
    ['straight single, apostrophes inside', "'These bandits were Nazarbayev's people,' a protester said.", ["These bandits were Nazarbayev's people,"]],
    ['curly single, curly apostrophe inside', '‘Kazakhstan’s enemies sent terrorists,’ he said.', ['Kazakhstan’s enemies sent terrorists,']],
    ['a possessive plural is not a quote', "The protesters' demands were about gas prices.", []],
    ['elision is not a quote', "It was a coup d'etat, not a revolt.", []],
    ['guillemets with inner low-high quotes', '«Так называемые „террористы“ — прохожие»', ['Так называемые „террористы“ — прохожие', 'террористы']],
    ['German low-high', 'A headline: „Constitutional order restored“.', ['Constitutional order restored']],
    ['across two sentences', '“Inflation ate our wages. Then gas prices doubled,” said a nurse.', ['Inflation ate our wages. Then gas prices doubled,']],
    ['nested single inside double', '"Kazakh leader says \'bandits\' came from abroad"', ['Kazakh leader says \'bandits\' came from abroad', 'bandits']],
    ['unclosed at a blank line is dropped', '"Terrorists attacked.\n\nNext paragraph here.', []],
    ['a continued quotation reopens the next paragraph', '“First paragraph.\n\n“Second paragraph.”', ['First paragraph.\n\n“Second paragraph.']],
  ])('%s', (_what, text, expected) => {
    expect(quoted(text).sort()).toEqual([...expected].sort());
  });
});

// [sentence, hit, expected use, why]
const EN: [string, string, string, string][] = [
  ['Terrorists attacked the airport.', 'terrorists', 'asserted', 'no cue'],
  ['Tokayev said terrorists attacked the airport.', 'terrorists', 'reported', 'reporting verb before its complement'],
  ['Terrorists attacked the airport, the KNB said on Saturday.', 'terrorists', 'reported', 'reporting verb after: the clause before'],
  ['Terrorists, the KNB said, seized the airport.', 'terrorists', 'reported', 'a parenthetical source'],
  ['“Gas prices doubled. Then the bandits came,” said a nurse in Atyrau.', 'gas prices', 'quoted', 'a quotation across sentences'],
  ['The president spoke of "bandits".', 'bandits', 'quoted', 'quoted outranks reported'],
  ['According to the ministry, foreign fighters took part.', 'foreign fighters', 'reported', 'according to X, at the start'],
  ['Foreign fighters took part, according to the ministry.', 'foreign fighters', 'reported', 'according to X at the end'],
  ['The militants acted according to a plan.', 'militants', 'asserted', 'according to without a comma is not a source'],
  ['Putin told the CSTO summit that a colour revolution had been attempted.', 'csto', 'asserted', 'the addressee is the text\'s voice'],
  ['Putin told the CSTO summit that a colour revolution had been attempted.', 'colour revolution', 'reported', 'the complement of told'],
  ['State television called the protesters bandits.', 'bandits', 'reported', 'the label of called'],
  ['What officials called a colour revolution was a revolt over gas prices.', 'colour revolution', 'hedged', 'what X called, no quotes'],
  ['What officials called a “colour revolution” was a revolt.', 'colour revolution', 'quoted', 'what X called with quotes'],
  ['The so-called terrorists were teenagers.', 'terrorists', 'hedged', 'a hedge before the phrase'],
  ['Officials blamed so-called ‘bandits’.', 'bandits', 'hedged', 'hedged outranks quoted and reported'],
  ['The supposed militants from abroad were kept away from journalists.', 'from abroad', 'hedged', 'the hedge covers the whole phrase'],
  ['Allegedly, foreign fighters were bussed into Almaty.', 'foreign fighters', 'hedged', 'a hedging adverb governs its clause'],
  ['Russian media alleged that foreign fighters had joined.', 'foreign fighters', 'reported', 'alleged after a subject is a verb'],
  ['There were no terrorists in Zhanaozen, only workers angry about gas prices.', 'terrorists', 'negated', 'no + the phrase'],
  ['There were no terrorists in Zhanaozen, only workers angry about gas prices.', 'gas prices', 'asserted', 'outside the phrase'],
  ['There will be no talks with the bandits.', 'bandits', 'asserted', 'no qualifies talks, not bandits'],
  ['There is no evidence that foreign fighters took part.', 'foreign fighters', 'negated', 'no evidence that …'],
  ['The unrest was not a colour revolution but a revolt over gas prices.', 'colour revolution', 'negated', 'not X …'],
  ['The unrest was not a colour revolution but a revolt over gas prices.', 'gas prices', 'asserted', '… but Y'],
  ['Police did not intervene, and bandits looted the shops.', 'bandits', 'asserted', 'a negator stays in its clause'],
  ['Gas prices were never the real issue.', 'gas prices', 'negated', 'copular negation reaches the subject'],
  ['The CSTO is not a charity.', 'csto', 'asserted', 'is not a … classifies, it does not deny'],
  ['The foreign fighters he warned of were never shown to exist.', 'foreign fighters', 'negated', 'never shown reaches the subject'],
  ['The ministry denied that terrorists had seized the airport.', 'terrorists', 'negated', 'a denial verb'],
  ['Claims that foreign fighters took part proved false.', 'foreign fighters', 'negated', 'a disputing predicate'],
  ['Tokayev dismissed Massimov and sent troops.', 'troops', 'asserted', 'dismissed without a content noun denies nothing'],
  ['Nobody denies that gas prices doubled.', 'gas prices', 'asserted', 'double negation'],
  ['It cannot be denied that terrorists attacked the airport.', 'terrorists', 'asserted', 'double negation, impersonal'],
  ['It is not as if there were no militants in Almaty.', 'militants', 'asserted', 'double negation across clauses'],
  ['None of the lawyers doubted that the bandits had been beaten.', 'bandits', 'reported', 'a named party acknowledges'],
  ['There is no doubt that terrorists attacked the airport.', 'terrorists', 'asserted', 'no doubt is not a negation'],
  ['There is no doubt that it was not a colour revolution.', 'colour revolution', 'negated', 'the complement has its own negation'],
  ['Rights lawyers have no doubt that the bandits were beaten.', 'bandits', 'reported', 'the holder of the certainty'],
  ['The unrest exposed not only gas prices but also the Maidan fears of Moscow.', 'maidan', 'asserted', 'not only … but also'],
  ['Putin said the alliance would not allow a colour revolution.', 'colour revolution', 'reported', 'not allow denies nothing'],
  ['Power changed hands without any colour revolution.', 'colour revolution', 'negated', 'without X'],
  ['Without the CSTO, the regime would have fallen.', 'csto', 'asserted', 'without X in a counterfactual'],
  ['Where is the evidence of foreign fighters?', 'foreign fighters', 'negated', 'a challenging question'],
  ['Were they really terrorists?', 'terrorists', 'hedged', 'a doubting question'],
  ['Who, if not foreign fighters, could have planned this?', 'foreign fighters', 'asserted', 'a question built on a negation affirms'],
  ['Is it any surprise that people protested when gas prices doubled?', 'gas prices', 'asserted', 'a question with no cue'],
  ['Do not give in to the colour revolution.', 'colour revolution', 'asserted', 'a prohibition presupposes its object'],
  ['Troops had orders to shoot without warning.', 'shoot without warning', 'asserted', 'a cue inside a frame term is part of it'],
  ['He did not say who the terrorists were.', 'terrorists', 'reported', 'a negated reporting verb denies the saying'],
  ['It would be dishonest not to acknowledge that militants took part.', 'militants', 'asserted', 'not to acknowledge, under dishonest'],
  ['It would be wrong to say that terrorists attacked.', 'terrorists', 'negated', 'wrong to say'],
  ['Tokayev, who has blamed terrorists, sent troops.', 'troops', 'asserted', 'a relative clause ends at its comma'],
  ['There is little evidence to suggest that foreign fighters took part.', 'foreign fighters', 'negated', 'little evidence'],
  ['Officials dismissed the reports of torture by troops as exaggerated.', 'troops', 'negated', 'dismissed … as exaggerated is one denial'],
  ['One does not hold talks with bandits.', 'bandits', 'asserted', 'hold talks blocks the negation'],
  ['Protesters whom the authorities branded bandits were released.', 'bandits', 'reported', 'the object of branded came first'],
  ['Never before have CSTO troops been sent to a member state.', 'troops', 'asserted', 'never before is not a negation'],
  ['No episode was bloodier than the crackdown on the colour revolution.', 'colour revolution', 'asserted', 'a negation stops at than'],
  ['Militants were defeated, Tokayev said, but the troops would stay.', 'troops', 'reported', 'a parenthetical source governs the rest'],
];

const RU: [string, string, string, string][] = [
  ['Террористы захватили аэропорт.', 'террористы', 'asserted', 'no cue'],
  ['Токаев заявил, что террористы захватили аэропорт.', 'террористы', 'reported', 'заявил, что …'],
  ['Террористы захватили аэропорт, сообщили в МВД.', 'террористы', 'reported', 'the verb after the clause'],
  ['По словам Токаева, бандиты атаковали Алматы.', 'бандиты', 'reported', 'по словам X,'],
  ['МВД: в Алматы задержаны бандиты.', 'бандиты', 'reported', 'a headline source'],
  ['Токаев назвал нападавших «террористами».', 'террористами', 'quoted', 'guillemets'],
  ['Так называемые террористы оказались подростками.', 'террористы', 'hedged', 'так называемые'],
  ['Власти утверждали, что протестующих якобы финансировали иностранные наёмники.', 'иностранные наёмники', 'hedged', 'якобы over its clause'],
  ['Никакой цветной революции в Казахстане не было.', 'цветной революции', 'negated', 'negative concord counts once'],
  ['Никаких переговоров с бандитами не будет.', 'бандитами', 'asserted', 'the n-word negates talks, not bandits'],
  ['Доказательств того, что иностранные наёмники участвовали в протестах, нет.', 'иностранные наёмники', 'negated', 'existential нет'],
  ['Это был не переворот, а протест против цен на газ.', 'цен на газ', 'asserted', 'не X, а Y'],
  ['Нельзя отрицать, что бандиты грабили магазины.', 'бандиты', 'asserted', 'double negation'],
  ['Нет сомнений, что террористы готовились заранее.', 'террористы', 'asserted', 'нет сомнений is not a negation'],
  ['Путин пообещал, что ОДКБ не допустит цветных революций.', 'цветных революций', 'reported', 'не допустит denies nothing'],
  ['Где доказательства участия иностранных наёмников?', 'иностранных наёмников', 'negated', 'где … ?'],
  ['Неужели это были террористы?', 'террористы', 'hedged', 'неужели … ?'],
  ['Без ОДКБ власти не удержали бы Алматы.', 'одкб', 'asserted', 'без X with a second negation'],
  ['Не поддавайтесь на провокации цветной революции.', 'цветной революции', 'asserted', 'a prohibition'],
  ['Токаев не сказал, кто стоял за террористами.', 'террористами', 'reported', 'a negated reporting verb'],
  ['Версия о «20 тысячах террористов» вызывает сомнения у экспертов.', 'террористов', 'negated', 'вызывает сомнения'],
  ['В Жанаозене террористов не было.', 'террористов', 'negated', 'existential не было'],
  ['Назарбаев отрицает, что иностранные наёмники участвовали в беспорядках.', 'иностранные наёмники', 'negated', 'отрицает, что …'],
  ['По подозрению в ней были задержаны террористы.', 'террористы', 'asserted', '«ней» is not «не»: short cue words match exactly'],
  ['Токаев назвал эти банды международными, а их нападение — цветной революцией.', 'цветной революцией', 'reported', '«, а» with no verb continues the report'],
  ['Генсек ОДКБ назвал разговоры о цветной революции глупостью.', 'одкб', 'asserted', 'a disputing word does not reach the speaker'],
  ['Генсек ОДКБ назвал разговоры о цветной революции глупостью.', 'цветной революции', 'negated', '… but reaches what is disputed'],
];

describe('scope rules', () => {
  test.each(EN)('en: %s → `%s` is %s (%s)', (text, surface, use) => {
    expect(hitOf(text, surface).use).toBe(use);
  });
  test.each(RU)('ru: %s → `%s` is %s (%s)', (text, surface, use) => {
    expect(hitOf(text, surface, 'ru').use).toBe(use);
  });
});

describe('flags, cue and speaker', () => {
  test('a hit can be reported and negated; the use follows the order of precedence', () => {
    const h = hitOf('According to Amnesty, there is no evidence of foreign fighters.', 'foreign fighters');
    expect([h.use, h.reported, h.negated, h.quoted, h.hedged]).toEqual(['negated', true, true, false, false]);
  });

  test.each([
    ['Tokayev said terrorists attacked.', 'terrorists', 'said'],
    ['The so-called terrorists were teenagers.', 'terrorists', 'so-called'],
    ['He spoke of «bandits».', 'bandits', '«'],
    ['There were no terrorists.', 'terrorists', 'no'],
    ['Nobody denies that gas prices doubled.', 'gas prices', 'Nobody denies'],
    ['Terrorists attacked.', 'terrorists', ''],
  ])('%s → cue `%s`… is `%s`, at its offset', (text, surface, cue) => {
    const h = hitOf(text, surface);
    expect(h.cue).toBe(cue);
    expect(h.cueStart).toBe(cue === '' ? -1 : text.indexOf(cue));
  });

  test.each([
    ['Tokayev said terrorists attacked the airport.', 'terrorists', 'en', 'Tokayev'],
    ['In his address, the president said terrorists had attacked.', 'terrorists', 'en', 'the president'],
    ['Terrorists attacked the airport, the CSTO secretary-general told reporters.', 'terrorists', 'en', 'the CSTO secretary-general'],
    ['According to the Russian foreign ministry, foreign fighters took part.', 'foreign fighters', 'en', 'the Russian foreign ministry'],
    ['“Gas prices doubled,” said a nurse in Atyrau.', 'gas prices', 'en', 'a nurse in Atyrau'],
    ['Putin said: “The CSTO acted.”', 'csto', 'en', 'Putin'],
    ['Tokayev, who has blamed terrorists, sent troops.', 'terrorists', 'en', 'Tokayev'],
    ['Nobody denies that gas prices doubled.', 'gas prices', 'en', ''],
    ['По словам Токаева, бандиты атаковали Алматы.', 'бандиты', 'ru', 'Токаева'],
    ['Бандиты атаковали Алматы, заявил Песков.', 'бандиты', 'ru', 'Песков'],
    ['Террористы захватили аэропорт, сообщили в МВД.', 'террористы', 'ru', 'МВД'],
  ])('%s → the speaker of `%s` (%s) is `%s`', (text, surface, lang, speaker) => {
    expect(hitOf(text, surface, lang as Lang).speaker).toBe(speaker);
  });

  test('the annotator returns one stance per hit, in order, and none for a document without hits', () => {
    const text = 'Tokayev said terrorists attacked. The so-called bandits fled. Troops arrived.';
    expect(hitsOf(text).map((h) => `${h.text}:${h.use}`)).toEqual(['terrorists:reported', 'bandits:hedged', 'Troops:asserted']);
    const doc = tokenizeDocument('Nothing here.', { docId: 'd', lang: 'en', textHash: 'h' });
    expect(createStanceAnnotator(cues.cues)(doc, 'Nothing here.', [])).toEqual([]);
  });

  test('with no cue lists, hits are asserted unless inside quotation marks', () => {
    const bare = createTagger(inlineLexicon(), createStanceAnnotator({ files: [], entries: [] }));
    const text = 'Tokayev said "terrorists" attacked; there were no bandits.';
    expect(bare(tokenizeDocument(text, { docId: 'd', lang: 'en', textHash: 'h' }), text).map((h) => h.use)).toEqual(['quoted', 'asserted']);
  });
});
