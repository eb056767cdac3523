// evaluate: filled sheets → agreement among coders, the lexicon against gold codes, use accuracy, and
// per-pattern precision from KWIC judgements; refusal of stale or malformed sheets with path:line.
// Expected numbers are counted by hand from tests/coder-fixture.ts or taken from published examples.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatCsv } from '../pipeline/lib/csv.ts';
import { USES } from '../pipeline/lib/types.ts';
import { runCli } from './support/cli.ts';
import { tempDir } from './support/fixtures.ts';
import { coderCorpus, coderLexicon, readRows } from './coder-fixture.ts';

let corpus: string;
let lexicon: string;
let dir: string;
let blank: string;
const common = () => ['--corpus', corpus, '--lexicon', lexicon, '--no-progress', '--reps', '200'];

/** Copy the blank sheet with codes set per row (by sentence text, or by row index). */
function fill(name: string, codes: (row: Record<string, string>, i: number) => Record<string, string> | 'blank', from = blank): string {
  const rows = readRows(from);
  const header = Object.keys(rows[0]);
  const out = rows.map((r, i) => {
    const c = codes(r, i);
    return header.map((h) => (c === 'blank' ? (h.includes('_use') || !r.unit_id || ['unit_id', 'doc_id', 'source', 'date', 'previous', 'text', 'next', 'note', 'sentence', 'text_sha256'].includes(h) ? r[h] : '') : c[h] ?? r[h]));
  });
  const p = join(dir, name);
  writeFileSync(p, formatCsv(header, out));
  return p;
}

async function evaluate(gold: string[], out = join(dir, `out-${Math.random().toString(36).slice(2)}`)) {
  const r = await runCli(['evaluate', '--gold', ...gold, '--out', out, ...common()]);
  return { ...r, out, rows: r.code === 0 ? readRows(join(out, 'evaluation.csv')) : [] };
}

const value = (rows: Record<string, string>[], section: string, frame: string, gold: string, metric: string) =>
  rows.find((r) => r.section === section && r.frame === frame && r.gold === gold && r.metric === metric);

beforeAll(async () => {
  corpus = coderCorpus();
  lexicon = coderLexicon();
  dir = tempDir();
  const r = await runCli(['sheet', '--sample', '12', '--dir', dir, '--name', 'all', '--out', join(dir, 'out'), ...common()]);
  expect(r.code).toBe(0);
  blank = join(dir, 'all-coder1.csv');
});

// Coder A's reading of the twelve sentences; the lexicon's hits are listed in tests/coder-fixture.ts.
const CODER_A: Record<string, Record<string, string>> = {
  'Terrorists seized the airport in Almaty.': { terrorism: '1', terrorism_use: 'asserted' },
  'Foreign militants trained abroad joined them.': { terrorism: '1', foreign_interference: '1' },
  'The government declared a state of emergency.': { security_response: '1' },
  'Calm returned to the city.': { terrorism: '0' },
  'Terrorist gangs attacked the city again.': { terrorism: '1', terrorism_use: 'quoted' },
  'Order was restored by peacekeeping troops.': { security_response: 'yes' },
  'Protesters demanded lower gas prices.': { economic_grievance: 'x' },
  'The gas station on the corner was closed.': { economic_grievance: 'no' },
  'Nobody spoke of terrorists then.': { terrorism: '0' },
  'Fuel prices doubled in January.': { economic_grievance: '1' },
  'Anger at corruption grew.': { political_grievance: '1' },
  'The so-called terrorists were protesters.': { terrorism: 'Y' },
};

describe('lexicon against one coder', () => {
  let rows: Record<string, string>[];
  let out: string;
  beforeAll(async () => {
    const r = await evaluate([fill('coderA.csv', (row) => CODER_A[row.text])]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    rows = r.rows;
    out = r.out;
  });

  test.each([
    // terrorism: hits in 4 sentences, A agrees on 3 (TP) and not on "Nobody spoke of terrorists" (FP);
    // A also codes "Foreign militants…" as terrorism (FN); the other 7 are TN.
    ['terrorism', { tp: '3', fp: '1', fn: '1', tn: '7', precision: '0.7500', recall: '0.7500', f1: '0.7500' }],
    // security_response: "state of emergency" TP; "peacekeeping troops" has no pattern → FN.
    ['security_response', { tp: '1', fp: '0', fn: '1', tn: '10', precision: '1.0000', recall: '0.5000', f1: '0.6667' }],
    ['economic_grievance', { tp: '2', fp: '0', fn: '0', tn: '10', precision: '1.0000', recall: '1.0000', f1: '1.0000' }],
    ['colour_revolution', { tp: '0', fp: '0', fn: '0', tn: '12', precision: 'NA', recall: 'NA', f1: 'NA' }],
    // micro: TP 3+1+2+1+1 = 8, FP 1, FN 2 → P 8/9, R 8/10, F1 16/19
    ['micro', { tp: '8', fp: '1', fn: '2', tn: '61', precision: '0.8889', recall: '0.8000', f1: '0.8421' }],
    // macro over the five frames with a defined score: P (0.75+1+1+1+1)/5, R (0.75+1+1+1+0.5)/5, F1 (0.75+1+1+1+2/3)/5
    ['macro', { precision: '0.9500', recall: '0.8500', f1: '0.8833' }],
  ])('%s', (frame, expected) => {
    for (const [metric, v] of Object.entries(expected)) expect(value(rows, 'lexicon', frame, 'coderA', metric)?.value, metric).toBe(v);
  });

  test("kappa between lexicon and coder: terrorism (10/12 − 5/9) / (4/9) = 0.625 by hand", () => {
    expect(value(rows, 'lexicon', 'terrorism', 'coderA', 'cohen_kappa')?.value).toBe('0.6250');
  });

  test('precision and recall carry bootstrap intervals around them', () => {
    const p = value(rows, 'lexicon', 'micro', 'coderA', 'precision')!;
    expect(Number(p.ci_low)).toBeLessThanOrEqual(Number(p.value));
    expect(Number(p.ci_high)).toBeGreaterThanOrEqual(Number(p.value));
  });

  test('use accuracy: the coder says asserted and quoted for two plain assertions → 1 of 2', () => {
    const u = value(rows, 'use_accuracy', 'terrorism', 'coderA', 'use_accuracy')!;
    expect([u.value, u.n]).toEqual(['0.5000', '2']);
  });

  test('one coder: no agreement rows; evaluation.md holds the tables and the definitions', () => {
    expect(rows.some((r) => r.section === 'agreement')).toBe(false);
    const md = readFileSync(join(out, 'evaluation.md'), 'utf8');
    expect(md).toMatch(/\| terrorism \| 3 \| 1 \| 1 \| 7 \| 0\.750 \[/);
    expect(md).toMatch(/## How these numbers are computed/);
  });

  test('a rerun writes the same bytes', async () => {
    const again = await evaluate([join(dir, 'coderA.csv')]);
    for (const f of ['evaluation.csv', 'evaluation.md']) expect(readFileSync(join(again.out, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'));
  });
});

describe('agreement among coders', () => {
  test("two coders on Krippendorff's binary example: α 0.095, κ 0.0909, 60% agreement; blank rows are not coded", async () => {
    // Krippendorff (2011) section A, coded in the colour_revolution column of the first ten rows.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r = await evaluate([
      fill('k1.csv', (_row, i) => ({ colour_revolution: String(a[i] ?? 0) })),
      fill('k2.csv', (_row, i) => (i < 10 ? { colour_revolution: String(b[i]) } : 'blank')),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/k2\.csv:12: warning 2 rows have every frame cell blank/);
    expect(value(r.rows, 'agreement', 'colour_revolution', 'all coders', 'krippendorff_alpha')).toMatchObject({ value: '0.0952', n: '10' });
    expect(value(r.rows, 'agreement', 'colour_revolution', 'k1 + k2', 'cohen_kappa')?.value).toBe('0.0909');
    expect(value(r.rows, 'agreement', 'colour_revolution', 'all coders', 'percent_agreement')?.value).toBe('0.6000');
    expect(value(r.rows, 'lexicon', 'terrorism', 'consensus', 'tp')).toBeDefined();
  });

  test("four coders' uses with missing values: Krippendorff's nominal example gives α = 0.743", async () => {
    // Krippendorff (2011) section C; value v is coded as terrorism present with use USES[v − 1], missing as absent.
    const data = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const sheets = data.map((d, c) => fill(`u${c + 1}.csv`, (_row, i): Record<string, string> => (d[i] === null ? { terrorism: '0' } : { terrorism: '1', terrorism_use: USES[d[i]! - 1] })));
    const r = await evaluate(sheets);
    expect(r.code).toBe(0);
    const alpha = value(r.rows, 'use_agreement', 'all', 'all coders', 'krippendorff_alpha')!;
    expect(Number(alpha.value)).toBeCloseTo(0.743, 3);
    expect(alpha.n).toBe('11');
    expect(r.rows.filter((x) => x.section === 'use_agreement' && x.metric === 'cohen_kappa')).toHaveLength(6);
  });
});

describe('KWIC judgements', () => {
  test('precision per pattern with Wilson intervals, worst patterns first', async () => {
    const k1 = join(dir, 'kwic-t.csv');
    const k2 = join(dir, 'kwic-e.csv');
    expect((await runCli(['kwic', '--frame', 'terrorism', '--csv', k1, ...common()])).code).toBe(0);
    expect((await runCli(['kwic', '--frame', 'economic_grievance', '--csv', k2, ...common()])).code).toBe(0);
    const judge = (p: string, f: (r: Record<string, string>) => Record<string, string>) => fill(basename(p).replace('.csv', '-done.csv'), f, p);
    const t = judge(k1, (r): Record<string, string> => (r.doc_id === 'paper-1' ? { correct: 'no' } : r.doc_id === 'gov-1' ? { correct: 'yes', correct_use: 'asserted' } : { correct: 'yes' }));
    const e = judge(k2, () => ({ correct: 'y' }));
    const r = await evaluate([t, e]);
    expect(r.code).toBe(0);
    const patterns = r.rows.filter((x) => x.section === 'kwic_pattern' && x.metric === 'precision');
    // terrorist*: 4 judged, 1 false positive → 0.75. Wilson 95% intervals computed independently (Python, the
    // score formula): 3/4 → [0.3006, 0.9544], 1/1 → [0.2065, 1].
    expect(patterns.map((x) => [x.frame, x.pattern, x.value, x.ci_low, x.ci_high, x.n])).toEqual([
      ['terrorism', 'terrorist*', '0.7500', '0.3006', '0.9544', '4'],
      ['economic_grievance', 'fuel price*', '1.0000', '0.2065', '1.0000', '1'],
      ['economic_grievance', 'gas price*', '1.0000', '0.2065', '1.0000', '1'],
    ]);
    expect(value(r.rows, 'kwic_frame', 'terrorism', 'consensus', 'use_accuracy')).toMatchObject({ n: '1' });
    expect(r.rows.some((x) => x.section === 'kwic_agreement')).toBe(false);
    const md = readFileSync(join(r.out, 'evaluation.md'), 'utf8');
    expect(md).toMatch(/## Patterns ranked by false positives/);
    expect(md.indexOf('terrorist*')).toBeLessThan(md.indexOf('fuel price*'));
  });
});

describe('refusals', () => {
  test('a sheet whose document text changed is refused with path:line (exit 1), nothing written', async () => {
    const copy = tempDir();
    cpSync(corpus, copy, { recursive: true });
    const sheet = fill('stale.csv', (row) => CODER_A[row.text]);
    writeFileSync(join(copy, 'texts', 'gov-2.txt'), 'Terrorist gangs attacked the city. Order was restored.');
    const out = join(dir, 'out-stale');
    const r = await runCli(['evaluate', '--gold', sheet, '--out', out, '--corpus', copy, '--lexicon', lexicon, '--no-progress']);
    expect(r.code).toBe(1);
    // Rows run by date: paper-1 (lines 2–4), gov-1 (5–8), paper-2 (9–11), gov-2 (12–13).
    expect(r.stderr).toMatch(/stale\.csv:12: error the text of document `gov-2` has changed since this sheet was made .* \(and 1 more row of this document\)\s+evaluate\/stale-sheet/);
    expect(r.stderr).toMatch(/nothing was written/);
  });

  test('unknown units, codes outside the allowed values and uses without a frame: every one named', async () => {
    const sheet = fill('bad.csv', (row, i) => {
      const base = CODER_A[row.text];
      if (i === 0) return { ...base, unit_id: 'nodoc:1:abcdef12' };
      if (i === 1) return { ...base, unit_id: 'paper-1:2:00000000' };
      if (i === 2) return { terrorism: 'maybe' };
      if (i === 3) return { terrorism: '0', terrorism_use: 'asserted' };
      if (i === 4) return { terrorism: '1', terrorism_use: 'assertive' };
      return base;
    });
    const r = await evaluate([sheet]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    const at = (line: number, rule: string) => lines.find((l) => l.includes(`bad.csv:${line}: error`) && l.endsWith(rule));
    expect(at(2, 'evaluate/unknown-unit')).toMatch(/names document `nodoc`, which is not in the corpus/);
    expect(at(3, 'evaluate/unknown-unit')).toMatch(/does not match sentence 2 of `paper-1`/);
    expect(at(4, 'evaluate/bad-code')).toMatch(/`maybe` in column `terrorism` is not a code; expected 1 \(present\), 0 or blank \(absent\), or \? \(unsure\)/);
    expect(at(5, 'evaluate/use-without-frame')).toBeDefined();
    expect(at(6, 'evaluate/bad-code')).toMatch(/`assertive` in column `terrorism_use` is not a use/);
  });

  test.each([
    ['a CSV that is not a sheet', 'a,b\n1,2\n', /not a qantar sheet/],
    ['a unit sheet without frame columns', 'unit_id,text_sha256\nx:1:abcdef12,00\n', /no frame columns/],
  ])('%s is refused', async (_name, text, message) => {
    const p = join(dir, `odd-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(p, text);
    const r = await evaluate([p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  test('a missing sheet file is named', async () => {
    const r = await evaluate([join(dir, 'nope.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.csv: error sheet not found/);
  });
});
