// From coded unit sheets: agreement among coders (per frame, pooled, and on uses), the lexicon against
// each coder and against their consensus (precision, recall, F1 with bootstrap intervals, kappa), and
// use accuracy. Pure: parsed sheets and the lexicon's verdict per unit in, result rows out.
import type { Use } from '../../lib/types.ts';
import { cohenKappa, krippendorffAlpha, percentAgreement, type Code } from './agreement.ts';
import type { LexiconVerdict } from './check.ts';
import { bootstrapScores, confusion, summarize, type UnitPairs } from './metrics.ts';
import type { UnitSheet } from './read-sheets.ts';
import { code, majority, pairs, type ResultRow } from './results.ts';

export interface UnitData {
  coders: string[];
  frames: string[];
  unitIds: string[];
  /** value[c][u][f]: coder c's code for unit u, frame f. */
  value: (boolean | undefined)[][][];
  use: (Use | undefined)[][][];
}

export function unitData(sheets: readonly UnitSheet[], coders: readonly string[], frameOrder: readonly string[]): UnitData {
  const all = new Set(sheets.flatMap((s) => s.frames));
  const frames = [...frameOrder.filter((f) => all.has(f)), ...[...all].filter((f) => !frameOrder.includes(f)).sort()];
  const unitIds = [...new Set(sheets.flatMap((s) => [...s.units.keys()]))].sort();
  const value = sheets.map((s) => unitIds.map((id) => frames.map((f) => s.units.get(id)?.codes.get(f))));
  const use = sheets.map((s) => unitIds.map((id) => frames.map((f) => s.units.get(id)?.uses.get(f))));
  return { coders: [...coders], frames, unitIds, value, use };
}

function agreementRows(section: string, frame: string, items: Code[][], coders: readonly string[]): ResultRow[] {
  const a = krippendorffAlpha(items);
  const p = percentAgreement(items);
  const rows: ResultRow[] = [
    { section, frame, pattern: '', gold: 'all coders', metric: 'percent_agreement', value: p.agreement, n: p.units },
    { section, frame, pattern: '', gold: 'all coders', metric: 'krippendorff_alpha', value: a.alpha, n: a.units },
  ];
  for (const [i, j] of pairs(coders)) {
    const k = cohenKappa(items.map((u) => u[i]), items.map((u) => u[j]));
    rows.push({ section, frame, pattern: '', gold: `${coders[i]} + ${coders[j]}`, metric: 'cohen_kappa', value: k.kappa, n: k.units });
  }
  return rows;
}

export function unitAgreement(d: UnitData): ResultRow[] {
  if (d.coders.length < 2) return [];
  const item = (u: number, f: number) => d.coders.map((_, c) => code(d.value[c][u][f]));
  const useItem = (u: number, f: number) => d.coders.map((_, c) => (d.value[c][u][f] === true ? d.use[c][u][f] : undefined));
  const rows: ResultRow[] = [];
  const all: Code[][] = [];
  const allUses: Code[][] = [];
  d.frames.forEach((frame, f) => {
    const items = d.unitIds.map((_, u) => item(u, f));
    all.push(...items);
    allUses.push(...d.unitIds.map((_, u) => useItem(u, f)));
    rows.push(...agreementRows('agreement', frame, items, d.coders));
  });
  // Sheets that share no coded unit have nothing to agree on.
  if (percentAgreement(all).units === 0) return [];
  rows.push(...agreementRows('agreement', 'all', all, d.coders));
  if (percentAgreement(allUses).units > 0) rows.push(...agreementRows('use_agreement', 'all', allUses, d.coders));
  return rows;
}

/** The gold standards: each coder, and with two or more coders their consensus (majority; ties missing). */
export function golds(d: UnitData): { name: string; value: (u: number, f: number) => boolean | undefined; use: (u: number, f: number) => Use | undefined }[] {
  const out = d.coders.map((name, c) => ({ name, value: (u: number, f: number) => d.value[c][u][f], use: (u: number, f: number) => d.use[c][u][f] }));
  if (d.coders.length < 2) return out;
  const cons = (u: number, f: number) => majority(d.coders.map((_, c) => d.value[c][u][f]));
  const consUse = (u: number, f: number) => (cons(u, f) === true ? majority(d.coders.map((_, c) => (d.value[c][u][f] === true ? d.use[c][u][f] : undefined))) : undefined);
  return [...out, { name: 'consensus', value: cons, use: consUse }];
}

export interface LexiconOptions {
  lexiconFrames: ReadonlySet<string>;
  reps: number;
  seed: number;
}

export function lexiconVsGold(d: UnitData, verdicts: ReadonlyMap<string, LexiconVerdict>, o: LexiconOptions): ResultRow[] {
  const frames = d.frames.filter((f) => o.lexiconFrames.has(f));
  const fi = frames.map((f) => d.frames.indexOf(f));
  const rows: ResultRow[] = [];
  for (const g of golds(d)) {
    const units: UnitPairs[] = d.unitIds.map((id, u) => fi.map((f) => {
      const gold = g.value(u, f);
      return gold === undefined ? undefined : { lexicon: verdicts.get(id)?.frames.has(d.frames[f]) ?? false, gold };
    }));
    const tables = frames.map((_, k) => confusion(units.flatMap((p) => (p[k] ? [p[k]!] : []))));
    const s = summarize(tables);
    const ci = bootstrapScores(units, frames.length, o.reps, o.seed);
    const add = (frame: string, metric: string, value: number, n: number, k?: number) =>
      rows.push({ section: 'lexicon', frame, pattern: '', gold: g.name, metric, value, low: k === undefined ? undefined : ci[k].low, high: k === undefined ? undefined : ci[k].high, n });
    frames.forEach((frame, k) => {
      const t = tables[k];
      const n = t.tp + t.fp + t.fn + t.tn;
      for (const m of ['tp', 'fp', 'fn', 'tn'] as const) add(frame, m, t[m], n);
      add(frame, 'precision', s.frames[k].precision, n, 3 * k);
      add(frame, 'recall', s.frames[k].recall, n, 3 * k + 1);
      add(frame, 'f1', s.frames[k].f1, n, 3 * k + 2);
      const pairsOf = units.flatMap((p) => (p[k] ? [p[k]!] : []));
      add(frame, 'cohen_kappa', cohenKappa(pairsOf.map((p) => code(p.lexicon)), pairsOf.map((p) => code(p.gold))).kappa, n);
    });
    const n = s.microCounts.tp + s.microCounts.fp + s.microCounts.fn + s.microCounts.tn;
    for (const m of ['tp', 'fp', 'fn', 'tn'] as const) add('micro', m, s.microCounts[m], n);
    const base = 3 * frames.length;
    add('micro', 'precision', s.micro.precision, n, base);
    add('micro', 'recall', s.micro.recall, n, base + 1);
    add('micro', 'f1', s.micro.f1, n, base + 2);
    add('macro', 'precision', s.macro.precision, frames.length, base + 3);
    add('macro', 'recall', s.macro.recall, frames.length, base + 4);
    add('macro', 'f1', s.macro.f1, frames.length, base + 5);
  }
  return rows;
}

/** Where the gold marks a frame present with a use and the lexicon hits that frame: does its first hit's use agree? */
export function useAccuracy(d: UnitData, verdicts: ReadonlyMap<string, LexiconVerdict>, lexiconFrames: ReadonlySet<string>): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const g of golds(d)) {
    let right = 0;
    let total = 0;
    d.frames.forEach((frame, f) => {
      if (!lexiconFrames.has(frame)) return;
      let r = 0;
      let n = 0;
      d.unitIds.forEach((id, u) => {
        const gold = g.use(u, f);
        const mine = verdicts.get(id)?.firstUse.get(frame);
        if (gold === undefined || mine === undefined) return;
        n++;
        if (gold === mine) r++;
      });
      if (n > 0) rows.push({ section: 'use_accuracy', frame, pattern: '', gold: g.name, metric: 'use_accuracy', value: r / n, n });
      right += r;
      total += n;
    });
    if (total > 0) rows.push({ section: 'use_accuracy', frame: 'all', pattern: '', gold: g.name, metric: 'use_accuracy', value: right / total, n: total });
  }
  return rows;
}
