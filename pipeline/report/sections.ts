// The report's sections as blocks: run summary, comparison, frame × group rates, use breakdown, top
// patterns, figures and methods. Pure: the tables, hit summary, provenance and figure plan in; blocks out.
import { fmt } from '../lib/csv.ts';
import { USES } from '../lib/types.ts';
import type { FigurePlan } from '../figures/plan.ts';
import type { FigureTables } from '../figures/tables.ts';
import { LANG_NAMES, sortLangs } from '../figures/theme.ts';
import { dateCoverage, type DateCoverage } from '../figures/timeline.ts';
import { code, type Block, type Inline } from './blocks.ts';
import { topPatterns, type HitSummary } from './hits.ts';
import { methodsParagraph } from './methods.ts';
import type { Provenance } from './provenance.ts';
import type { DocMeta, TopDoc } from './top-docs.ts';

export interface ReportModel {
  tables: FigureTables;
  hits: HitSummary;
  prov: Provenance;
  lexicon: { patterns: number; exclusions: number };
  figures: { plan: FigurePlan; svg?: string }[];
  topDocs: { family: 'securitizing' | 'grievance'; docs: TopDoc[] }[];
  docMeta: Map<string, DocMeta>;
}

const n = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US') : 'NA');
const ci = (x: number, lo: number, hi: number, d = 2) => (Number.isFinite(x) ? `${fmt(x, d)} (${fmt(lo, d)}, ${fmt(hi, d)})` : 'NA');
const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–');
export const TOP_PATTERNS = 5;
export const TOP_DOCUMENTS = 5;

function langSummary(t: FigureTables): string {
  return sortLangs(t.docs.map((d) => d.lang)).map((l) => `${LANG_NAMES[l] ?? l} ${n(t.docs.filter((d) => d.lang === l).length)}`).join(', ');
}

function undatedNote(c: DateCoverage): string {
  const parts = [c.month && `${n(c.month)} dated only to a month`, c.year && `${n(c.year)} only to a year`, c.undated && `${n(c.undated)} undated`].filter(Boolean);
  return parts.length ? `; ${parts.join(', ')} (left out of the time figure)` : '';
}

function summary(m: ReportModel): Block[] {
  const { tables: t, hits: h, prov: p } = m;
  const cov = dateCoverage(t.docs);
  const words = t.docs.reduce((a, d) => a + d.words, 0);
  const byUse = USES.map((u) => `${u} ${n(h.byUse.get(u) ?? 0)}`).join(', ');
  const byFamily = ['securitizing', 'grievance', 'other'].map((f) => `${f} ${n(h.byFamily.get(f) ?? 0)}`).join(', ');
  const warnings: Inline[][] = typeof p.warnings === 'number'
    ? [[`Warnings: ${n(p.warnings)}${p.warnings ? ' (printed by the run; see its log)' : ''}`]]
    : [[`Warnings: ${n(p.warnings.length)}`], ...p.warnings.map((w) => ['Warning: ', code(w)])];
  return [
    { kind: 'heading', level: 2, text: 'Run summary', id: 'summary' },
    { kind: 'list', items: [
      [`Documents: ${n(t.docs.length)}${t.docs.length ? ` (${langSummary(t)})` : ''}`],
      [`Dates: ${cov.day ? `${cov.first} to ${cov.last}` : 'none at day level'}${undatedNote(cov)}`],
      [`Words: ${n(words)}`],
      [`Hits: ${n(h.total)} (${byUse}); by family: ${byFamily}`],
      [`Securitizing moves: ${n(h.moves)}`],
      [`Groups: ${n(t.groups.length)}, by the metadata column `, code(p.by)],
      [`The comparison counts ${t.uses.join(' + ')} hits; intervals from ${n(p.reps)} bootstrap resamples (seed ${p.seed}); ${n(p.permutations)} permutations per test`],
      ...warnings,
    ] },
  ];
}

function comparison(t: FigureTables): Block[] {
  const rows = t.comparison.map((c) => {
    const v = c.n;
    return [c.group, n(v.docs), n(v.words), n(v.securitizing_hits), n(v.grievance_hits),
      ci(v.securitizing_per_1k, v.securitizing_per_1k_low, v.securitizing_per_1k_high), ci(v.grievance_per_1k, v.grievance_per_1k_low, v.grievance_per_1k_high),
      ci(v.securitizing_share, v.securitizing_share_low, v.securitizing_share_high), ci(v.index, v.index_low, v.index_high),
      Number.isFinite(v.p_value) ? fmt(v.p_value, 3) : 'NA', n(v.moves)];
  });
  return [
    { kind: 'heading', level: 2, text: 'Securitizing vs grievance framing by group', id: 'comparison' },
    { kind: 'paragraph', text: [`Counting ${t.uses.join(' + ')} hits. S and G are securitizing and grievance hits; rates are per 1,000 words; share = S/(S+G); index = log((S+0.5)/(G+0.5)); 95% bootstrap intervals in parentheses; p tests the group's index against all other documents. From `, code('comparison.csv'), '.'] },
    { kind: 'table', columns: ['group', 'documents', 'words', 'S', 'G', 'S per 1,000', 'G per 1,000', 'share', 'index', 'p', 'moves'],
      numeric: [false, true, true, true, true, true, true, true, true, true, true], rows },
  ];
}

function rates(t: FigureTables): Block[] {
  const cell = new Map(t.byGroup.filter((r) => r.use === 'all').map((r) => [`${r.group}\u0000${r.frame}`, ci(r.per1k, r.low, r.high, 1)]));
  const rows = t.groups.map((g) => [g, ...t.frames.map((f) => cell.get(`${g}\u0000${f.frame}`) ?? 'NA')]);
  return [
    { kind: 'heading', level: 2, text: 'Frame rates by group', id: 'rates' },
    { kind: 'paragraph', text: ['Hits per 1,000 words, all uses, with 95% bootstrap intervals in parentheses. From ', code('counts_by_group.csv'), ' (use = all).'] },
    { kind: 'table', columns: ['group', ...t.frames.map((f) => f.label)], numeric: [false, ...t.frames.map(() => true)], rows },
  ];
}

function uses(t: FigureTables): Block[] {
  const sec = new Set(t.frames.filter((f) => f.family === 'securitizing').map((f) => f.frame));
  const hits = new Map<string, number>();
  for (const r of t.byGroup) if (sec.has(r.frame) && r.use !== 'all') hits.set(`${r.group}\u0000${r.use}`, (hits.get(`${r.group}\u0000${r.use}`) ?? 0) + r.hits);
  const rows = t.groups.map((g) => {
    const byUse = USES.map((u) => hits.get(`${g}\u0000${u}`) ?? 0);
    const total = byUse.reduce((a, b) => a + b, 0);
    return [g, ...byUse.map((h) => `${n(h)} (${pct(h, total)})`), n(total)];
  });
  return [
    { kind: 'heading', level: 2, text: 'How the securitizing frames are used', id: 'uses' },
    { kind: 'paragraph', text: ['Securitizing-family hits by use (count and share of the group’s securitizing hits). A hit’s use is the first that applies of negated, hedged, quoted, reported, asserted.'] },
    { kind: 'table', columns: ['group', ...USES, 'total'], numeric: [false, ...USES.map(() => true), true], rows },
  ];
}

function patterns(m: ReportModel): Block[] {
  const label = new Map(m.tables.frames.map((f) => [f.frame, f.label]));
  const top = topPatterns(m.hits.patterns, m.tables.frames.map((f) => f.frame), TOP_PATTERNS);
  return [
    { kind: 'heading', level: 2, text: 'Top patterns', id: 'patterns' },
    { kind: 'paragraph', text: [`The ${TOP_PATTERNS} patterns with most hits in each frame (all uses), the documents they occur in and the form they matched most often. From `, code('hits.csv'), '.'] },
    top.length
      ? { kind: 'table', columns: ['frame', 'pattern', 'hits', 'documents', 'commonest form'], numeric: [false, false, true, true, false],
        rows: top.map((p) => [label.get(p.frame) ?? p.frame, code(p.pattern), n(p.hits), n(p.docs), p.form]) }
      : { kind: 'paragraph', text: ['No pattern matched.'] },
  ];
}

function documents(m: ReportModel): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Documents with the highest rates', id: 'documents' },
    { kind: 'paragraph', text: [`The ${TOP_DOCUMENTS} documents with the highest securitizing and grievance rates (counting ${m.tables.uses.join(' + ')} hits), to read first when checking what drives a group's figures.`] },
  ];
  for (const { family, docs } of m.topDocs) {
    blocks.push({ kind: 'heading', level: 3, text: `${family[0].toUpperCase()}${family.slice(1)}` });
    blocks.push(docs.length === 0 ? { kind: 'paragraph', text: [`No document has a ${family} hit.`] } : {
      kind: 'table', columns: ['document', 'group', 'source', 'date', 'lang', 'words', 'hits', 'per 1,000', 'title'],
      numeric: [false, false, false, false, false, true, true, true, false],
      rows: docs.map(({ doc, hits, rate }) => [code(doc.docId), doc.group, m.docMeta.get(doc.docId)?.source ?? '', doc.date, doc.lang, n(doc.words), n(hits), fmt(rate, 1), m.docMeta.get(doc.docId)?.title ?? '']),
    });
  }
  return blocks;
}

function figures(m: ReportModel): Block[] {
  if (m.figures.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Figures', id: 'figures' },
    ...m.figures.map(({ plan, svg }, i): Block => ({ kind: 'figure', n: i + 1, name: plan.name, title: plan.title, caption: plan.caption, svg })),
  ];
}

export function reportBlocks(m: ReportModel): Block[] {
  const t = m.tables;
  const methods = methodsParagraph({
    prov: m.prov, docs: t.docs.length, words: t.docs.reduce((a, d) => a + d.words, 0), groups: t.groups.length, frames: t.frames.length,
    langs: sortLangs(t.docs.map((d) => d.lang)).map((lang) => ({ lang, docs: t.docs.filter((d) => d.lang === lang).length })),
    patterns: m.lexicon.patterns, exclusions: m.lexicon.exclusions, uses: t.uses,
  });
  return [
    { kind: 'heading', level: 1, text: 'qantar report: securitizing and grievance framing' },
    ...summary(m), ...comparison(t), ...rates(t), ...uses(t), ...patterns(m), ...documents(m), ...figures(m),
    { kind: 'heading', level: 2, text: 'Methods', id: 'methods' },
    { kind: 'paragraph', text: ['A paragraph to adapt for a paper; every number and rule in it describes this run.'] },
    { kind: 'paragraph', text: methods, role: 'methods' },
  ];
}
