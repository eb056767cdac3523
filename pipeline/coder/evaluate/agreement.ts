// Agreement statistics for nominal codes (pure). Each unit is the list of values its coders gave, with
// `undefined` for a coder who did not code it. Krippendorff's alpha works from the coincidence matrix, so
// it takes any number of coders and missing values; Cohen's kappa takes exactly two.
// References: Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability"; Cohen (1960).

export type Code = string | undefined;

export interface Alpha {
  alpha: number;
  /** Pairable values: values in units that at least two coders coded (Krippendorff's n). */
  values: number;
  /** Units with at least two values. */
  units: number;
}

function counts(unit: readonly Code[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of unit) if (v !== undefined) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** Krippendorff's alpha, nominal metric: 1 − D_o/D_e over the coincidence matrix. NaN when D_e is 0. */
export function krippendorffAlpha(units: readonly (readonly Code[])[]): Alpha {
  const marginal = new Map<string, number>();
  let n = 0;
  let disagree = 0;
  let used = 0;
  for (const unit of units) {
    const c = counts(unit);
    let m = 0;
    let sumSq = 0;
    for (const k of c.values()) {
      m += k;
      sumSq += k * k;
    }
    if (m < 2) continue;
    used++;
    n += m;
    for (const [v, k] of c) marginal.set(v, (marginal.get(v) ?? 0) + k);
    disagree += (m * m - sumSq) / (m - 1);
  }
  let sumMarginalSq = 0;
  for (const k of marginal.values()) sumMarginalSq += k * k;
  const expected = (n * n - sumMarginalSq) / (n - 1);
  const alpha = n < 2 || expected === 0 ? NaN : 1 - disagree / expected;
  return { alpha, values: n, units: used };
}

/** Share of agreeing pairs among all pairs of values within units (for two coders: simple agreement). */
export function percentAgreement(units: readonly (readonly Code[])[]): { agreement: number; units: number } {
  let agree = 0;
  let pairs = 0;
  let used = 0;
  for (const unit of units) {
    const c = counts(unit);
    let m = 0;
    for (const k of c.values()) {
      m += k;
      agree += k * (k - 1);
    }
    if (m < 2) continue;
    used++;
    pairs += m * (m - 1);
  }
  return { agreement: pairs === 0 ? NaN : agree / pairs, units: used };
}

export interface Kappa {
  kappa: number;
  agreement: number;
  /** Units both coders coded. */
  units: number;
}

/** Cohen's kappa for two coders over the units both coded: (p_o − p_e) / (1 − p_e). */
export function cohenKappa(a: readonly Code[], b: readonly Code[]): Kappa {
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  let n = 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) continue;
    n++;
    if (x === y) same++;
    ca.set(x, (ca.get(x) ?? 0) + 1);
    cb.set(y, (cb.get(y) ?? 0) + 1);
  }
  if (n === 0) return { kappa: NaN, agreement: NaN, units: 0 };
  let pe = 0;
  for (const [v, k] of ca) pe += (k / n) * ((cb.get(v) ?? 0) / n);
  const po = same / n;
  return { kappa: pe === 1 ? NaN : (po - pe) / (1 - pe), agreement: po, units: n };
}
