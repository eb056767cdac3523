// Figure 2: the competing-frame index log((S+0.5)/(G+0.5)) by group, with its 95% bootstrap interval,
// beside the securitizing share S/(S+G) and each group's documents and permutation p against the rest.
import { fmt } from '../lib/csv.ts';
import { finite } from './rates.ts';
import type { FigureTables } from './tables.ts';
import { BASE_CONFIG, FAMILY_COLOURS, lineCount, NO_GROUPS, OKABE_ITO, placeholderSpec, rowStep, SCHEMA, SPLIT_LABEL, wrapLabel, type Spec } from './theme.ts';

interface IndexPoint {
  group: string;
  index: number | null;
  index_low: number | null;
  index_high: number | null;
  share: number | null;
  share_low: number | null;
  share_high: number | null;
  note: string;
}

export function indexPoints(t: FigureTables): IndexPoint[] {
  return t.comparison.map((c) => {
    const p = c.n.p_value;
    return {
      group: wrapLabel(c.group),
      index: finite(c.n.index), index_low: finite(c.n.index_low), index_high: finite(c.n.index_high),
      share: finite(c.n.securitizing_share), share_low: finite(c.n.securitizing_share_low), share_high: finite(c.n.securitizing_share_high),
      note: `n = ${c.n.docs}, p = ${Number.isFinite(p) ? fmt(p, 3) : 'NA'}`,
    };
  });
}

function symmetricMax(values: readonly (number | null)[]): number {
  const m = Math.max(0, ...values.filter((v): v is number => v !== null).map(Math.abs));
  return m > 0 ? Math.ceil(m * 2) / 2 : 1;
}

function panel(field: 'index' | 'share', title: string, domain: number[], reference: number, y: object, showY: boolean, step: number) {
  const x = { type: 'quantitative', title, scale: { domain, nice: false } };
  const yy = showY ? y : { ...y, axis: null };
  return {
    width: 260,
    height: { step },
    layer: [
      { data: { values: [{ ref: reference }] }, mark: { type: 'rule', color: OKABE_ITO.grey, strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'ref' } } },
      { mark: { type: 'rule', strokeWidth: 1.5, color: OKABE_ITO.black }, encoding: { y: yy, x: { ...x, field: `${field}_low` }, x2: { field: `${field}_high` } } },
      { mark: { type: 'point', filled: true, size: 55, opacity: 1, color: field === 'index' ? FAMILY_COLOURS.securitizing : OKABE_ITO.black }, encoding: { y: yy, x: { ...x, field } } },
    ],
  };
}

export function comparisonSpec(t: FigureTables): Spec {
  const title = 'Securitizing vs grievance framing by group';
  if (t.comparison.length === 0) return placeholderSpec(title, NO_GROUPS);
  const points = indexPoints(t);
  const groups = points.map((p) => p.group);
  const step = rowStep(lineCount(groups), 22);
  const y = { field: 'group', type: 'nominal', sort: groups, title: null, axis: { labelExpr: SPLIT_LABEL } };
  const m = symmetricMax(points.flatMap((p) => [p.index, p.index_low, p.index_high]));
  const uses = t.uses.join(' + ');
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: [`Counting ${uses} uses. Left: competing-frame index log((S+0.5)/(G+0.5)), > 0 = more securitizing.`,
        'Middle: securitizing share S/(S+G). Lines: 95% bootstrap intervals; p: permutation test against the other groups.'],
    },
    data: { values: points },
    hconcat: [
      panel('index', 'competing-frame index', [-m, m], 0, y, true, step),
      panel('share', 'securitizing share', [0, 1], 0.5, y, false, step),
      {
        width: 120,
        height: { step },
        mark: { type: 'text', align: 'left', fontSize: 11, color: '#222222' },
        encoding: { y: { ...y, axis: null }, text: { field: 'note', type: 'nominal' }, x: { value: 4 } },
        view: { stroke: null },
      },
    ],
    spacing: 12,
    config: BASE_CONFIG,
  } as unknown as Spec;
}
