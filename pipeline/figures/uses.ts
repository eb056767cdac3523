// Figure 5: how each group uses each securitizing frame — stacked shares of asserted, reported, quoted,
// negated and hedged hits, one panel per securitizing frame plus one for the whole family, with the
// number of hits beside each bar. This is the picture of who adopts a frame and who only reports it.
import { USES } from '../lib/types.ts';
import { chunk } from './rates.ts';
import type { FigureTables } from './tables.ts';
import { BASE_CONFIG, lineCount, placeholderSpec, rowStep, SCHEMA, SPLIT_LABEL, USE_COLOURS, wrapLabel, type Spec } from './theme.ts';

export const ALL_SECURITIZING = 'All securitizing frames';

export interface UseShare {
  group: string;
  frame: string;
  use: string;
  order: number;
  hits: number;
  share: number;
}

/** Hits by group × panel × use, then shares within each group × panel; `totals` holds the n per bar. */
export function useShares(t: FigureTables): { shares: UseShare[]; totals: { group: string; frame: string; n: number }[]; panels: string[] } {
  const sec = t.frames.filter((f) => f.family === 'securitizing');
  const label = new Map(sec.map((f) => [f.frame, wrapLabel(f.label, 24, 2)]));
  const panels = [...label.values(), ALL_SECURITIZING];
  const hits = new Map<string, number>();
  const add = (g: string, p: string, u: string, n: number) => hits.set(`${g}\u0000${p}\u0000${u}`, (hits.get(`${g}\u0000${p}\u0000${u}`) ?? 0) + n);
  for (const r of t.byGroup) {
    const p = label.get(r.frame);
    if (p === undefined || r.use === 'all' || !Number.isFinite(r.hits)) continue;
    add(r.group, p, r.use, r.hits);
    add(r.group, ALL_SECURITIZING, r.use, r.hits);
  }
  const shares: UseShare[] = [];
  const totals: { group: string; frame: string; n: number }[] = [];
  for (const g of t.groups) {
    for (const p of panels) {
      const byUse = USES.map((u) => hits.get(`${g}\u0000${p}\u0000${u}`) ?? 0);
      const n = byUse.reduce((a, b) => a + b, 0);
      totals.push({ group: wrapLabel(g), frame: p, n });
      if (n > 0) USES.forEach((u, i) => shares.push({ group: wrapLabel(g), frame: p, use: u, order: i, hits: byUse[i], share: byUse[i] / n }));
    }
  }
  return { shares, totals, panels };
}

export function usesSpec(t: FigureTables): Spec {
  const title = 'How each group uses the securitizing frames';
  const { shares, totals, panels } = useShares(t);
  if (panels.length === 1) return placeholderSpec(title, 'The lexicon has no securitizing frame.');
  if (shares.length === 0) return placeholderSpec(title, 'No securitizing hits to break down by use.');
  const groups = t.groups.map((g) => wrapLabel(g));
  const y = { field: 'group', type: 'nominal', sort: groups, title: null, axis: { labelExpr: SPLIT_LABEL } };
  const colour = { field: 'use', type: 'nominal', title: 'use', sort: [...USES], scale: { domain: [...USES], range: USES.map((u) => USE_COLOURS[u]) } };
  const rows = chunk(panels, 5).map((ps) => ({
    facet: { column: { field: 'frame', type: 'nominal', title: null, sort: ps, header: { labelExpr: SPLIT_LABEL } } },
    spacing: 56,
    data: { values: [...shares.filter((s) => ps.includes(s.frame)).map((s) => ({ ...s, kind: 'bar' })), ...totals.filter((s) => ps.includes(s.frame)).map((s) => ({ ...s, kind: 'n', label: `n = ${s.n}` }))] },
    spec: {
      width: 170,
      height: { step: rowStep(lineCount(groups), 20) },
      layer: [
        {
          transform: [{ filter: "datum.kind === 'bar'" }],
          mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
          encoding: { y, x: { field: 'share', type: 'quantitative', stack: 'zero', title: null, scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 } }, color: colour, order: { field: 'order', type: 'quantitative' } },
        },
        {
          transform: [{ filter: "datum.kind === 'n'" }],
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333333' },
          encoding: { y, x: { datum: 1, type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
        },
      ],
    },
  }));
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: 'Share of each frame\'s hits by use (negated > hedged > quoted > reported > asserted decides a hit\'s use); n = hits' },
    vconcat: rows,
    spacing: 18,
    config: BASE_CONFIG,
  } as unknown as Spec;
}
