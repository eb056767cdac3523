// Figure 1: each frame's rate per 1,000 words by group (all uses), with 95% bootstrap intervals.
// Small multiples, one panel per frame, five panels to a row; groups run down each row's shared axis.
import type { FigureTables } from './tables.ts';
import { BASE_CONFIG, FAMILY_COLOURS, lineCount, NO_GROUPS, placeholderSpec, rowStep, SCHEMA, SPLIT_LABEL, wrapLabel, type Spec } from './theme.ts';

export const PANELS_PER_ROW = 5;
const PANEL_WIDTH = 150;

export interface Point {
  group: string;
  frame: string;
  family: string;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function chunk<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export function ratePoints(t: FigureTables): Point[] {
  const label = new Map(t.frames.map((f) => [f.frame, wrapLabel(f.label, 22, 3)]));
  return t.byGroup.filter((r) => r.use === 'all' && label.has(r.frame)).map((r) => ({
    group: wrapLabel(r.group), frame: label.get(r.frame)!, family: r.family, rate: finite(r.per1k), low: finite(r.low), high: finite(r.high),
  }));
}

export function ratesSpec(t: FigureTables): Spec {
  const title = 'Frame rates by group';
  if (t.groups.length === 0 || t.frames.length === 0) return placeholderSpec(title, NO_GROUPS);
  const points = ratePoints(t);
  const groups = t.groups.map((g) => wrapLabel(g));
  const families = ['securitizing', 'grievance', 'other'].filter((f) => t.frames.some((fr) => fr.family === f));
  const y = { field: 'group', type: 'nominal', sort: groups, title: null, axis: { labelExpr: SPLIT_LABEL } };
  const x = { type: 'quantitative', title: null, scale: { zero: true, nice: true } };
  const colour = { field: 'family', type: 'nominal', title: 'frame family', scale: { domain: families, range: families.map((f) => FAMILY_COLOURS[f] ?? FAMILY_COLOURS.other) } };
  const rows = chunk(t.frames.map((f) => wrapLabel(f.label, 22, 3)), PANELS_PER_ROW).map((frames) => ({
    data: { values: points.filter((p) => frames.includes(p.frame)) },
    facet: { column: { field: 'frame', type: 'nominal', title: null, sort: frames, header: { labelExpr: SPLIT_LABEL } } },
    spacing: 10,
    // Each frame has its own x scale: the heat map compares frames, this figure compares groups.
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: PANEL_WIDTH,
      height: { step: rowStep(lineCount(groups)) },
      layer: [
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' }, color: colour } },
        { mark: { type: 'point', filled: true, size: 45, opacity: 1 }, encoding: { y, x: { ...x, field: 'rate' }, color: colour } },
      ],
    },
  }));
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: 'Hits per 1,000 words (all uses); lines are 95% bootstrap intervals over documents. Each panel has its own scale.' },
    vconcat: rows,
    spacing: 18,
    config: BASE_CONFIG,
  } as unknown as Spec;
}
