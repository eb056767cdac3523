// From judged KWIC sheets: agreement among judges (when several sheets judge the same hits), precision
// per frame and per pattern with Wilson intervals, use accuracy, and the patterns ranked by false
// positives — the list a coder acts on. Pure: parsed sheets in, result rows out.
import { cohenKappa, krippendorffAlpha, percentAgreement, type Code } from './agreement.ts';
import { wilson } from './metrics.ts';
import type { Judgement, KwicSheet } from './read-sheets.ts';
import { code, majority, pairs, type ResultRow } from './results.ts';

export interface HitVerdict {
  frame: string;
  pattern: string;
  use: string;
  correct: boolean | undefined;
  correctUse: string | undefined;
}

/** Each judged hit once, with the judges' consensus (majority; a tie is left unjudged). */
export function hitVerdicts(sheets: readonly KwicSheet[]): { keys: string[]; items: Code[][]; verdicts: HitVerdict[] } {
  const byKey = new Map<string, (Judgement | undefined)[]>();
  sheets.forEach((s, c) => {
    for (const j of s.judgements) {
      let l = byKey.get(j.key);
      if (!l) byKey.set(j.key, (l = sheets.map(() => undefined)));
      l[c] = j;
    }
  });
  const keys = [...byKey.keys()].sort();
  const items = keys.map((k) => byKey.get(k)!.map((j) => code(j?.correct)));
  const verdicts = keys.map((k) => {
    const js = byKey.get(k)!;
    const first = js.find((j) => j !== undefined)!;
    const correct = majority(js.map((j) => j?.correct));
    return { frame: first.frame, pattern: first.pattern, use: first.use, correct,
      correctUse: correct === true ? majority(js.map((j) => (j?.correct === true ? j.correctUse : undefined))) : undefined };
  });
  return { keys, items, verdicts };
}

export function kwicAgreement(items: Code[][], judges: readonly string[]): ResultRow[] {
  const p = percentAgreement(items);
  // Sheets that judged different hits have nothing to agree on.
  if (judges.length < 2 || p.units === 0) return [];
  const a = krippendorffAlpha(items);
  const rows: ResultRow[] = [
    { section: 'kwic_agreement', frame: 'all', pattern: '', gold: 'all coders', metric: 'percent_agreement', value: p.agreement, n: p.units },
    { section: 'kwic_agreement', frame: 'all', pattern: '', gold: 'all coders', metric: 'krippendorff_alpha', value: a.alpha, n: a.units },
  ];
  for (const [i, j] of pairs(judges)) {
    const k = cohenKappa(items.map((u) => u[i]), items.map((u) => u[j]));
    rows.push({ section: 'kwic_agreement', frame: 'all', pattern: '', gold: `${judges[i]} + ${judges[j]}`, metric: 'cohen_kappa', value: k.kappa, n: k.units });
  }
  return rows;
}

export interface PrecisionCount {
  frame: string;
  pattern: string;
  correct: number;
  wrong: number;
  useRight: number;
  useJudged: number;
}

function tally(verdicts: readonly HitVerdict[], keyOf: (v: HitVerdict) => [string, string]): PrecisionCount[] {
  const m = new Map<string, PrecisionCount>();
  for (const v of verdicts) {
    if (v.correct === undefined) continue;
    const [frame, pattern] = keyOf(v);
    const k = `${frame}\u0000${pattern}`;
    let c = m.get(k);
    if (!c) m.set(k, (c = { frame, pattern, correct: 0, wrong: 0, useRight: 0, useJudged: 0 }));
    if (v.correct) c.correct++;
    else c.wrong++;
    if (v.correctUse !== undefined) {
      c.useJudged++;
      if (v.correctUse === v.use) c.useRight++;
    }
  }
  return [...m.values()];
}

/** Worst first: most false positives, then lowest precision, then frame and pattern. */
export function rankPatterns(counts: PrecisionCount[]): PrecisionCount[] {
  const prec = (c: PrecisionCount) => c.correct / (c.correct + c.wrong);
  return counts.sort((a, b) => b.wrong - a.wrong || prec(a) - prec(b) || (a.frame < b.frame ? -1 : a.frame > b.frame ? 1 : 0) ||
    (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));
}

function precisionRows(section: string, gold: string, c: PrecisionCount, inLexicon?: boolean): ResultRow[] {
  const n = c.correct + c.wrong;
  const w = wilson(c.correct, n);
  const base = { section, frame: c.frame, pattern: c.pattern, gold };
  const rows: ResultRow[] = [
    { ...base, metric: 'judged', value: n, n },
    { ...base, metric: 'false_positives', value: c.wrong, n },
    { ...base, metric: 'precision', value: c.correct / n, low: w.low, high: w.high, n },
  ];
  if (c.useJudged > 0) rows.push({ ...base, metric: 'use_accuracy', value: c.useRight / c.useJudged, n: c.useJudged });
  if (inLexicon !== undefined) rows.push({ ...base, metric: 'in_lexicon', value: inLexicon ? 1 : 0, n });
  return rows;
}

/** `gold` names whose judgements these are: the one judge, or `consensus`. */
export function kwicPrecision(verdicts: readonly HitVerdict[], gold: string, frameOrder: readonly string[], live: ReadonlySet<string>): { rows: ResultRow[]; ranked: PrecisionCount[] } {
  const order = (f: string) => (frameOrder.includes(f) ? frameOrder.indexOf(f) : frameOrder.length);
  const frames = tally(verdicts, (v) => [v.frame, '']).sort((a, b) => order(a.frame) - order(b.frame) || (a.frame < b.frame ? -1 : 1));
  const ranked = rankPatterns(tally(verdicts, (v) => [v.frame, v.pattern]));
  const rows = [
    ...frames.flatMap((c) => precisionRows('kwic_frame', gold, c)),
    ...ranked.flatMap((c) => precisionRows('kwic_pattern', gold, c, live.has(`${c.frame}\u0000${c.pattern}`))),
  ];
  return { rows, ranked };
}
