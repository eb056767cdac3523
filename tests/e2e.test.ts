// End to end: the CLI in-process on a small corpus — every output of DESIGN's table, counts that add up,
// byte-identical reruns, and single stages that agree with `run`.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../pipeline/lib/csv.ts';
import { runCli } from './support/cli.ts';
import { FRAMES_CSV, tempDir, writeTree } from './support/fixtures.ts';

const TEXTS: Record<string, string> = {
  'gov-1': 'Terrorists attacked Almaty. The terrorists were trained abroad.\n\nA state of emergency was declared.',
  'gov-2': 'Foreign-trained militants tried a colour revolution. Terrorists must be destroyed.',
  'paper-1': 'Protesters demanded lower fuel prices. Fuel prices doubled in January. Corruption angered many.',
  'paper-2': 'The rally was about fuel prices and corruption, not terrorists.',
  'empty': '',
};

const corpus = () => writeTree({
  'metadata.csv': 'doc_id,source,source_type,date,lang,title\n' +
    'gov-1,Akorda,official,2022-01-05,en,One\ngov-2,Akorda,official,2022-01-07,en,Two\n' +
    'paper-1,Daily,media,2022-01-04,en,Three\npaper-2,Daily,media,2022-01,en,Four\nempty,Daily,media,2022-01-06,en,Empty\n',
  ...Object.fromEntries(Object.entries(TEXTS).map(([k, v]) => [`texts/${k}.txt`, v])),
});

const lexicon = () => writeTree({
  'frames.csv': FRAMES_CSV,
  'patterns.csv': 'frame,pattern,lang,note\nterrorism,terrorist*,en,\nforeign_interference,foreign-trained,en,\nforeign_interference,trained abroad,en,\n' +
    'colour_revolution,colour revolution*,en,\neconomic_grievance,fuel price*,en,\npolitical_grievance,corruption,en,\nsecurity_response,state of emergency,en,\n',
});

const OUTPUTS = ['documents.csv', 'hits.csv', 'moves.csv', 'counts_by_doc.csv', 'counts_by_group.csv', 'comparison.csv', 'report.md', 'report.html', 'manifest.json'];

describe('qantar run on a small corpus', () => {
  let corpusDir: string;
  let lexDir: string;
  let out: string;
  let first: Awaited<ReturnType<typeof runCli>>;
  const args = (o: string) => ['--corpus', corpusDir, '--lexicon', lexDir, '--out', o, '--reps', '50', '--permutations', '99', '--quiet'];

  beforeAll(async () => {
    corpusDir = corpus();
    lexDir = lexicon();
    out = join(tempDir(), 'out');
    first = await runCli(['run', ...args(out)]);
  });

  test('exits 0 and writes every output', () => {
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    for (const f of OUTPUTS) expect(existsSync(join(out, f)), f).toBe(true);
  });

  const table = (name: string) => parseCsv(readFileSync(join(out, name), 'utf8'), name, 'test').records.map((r) => r.values);

  test('finds each pattern occurrence once', () => {
    const hits = table('hits.csv');
    const count = (frame: string) => hits.filter((h) => h.frame === frame).length;
    // Counted by hand from TEXTS: terrorist* ×4, foreign-trained ×1 + trained abroad ×1, fuel price* ×3.
    expect(count('terrorism')).toBe(4);
    expect(count('foreign_interference')).toBe(2);
    expect(count('economic_grievance')).toBe(3);
    expect(count('political_grievance')).toBe(2);
    for (const h of hits) expect(TEXTS[h.doc_id].slice(Number(h.start), Number(h.end))).toBe(h.text);
  });

  test('per-document counts sum to the group counts and to the hits', () => {
    const byDoc = table('counts_by_doc.csv').filter((r) => r.use === 'all');
    const byGroup = table('counts_by_group.csv').filter((r) => r.use === 'all');
    const hits = table('hits.csv').length;
    expect(byDoc.reduce((n, r) => n + Number(r.hits), 0)).toBe(hits);
    for (const g of byGroup) {
      const docs = byDoc.filter((r) => r.group === g.group && r.frame === g.frame);
      expect(docs.reduce((n, r) => n + Number(r.hits), 0)).toBe(Number(g.hits));
    }
  });

  test('an empty document has zero words and rates of zero, not a division by zero', () => {
    const rows = table('counts_by_doc.csv').filter((r) => r.doc_id === 'empty');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.words, r.per_1k]).toEqual(['0', '0.0000']);
    expect(readFileSync(join(out, 'comparison.csv'), 'utf8')).not.toMatch(/NaN|Infinity/);
  });

  test('a second run gives byte-identical tables and figures', async () => {
    const again = join(tempDir(), 'out');
    expect((await runCli(['run', ...args(again)])).code).toBe(0);
    for (const f of OUTPUTS.filter((f) => f !== 'manifest.json')) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    const m1 = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const m2 = JSON.parse(readFileSync(join(again, 'manifest.json'), 'utf8'));
    expect(m2.outputs).toEqual(m1.outputs);
    expect(m2.inputs).toEqual(m1.inputs);
  });

  // `run` draws figures and report from memory; the stages alone read the tables back from out/.
  test('the stages run alone give the same tables, figures and report as run', async () => {
    const staged = join(tempDir(), 'out');
    for (const stage of ['ingest', 'tokenize', 'tag', 'count', 'figures']) expect((await runCli([stage, ...args(staged)])).code, stage).toBe(0);
    // The report alone takes hashes and warnings from the manifest beside the tables: give it run's.
    copyFileSync(join(out, 'manifest.json'), join(staged, 'manifest.json'));
    expect((await runCli(['report', ...args(staged)])).code).toBe(0);
    const figures = readdirSync(join(out, 'figures')).filter((f) => f.endsWith('.svg'));
    expect(figures.length).toBeGreaterThan(0);
    // The warnings' texts are known only to the run that printed them (the manifest keeps their number).
    const comparable = (f: string, dir: string) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return f.startsWith('report.') ? text.split('\n').filter((l) => !/Warning/.test(l)).join('\n') : text;
    };
    for (const f of ['documents.csv', 'hits.csv', 'moves.csv', 'counts_by_doc.csv', 'counts_by_group.csv', 'comparison.csv', 'report.md', 'report.html', ...figures.map((f) => `figures/${f}`)]) {
      expect(comparable(f, staged), f).toBe(comparable(f, out));
    }
  });

  test('the manifest records every input hash, the seed and the options', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(m.inputs.corpus.texts).sort()).toEqual(Object.keys(TEXTS).sort());
    expect(m.options.seed).toBe(20220105);
    expect(m.counts.documents).toBe(5);
  });
});
