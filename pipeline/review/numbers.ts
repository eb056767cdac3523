// The numbers the page shows, computed the way `qantar evaluate` computes them: each coder's file is read
// back with evaluate's parser and fed to evaluate's own functions (agreement, lexicon against gold, use
// accuracy, KWIC precision). `qantar evaluate --gold <the same files>` prints the same numbers.
import { basename, extname } from 'node:path';
import { displayPath } from '../ingest/read.ts';
import { hitVerdicts, kwicAgreement, kwicPrecision, type PrecisionCount } from '../coder/evaluate/kwic.ts';
import { parseSheet, type KwicSheet, type UnitSheet } from '../coder/evaluate/read-sheets.ts';
import { uniqueNames, type ResultRow } from '../coder/evaluate/results.ts';
import { lexiconVsGold, unitAgreement, unitData, useAccuracy } from '../coder/evaluate/units.ts';
import type { ReviewData } from './data.ts';
import type { DecisionFile } from './store.ts';
import type { Kind, Workspace } from './workspace.ts';

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A kind's files that hold at least one decision, in path order (the order a shell glob passes them). */
function filesOf(ws: Workspace, kind: Kind): DecisionFile[] {
  return [...ws.files[kind].values()].filter((f) => f.rows.size > 0).sort((a, b) => compareNames(a.path, b.path));
}

export interface Numbers {
  rows: ResultRow[];
  ranked: PrecisionCount[];
  /** The files the numbers come from, in the order `qantar evaluate --gold` is given them. */
  files: string[];
}

/**
 * evaluate's own steps (evaluate/index.ts) over the coders' files: coder names from the file names, made
 * unique the same way, sentence sheets then KWIC sheets.
 */
export function computeNumbers(ws: Workspace, data: ReviewData, o: { reps: number; seed: number }): Numbers {
  const files = [...filesOf(ws, 'sentences'), ...filesOf(ws, 'hits')];
  const names = uniqueNames(files.map((f) => basename(f.path, extname(f.path))));
  const sheets = files.map((f, i) => parseSheet(f.text(), displayPath(f.path), names[i]).sheet!);
  const unitSheets = sheets.filter((s): s is UnitSheet => s.kind === 'units');
  const kwicSheets = sheets.filter((s): s is KwicSheet => s.kind === 'kwic');
  const frameIds = data.frames.map((f) => f.frame);
  const rows: ResultRow[] = [];
  if (unitSheets.length > 0) {
    const d = unitData(unitSheets, unitSheets.map((s) => s.coder), frameIds);
    const lexiconFrames = new Set(frameIds);
    rows.push(...unitAgreement(d), ...lexiconVsGold(d, data.verdicts, { lexiconFrames, reps: o.reps, seed: o.seed }), ...useAccuracy(d, data.verdicts, lexiconFrames));
  }
  const judges = kwicSheets.map((s) => s.coder);
  const hv = hitVerdicts(kwicSheets);
  const kp = kwicPrecision(hv.verdicts, judges.length === 1 ? judges[0] : 'consensus', frameIds, data.live);
  rows.push(...kwicAgreement(hv.items, judges), ...kp.rows);
  return { rows, ranked: kp.ranked, files: files.map((f) => f.path) };
}

export interface PatternLine {
  frame: string;
  pattern: string;
  hits: number;
  judged: number;
  wrong: number;
  precision: number | null;
  low: number | null;
  high: number | null;
}

const finite = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);

/**
 * One coder's precision per pattern of a frame, worst first as evaluate ranks them, then the patterns
 * not judged yet (most hits first). Counts every hit the coder judged, in this frame or (for patterns
 * the lexicon no longer has) out of it.
 */
export function patternTable(ws: Workspace, data: ReviewData, coder: string, frame: string): PatternLine[] {
  const file = ws.files.hits.get(coder);
  const mine = file ? [parseSheet(file.text(), displayPath(file.path), coder).sheet as KwicSheet] : [];
  const kp = kwicPrecision(hitVerdicts(mine).verdicts, coder, [frame], data.live);
  const hitCount = new Map<string, number>();
  for (const h of data.hits) if (h.row.frame === frame) hitCount.set(h.row.pattern, (hitCount.get(h.row.pattern) ?? 0) + 1);
  const precisionOf = (c: PrecisionCount) => kp.rows.find((r) => r.section === 'kwic_pattern' && r.frame === c.frame && r.pattern === c.pattern && r.metric === 'precision');
  const judged: PatternLine[] = kp.ranked.filter((c) => c.frame === frame).map((c) => {
    const p = precisionOf(c);
    return { frame, pattern: c.pattern, hits: hitCount.get(c.pattern) ?? 0, judged: c.correct + c.wrong, wrong: c.wrong, precision: finite(p?.value), low: finite(p?.low), high: finite(p?.high) };
  });
  const done = new Set(judged.map((l) => l.pattern));
  const rest = [...hitCount.entries()].filter(([p]) => !done.has(p)).sort((a, b) => b[1] - a[1] || compareNames(a[0], b[0]))
    .map(([pattern, hits]): PatternLine => ({ frame, pattern, hits, judged: 0, wrong: 0, precision: null, low: null, high: null }));
  return [...judged, ...rest];
}
