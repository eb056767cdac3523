// Figure 4: a group × frame heat map of rates per 1,000 words (all uses), each cell labelled with its
// rate. Frames run along the top in lexicon order, groups down the side, so any number of either fits.
import { finite } from './rates.ts';
import type { FigureTables } from './tables.ts';
import { BASE_CONFIG, lineCount, NO_GROUPS, OKABE_ITO, placeholderSpec, rowStep, SCHEMA, SPLIT_LABEL, wrapLabel, type Spec } from './theme.ts';

export function heatmapSpec(t: FigureTables): Spec {
  const title = 'Frame rates: groups × frames';
  if (t.groups.length === 0 || t.frames.length === 0) return placeholderSpec(title, NO_GROUPS);
  const frameLabel = new Map(t.frames.map((f) => [f.frame, wrapLabel(f.label, 14, 4)]));
  const groups = t.groups.map((g) => wrapLabel(g));
  const cells = t.byGroup.filter((r) => r.use === 'all' && frameLabel.has(r.frame)).map((r) => ({
    group: wrapLabel(r.group), frame: frameLabel.get(r.frame)!, rate: finite(r.per1k), text: Number.isFinite(r.per1k) ? r.per1k.toFixed(1) : 'NA',
  }));
  const max = Math.max(0, ...cells.map((c) => c.rate ?? 0));
  const frames = [...frameLabel.values()];
  const x = { field: 'frame', type: 'nominal', sort: frames, title: null, axis: { orient: 'bottom', labelAngle: 0, labelExpr: SPLIT_LABEL, domain: false, ticks: false } };
  const y = { field: 'group', type: 'nominal', sort: groups, title: null, axis: { labelExpr: SPLIT_LABEL, domain: false, ticks: false } };
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: 'Hits per 1,000 words (all uses)' },
    data: { values: cells },
    width: { step: 92 },
    height: { step: rowStep(lineCount(groups), 26) },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: { color: { field: 'rate', type: 'quantitative', title: 'per 1,000 words', scale: { domain: [0, max > 0 ? max : 1], range: ['#ffffff', OKABE_ITO.blue], interpolate: 'lab' }, legend: { gradientLength: 160 } } },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'text', type: 'nominal' },
          color: { condition: { test: `datum.rate > ${max * 0.55}`, value: 'white' }, value: '#222222' },
        },
      },
    ],
    config: { ...BASE_CONFIG, view: { stroke: null } },
  } as unknown as Spec;
}
