// Figure 6: English and Russian (and any other language's) documents side by side — securitizing and
// grievance rates per group, one point per language, with 95% percentile-bootstrap intervals over the
// documents of that group and language (seeded like the count stage, so the figure repeats exactly).
import { createRng, quantileSorted } from '../count/rng.ts';
import { finite } from './rates.ts';
import type { DocRow, FigureTables } from './tables.ts';
import { BASE_CONFIG, langColours, LANG_NAMES, lineCount, placeholderSpec, rowStep, SCHEMA, sortLangs, SPLIT_LABEL, wrapLabel, type Spec } from './theme.ts';

export interface Bootstrap {
  seed: number;
  reps: number;
}

/** Rate per 1,000 words over `docs` (ratio of sums) and its percentile-bootstrap interval. */
export function rateWithInterval(docs: readonly DocRow[], hitsOf: (d: DocRow) => number, b: Bootstrap): { rate: number; low: number; high: number } {
  // Columns read in order by every replicate, instead of the rows.
  const hits = Float64Array.from(docs, hitsOf);
  const words = Float64Array.from(docs, (d) => d.words);
  const rate = (idx: Int32Array | undefined) => {
    let h = 0;
    let w = 0;
    const n = idx ? idx.length : docs.length;
    for (let k = 0; k < n; k++) {
      const d = idx ? idx[k] : k;
      h += hits[d];
      w += words[d];
    }
    return w > 0 ? (1000 * h) / w : NaN;
  };
  const point = rate(undefined);
  const rng = createRng(b.seed);
  const idx = new Int32Array(docs.length);
  const reps: number[] = [];
  for (let r = 0; r < b.reps && docs.length > 0; r++) {
    for (let k = 0; k < docs.length; k++) idx[k] = Math.floor(rng() * docs.length);
    const x = rate(idx);
    if (Number.isFinite(x)) reps.push(x);
  }
  const sorted = Float64Array.from(reps).sort();
  return { rate: point, low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
}

export interface LangPoint {
  group: string;
  lang: string;
  family: string;
  rate: number | null;
  low: number | null;
  high: number | null;
  docs: number;
}

export function langPoints(t: FigureTables, b: Bootstrap): { points: LangPoint[]; langs: string[] } {
  const cells = new Map<string, DocRow[]>();
  for (const d of t.docs) {
    const key = `${d.group}\u0000${d.lang}`;
    const l = cells.get(key);
    if (l) l.push(d);
    else cells.set(key, [d]);
  }
  const langs = sortLangs(t.docs.map((d) => d.lang));
  const points: LangPoint[] = [];
  for (const g of t.groups) {
    for (const lang of langs) {
      const docs = cells.get(`${g}\u0000${lang}`);
      if (!docs) continue;
      for (const family of ['securitizing', 'grievance'] as const) {
        const r = rateWithInterval(docs, family === 'securitizing' ? (d) => d.sec : (d) => d.griev, b);
        points.push({ group: wrapLabel(g), lang, family, rate: finite(r.rate), low: finite(r.low), high: finite(r.high), docs: docs.length });
      }
    }
  }
  return { points, langs };
}

export function langsSpec(t: FigureTables, b: Bootstrap): Spec {
  const title = 'Documents by language, side by side';
  const { points, langs } = langPoints(t, b);
  if (points.length === 0) return placeholderSpec(title, 'No documents with words to compare across languages.');
  const docsIn = (l: string) => t.docs.filter((d) => d.lang === l).length;
  const legend = langs.map((l) => `${LANG_NAMES[l] ?? l} (${l}), ${docsIn(l)} documents`);
  const legendOf = new Map(langs.map((l, i) => [l, legend[i]]));
  const groups = t.groups.filter((g) => points.some((p) => p.group === wrapLabel(g))).map((g) => wrapLabel(g));
  const values = points.map((p) => ({ ...p, language: legendOf.get(p.lang) }));
  const xMax = Math.max(1, ...points.flatMap((p) => [p.rate ?? 0, p.high ?? 0]));
  const y = { field: 'group', type: 'nominal', sort: groups, title: null, axis: { labelExpr: SPLIT_LABEL } };
  const yOffset = { field: 'language', type: 'nominal', sort: legend, scale: { paddingOuter: 0.3 } };
  const x = { type: 'quantitative', title: 'hits per 1,000 words', scale: { domain: [0, xMax], nice: true } };
  const colour = { field: 'language', type: 'nominal', title: 'language', sort: legend, scale: { domain: legend, range: langColours(langs) } };
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: `Securitizing and grievance rates by group and document language (counting ${t.uses.join(' + ')} uses); lines are 95% bootstrap intervals over documents` },
    data: { values },
    facet: { column: { field: 'family', type: 'nominal', title: null, sort: ['securitizing', 'grievance'], header: { labelFontWeight: 'bold' } } },
    spacing: 16,
    spec: {
      width: 260,
      // With an offset channel the step is one language's row inside a group's band.
      height: { step: Math.max(10, Math.ceil(rowStep(lineCount(groups)) / langs.length)) },
      layer: [
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { y, yOffset, x: { ...x, field: 'low' }, x2: { field: 'high' }, color: colour } },
        { mark: { type: 'point', filled: true, size: 40, opacity: 1 }, encoding: { y, yOffset, x: { ...x, field: 'rate' }, color: colour } },
      ],
    },
    config: BASE_CONFIG,
  } as unknown as Spec;
}
