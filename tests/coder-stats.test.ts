// The statistics behind evaluate, suggest and keyness, checked against published worked examples and
// values computed independently (by hand or with SciPy), never against this code's own output.
import { describe, expect, test } from 'vitest';
import { cohenKappa, krippendorffAlpha, percentAgreement, type Code } from '../pipeline/coder/evaluate/agreement.ts';
import { bootstrapScores, confusion, scores, summarize, wilson } from '../pipeline/coder/evaluate/metrics.ts';
import { logLikelihood, logRatio } from '../pipeline/coder/keyness/stats.ts';

const s = (xs: (number | null)[]): Code[] => xs.map((x) => (x === null ? undefined : String(x)));
const columns = (coders: Code[][]): Code[][] => coders[0].map((_, u) => coders.map((c) => c[u]));

describe("Krippendorff's alpha (nominal)", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: two observers, binary
  // data, ten units; published α = 0.095 (exactly 1 − 19·4/(14·6)).
  const binaryA = s([0, 1, 0, 0, 0, 0, 0, 0, 1, 0]);
  const binaryB = s([1, 1, 1, 0, 0, 1, 0, 0, 0, 0]);

  // Krippendorff (2011), section C: four observers, values 1–5, twelve units, missing values; published
  // nominal α = 0.743 with n.. = 40 pairable values (unit 12 has a single value and drops out).
  const A = s([1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null]);
  const B = s([1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3]);
  const C = s([null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null]);
  const D = s([1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]);

  test('binary data, two observers: α = 0.095', () => {
    const a = krippendorffAlpha(columns([binaryA, binaryB]));
    expect(a.alpha).toBeCloseTo(0.095, 3);
    expect(a.values).toBe(20);
  });

  test('nominal data, four observers with missing values: α = 0.743 over 40 pairable values', () => {
    const a = krippendorffAlpha(columns([A, B, C, D]));
    expect(a.alpha).toBeCloseTo(0.743, 3);
    expect(a.values).toBe(40);
    expect(a.units).toBe(11);
  });

  test('the coders can be listed in any order', () => {
    expect(krippendorffAlpha(columns([D, B, A, C])).alpha).toBeCloseTo(krippendorffAlpha(columns([A, B, C, D])).alpha, 12);
  });

  test.each([
    ['perfect agreement with variation', [['a', 'a'], ['b', 'b'], ['a', 'a']], 1],
    ['no variation at all (undefined)', [['a', 'a'], ['a', 'a']], NaN],
    ['nothing pairable (undefined)', [['a', undefined], [undefined, 'b']], NaN],
  ])('%s', (_name, units, expected) => {
    expect(krippendorffAlpha(units as Code[][]).alpha).toEqual(expected);
  });

  test('percent agreement of the binary example is 6 of 10', () => {
    expect(percentAgreement(columns([binaryA, binaryB])).agreement).toBeCloseTo(0.6, 12);
  });

  test("Cohen's kappa of the binary example is (0.6 − 0.56) / 0.44 by hand", () => {
    // p_o = 6/10; A codes 1 twice, B four times: p_e = 0.2·0.4 + 0.8·0.6 = 0.56.
    expect(cohenKappa(binaryA, binaryB).kappa).toBeCloseTo(0.04 / 0.44, 12);
  });
});

describe("Cohen's kappa", () => {
  // Worked examples from the Wikipedia article "Cohen's kappa": 2×2 tables (yes-yes, A yes-B no,
  // A no-B yes, no-no) with published κ = 0.4, 0.1304 and 0.2593.
  const fromTable = (yy: number, yn: number, ny: number, nn: number): [Code[], Code[]] => {
    const a: Code[] = [];
    const b: Code[] = [];
    const add = (n: number, x: string, y: string) => { for (let i = 0; i < n; i++) { a.push(x); b.push(y); } };
    add(yy, 'yes', 'yes'); add(yn, 'yes', 'no'); add(ny, 'no', 'yes'); add(nn, 'no', 'no');
    return [a, b];
  };
  test.each([
    [20, 5, 10, 15, 0.4],
    [45, 15, 25, 15, 0.1304],
    [25, 35, 5, 35, 0.2593],
  ])('table %i %i %i %i → κ = %f', (yy, yn, ny, nn, kappa) => {
    const [a, b] = fromTable(yy, yn, ny, nn);
    expect(cohenKappa(a, b).kappa).toBeCloseTo(kappa, 4);
  });

  test('units either coder left out are not counted', () => {
    const k = cohenKappa(['a', 'b', undefined, 'a'], ['a', 'b', 'a', undefined]);
    expect(k.units).toBe(2);
    expect(k.kappa).toBe(1);
  });
});

describe('precision, recall, F1', () => {
  test('from a confusion table counted by hand', () => {
    const c = confusion([
      { lexicon: true, gold: true }, { lexicon: true, gold: true }, { lexicon: true, gold: true },
      { lexicon: true, gold: false }, { lexicon: false, gold: true }, { lexicon: false, gold: false },
    ]);
    expect(c).toEqual({ tp: 3, fp: 1, fn: 1, tn: 1 });
    expect(scores(c)).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
  });

  test('micro pools counts, macro averages the frames that have a defined score', () => {
    // Frame 1: TP 1, FP 1 → P 0.5, R 1. Frame 2: TP 2, FN 2 → P 1, R 0.5. Frame 3: no positives → undefined.
    const s = summarize([{ tp: 1, fp: 1, fn: 0, tn: 0 }, { tp: 2, fp: 0, fn: 2, tn: 0 }, { tp: 0, fp: 0, fn: 0, tn: 5 }]);
    expect(s.micro.precision).toBeCloseTo(3 / 4, 12);
    expect(s.micro.recall).toBeCloseTo(3 / 5, 12);
    expect(s.micro.f1).toBeCloseTo(6 / 9, 12);
    expect(s.macro.precision).toBeCloseTo(0.75, 12);
    expect(s.macro.recall).toBeCloseTo(0.75, 12);
    expect(s.macro.f1).toBeCloseTo((2 / 3 + 2 / 3) / 2, 12);
    expect(s.frames[2].precision).toBeNaN();
  });

  test('bootstrap intervals repeat for a seed and contain the estimate', () => {
    const units = Array.from({ length: 40 }, (_, i) => [{ lexicon: i % 3 !== 0, gold: i % 4 !== 0 }]);
    const a = bootstrapScores(units, 1, 500, 11);
    expect(bootstrapScores(units, 1, 500, 11)).toEqual(a);
    const p = scores(confusion(units.map((u) => u[0]))).precision;
    expect(a[0].low).toBeLessThanOrEqual(p);
    expect(a[0].high).toBeGreaterThanOrEqual(p);
  });

  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (score).
  test.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('Wilson interval for %i/%i is [%f, %f]', (x, n, low, high) => {
    const w = wilson(x, n);
    expect(w.low).toBeCloseTo(low, 4);
    expect(w.high).toBeCloseTo(high, 4);
  });
});

describe('keyness', () => {
  // G² computed independently with SciPy: scipy.stats.power_divergence([a, b], [E1, E2], lambda_="log-likelihood"),
  // E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d) — Rayson & Garside's log-likelihood.
  test.each([
    [10, 20, 1000, 10000, 13.579462550451632],
    [3, 0, 500, 20000, 22.281432400225846],
    [25, 3, 2200, 27000, 110.68757091072501],
  ])('G² of %i/%i in %i vs %i = %f', (a, b, c, d, g2) => {
    expect(logLikelihood(a, b, c, d)).toBeCloseTo(g2, 9);
  });

  test.each([
    // log2((10/1000) / (20/10000)) = log2(5)
    [10, 20, 1000, 10000, Math.log2(5)],
    // equal relative frequencies → 0
    [5, 50, 1000, 10000, 0],
    // zero in the reference is replaced by 0.5 (Hardie 2014): log2((3/500) / (0.5/20000)) = log2(240)
    [3, 0, 500, 20000, Math.log2(240)],
  ])('Log Ratio of %i/%i in %i vs %i = %f', (a, b, c, d, lr) => {
    expect(logRatio(a, b, c, d)).toBeCloseTo(lr, 12);
  });
});
