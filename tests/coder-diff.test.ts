// diff: two tag runs with different lexicons → counts per group × frame before and after, and every hit
// gained, lost or changed, with context from the corpus.
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './support/cli.ts';
import { tempDir } from './support/fixtures.ts';
import { coderCorpus, coderLexicon, PATTERNS, readRows } from './coder-fixture.ts';

let corpus: string;
let work: string;
let before: string;
let after: string;

beforeAll(async () => {
  corpus = coderCorpus();
  work = tempDir();
  before = join(work, 'before');
  after = join(work, 'after');
  // The edit: terrorist* becomes terrorists (so "Terrorist gangs" is lost and three hits change pattern),
  // and peacekeeping troop* joins security_response (one hit gained).
  const edited = PATTERNS.replace('terrorism,terrorist*,en,\n', 'terrorism,terrorists,en,\nsecurity_response,peacekeeping troop*,en,\n');
  for (const [out, patterns] of [[before, PATTERNS], [after, edited]]) {
    const r = await runCli(['tag', '--corpus', corpus, '--lexicon', coderLexicon(patterns), '--out', out, '--quiet']);
    expect(r.code).toBe(0);
  }
});

const diff = (extra: string[] = []) => runCli(['diff', before, after, '--corpus', corpus, '--out', join(work, 'out'), ...extra]);

describe('qantar diff', () => {
  test('counts per group × frame before and after', async () => {
    const csv = join(work, 'counts.csv');
    const r = await diff(['--csv', csv]);
    expect(r.code).toBe(0);
    const rows = readRows(csv);
    const get = (group: string, frame: string) => rows.find((x) => x.group === group && x.frame === frame)!;
    // official = gov-1 + gov-2: terrorism 2 → 1, security_response 1 → 2; media terrorism stays 2.
    expect([get('official', 'terrorism').hits_before, get('official', 'terrorism').hits_after, get('official', 'terrorism').change]).toEqual(['2', '1', '-1']);
    expect([get('official', 'security_response').hits_before, get('official', 'security_response').hits_after]).toEqual(['1', '2']);
    expect([get('media', 'terrorism').hits_before, get('media', 'terrorism').hits_after]).toEqual(['2', '2']);
    // gov-1 has 6 + 6 + 7 + 5 words, gov-2 6 + 6
    expect(get('official', 'terrorism').words_before).toBe('36');
  });

  test('every hit gained, lost or changed, with context', async () => {
    const csv = join(work, 'hits-changed.csv');
    const r = await diff(['--hits', csv]);
    expect(r.code).toBe(0);
    const rows = readRows(csv);
    expect(rows.map((x) => [x.change, x.doc_id, x.match, x.frame_before, x.frame_after, x.pattern_before, x.pattern_after])).toEqual([
      ['changed', 'gov-1', 'Terrorists', 'terrorism', 'terrorism', 'terrorist*', 'terrorists'],
      ['lost', 'gov-2', 'Terrorist', 'terrorism', '', 'terrorist*', ''],
      ['gained', 'gov-2', 'peacekeeping troops', '', 'security_response', '', 'peacekeeping troop*'],
      ['changed', 'paper-1', 'terrorists', 'terrorism', 'terrorism', 'terrorist*', 'terrorists'],
      ['changed', 'paper-2', 'terrorists', 'terrorism', 'terrorism', 'terrorist*', 'terrorists'],
    ]);
    expect(rows[2].left).toBe('Terrorist gangs attacked the city again. Order was restored by');
    expect(r.stdout).toMatch(/Hits: 1 gained \(\+\), 1 lost \(−\), 3 changed \(~\)/);
    expect(r.stdout).toMatch(/^− gov-2 .*\[Terrorist\].*terrorism \(terrorist\*\)$/m);
  });

  test('a folder without hits.csv is named', async () => {
    const r = await runCli(['diff', before, join(work, 'nothing'), '--corpus', corpus]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing: error output folder not found/);
  });
});
