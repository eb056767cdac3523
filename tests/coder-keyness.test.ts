// suggest and keyness on a corpus small enough to count by hand: candidate terms over-represented in a
// frame's sentences (or a group's documents), terms the lexicon already covers left out, G² and Log
// Ratio as computed independently, and three concordance lines per term.
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './support/cli.ts';
import { tempDir, writeTree } from './support/fixtures.ts';
import { coderCorpus, coderLexicon, readRows } from './coder-fixture.ts';

const TEXTS = {
  a: 'Terrorists from abroad attacked. Terrorists from abroad returned. Terrorists from abroad fled. The weather was calm. The market was calm.',
  b: 'Prices rose. The weather was calm. Terrorists attacked again.',
};
const META = 'doc_id,source,source_type,date,lang,title\na,Akorda,official,2022-01-05,en,A\nb,Daily,media,2022-01-06,en,B\n';

let corpus: string;
let work: string;
const run = async (argv: string[], lexicon: string) => {
  const csv = join(work, `${argv[0]}-${Math.random().toString(36).slice(2)}.csv`);
  const r = await runCli([...argv, '--corpus', corpus, '--lexicon', lexicon, '--out', join(work, 'out'), '--csv', csv, '--no-progress']);
  return { ...r, rows: r.code === 0 ? readRows(csv) : [] };
};

beforeAll(() => {
  corpus = coderCorpus(TEXTS, META);
  work = tempDir();
});

describe('qantar suggest', () => {
  test('proposes words over-represented in the frame sentences, strongest first, with G² and Log Ratio', async () => {
    const r = await run(['suggest', '--frame', 'terrorism', '--min-freq', '2'], coderLexicon('frame,pattern,lang,note\nterrorism,terrorist*,en,\n'));
    expect(r.code).toBe(0);
    // Frame sentences hold 11 words outside the hits (from abroad attacked ×1, from abroad returned, from
    // abroad fled, attacked again); the rest 14. `abroad` 3 vs 0, `attacked` 2 vs 0; `from`, `again` are stop
    // words; `terrorists` is the lexicon's own match. G² by SciPy: 4.93 and 3.28.
    expect(r.rows.map((x) => [x.term, x.kind, x.freq, x.freq_rest, x.g2, x.log_ratio])).toEqual([
      ['abroad', 'word', '3', '0', '4.93', Math.log2((3 / 11) / (0.5 / 14)).toFixed(2)],
      ['attacked', 'word', '2', '0', '3.28', Math.log2((2 / 11) / (0.5 / 14)).toFixed(2)],
    ]);
  });

  test('gives three concordance lines per term (six words each side), in corpus order', async () => {
    const r = await run(['suggest', '--frame', 'terrorism', '--min-freq', '2'], coderLexicon('frame,pattern,lang,note\nterrorism,terrorist*,en,\n'));
    const abroad = r.rows[0];
    expect([abroad.example_1, abroad.example_2, abroad.example_3]).toEqual([
      'a: Terrorists from [abroad] attacked. Terrorists from abroad returned. Terrorists',
      'a: Terrorists from abroad attacked. Terrorists from [abroad] returned. Terrorists from abroad fled. The',
      'a: Terrorists from abroad returned. Terrorists from [abroad] fled. The weather was calm. The',
    ]);
  });

  test('leaves out terms the lexicon already matches', async () => {
    const r = await run(['suggest', '--frame', 'terrorism', '--min-freq', '2'], coderLexicon('frame,pattern,lang,note\nterrorism,terrorist*,en,\nforeign_interference,abroad,en,\n'));
    expect(r.rows.map((x) => x.term)).toEqual(['attacked']);
  });

  test('an unknown frame is a usage error', async () => {
    const r = await run(['suggest', '--frame', 'nope'], coderLexicon('frame,pattern,lang,note\nterrorism,terrorist*,en,\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--frame `nope` is not a frame/);
  });
});

describe('qantar keyness', () => {
  test('compares each group with the rest and names the frame that claims a term', async () => {
    const r = await run(['keyness', '--by', 'source_type', '--min-freq', '2'], coderLexicon('frame,pattern,lang,note\nterrorism,terrorist*,en,\n'));
    expect(r.code).toBe(0);
    // official (doc a) has 20 words, media (doc b) 9. abroad 3 vs 0 → G² 2.23; terrorists 3 vs 1 → 0.07
    // (SciPy); calm 2 of 20 vs 1 of 9 is not over-represented; media has no term seen twice.
    expect(r.rows.map((x) => [x.target, x.term, x.freq, x.freq_rest, x.g2, x.lexicon])).toEqual([
      ['official', 'abroad', '3', '0', '2.23', ''],
      ['official', 'terrorists', '3', '1', '0.07', 'terrorism'],
    ]);
  });

  test('a --by column the metadata lacks is a usage error', async () => {
    const r = await run(['keyness', '--by', 'genre'], coderLexicon('frame,pattern,lang,note\nterrorism,terrorist*,en,\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--by `genre` is not a metadata column/);
  });
});

test('the table on the terminal lists the same terms', async () => {
  const lex = writeTree({ 'frames.csv': 'frame,family\nterrorism,securitizing\n', 'p.csv': 'frame,pattern\nterrorism,terrorist*\n' });
  const r = await runCli(['suggest', '--frame', 'terrorism', '--min-freq', '2', '--corpus', corpus, '--lexicon', lex, '--out', join(work, 'out')]);
  expect(r.code).toBe(0);
  expect(r.stdout.split('\n').slice(1, 3).map((l) => l.split(/\s+/)[1])).toEqual(['abroad', 'attacked']);
});
