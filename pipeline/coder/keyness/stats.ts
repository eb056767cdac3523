// Keyness statistics for a term seen a times in a target corpus of c items and b times in a reference
// of d items (pure). G² is the log-likelihood of Rayson & Garside (2000), as in Wmatrix and AntConc;
// Log Ratio is Hardie's (2014) binary log of the ratio of relative frequencies, an effect size.

/** G² = 2 Σ O ln(O / E) over the target and reference cells; 0 ln 0 counts as 0. */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const term = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  return 2 * (term(a, e1) + term(b, e2));
}

/**
 * log2 of (a/c) / (b/d). A zero frequency is replaced by 0.5 (Hardie's adjustment), so a term that never
 * occurs in the reference gets a large but finite value. Each unit is a doubling.
 */
export function logRatio(a: number, b: number, c: number, d: number): number {
  const aa = a === 0 ? 0.5 : a;
  const bb = b === 0 ? 0.5 : b;
  return Math.log2(aa / c / (bb / d));
}

/** Critical G² values for one degree of freedom, for the notes under a table. */
export const G2_CRITICAL = { '0.05': 3.84, '0.01': 6.63, '0.001': 10.83, '0.0001': 15.13 };
