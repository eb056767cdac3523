// Ranking and printing keyness results (pure): each bucket against all the others, over-represented
// terms only, at least --min-freq occurrences, strongest G² first; as CSV or a terminal table.
import { fmt, formatCsv, type Cell } from '../../lib/csv.ts';
import { keepStart, padEndCp, padStartCp } from '../shared/text.ts';
import { logLikelihood, logRatio } from './stats.ts';
import { displayForm, type Term, type TermTable } from './terms.ts';

export interface KeyRow {
  target: string;
  term: string;
  kind: string;
  lang: string;
  freq: number;
  freqRest: number;
  per1k: number;
  per1kRest: number;
  g2: number;
  logRatio: number;
  docs: number;
  lexicon: string;
  examples: string[];
}

const sumExcept = (xs: readonly number[], b: number) => xs.reduce((s, x, i) => (i === b ? s : s + x), 0);

/** The frame that claims most of a term's occurrences, when it claims at least half of them. */
function claimingFrame(t: Term): string {
  const total = t.counts.reduce((a, b) => a + b, 0);
  const top = [...t.claimed.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (!top || top[1] * 2 < total) return '';
  return top[0] === '-' ? 'excluded' : top[0];
}

export function rankTerms(table: TermTable, bucket: number, target: string, minFreq: number, top: number): KeyRow[] {
  const rows: KeyRow[] = [];
  for (const t of table.terms.values()) {
    const a = t.counts[bucket];
    if (a < minFreq) continue;
    const b = sumExcept(t.counts, bucket);
    const c = table.totals[t.kind][bucket];
    const d = sumExcept(table.totals[t.kind], bucket);
    if (c === 0 || (d > 0 && a / c <= b / d)) continue;
    rows.push({ target, term: displayForm(t), kind: t.kind, lang: t.lang, freq: a, freqRest: b, per1k: (1000 * a) / c, per1kRest: d > 0 ? (1000 * b) / d : NaN,
      g2: logLikelihood(a, b, c, d), logRatio: logRatio(a, b, c, d), docs: t.docs[bucket], lexicon: claimingFrame(t), examples: t.examples[bucket] });
  }
  rows.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0) || (x.lang < y.lang ? -1 : 1));
  return rows.slice(0, top);
}

export const KEY_COLUMNS = ['target', 'term', 'kind', 'lang', 'freq', 'freq_rest', 'per_1k', 'per_1k_rest', 'g2', 'log_ratio', 'docs', 'lexicon', 'example_1', 'example_2', 'example_3'];

export function formatKeyCsv(rows: readonly KeyRow[]): string {
  return formatCsv(KEY_COLUMNS, rows.map((r): Cell[] => [r.target, r.term, r.kind, r.lang, r.freq, r.freqRest, fmt(r.per1k, 3), fmt(r.per1kRest, 3),
    fmt(r.g2, 2), fmt(r.logRatio, 2), r.docs, r.lexicon, r.examples[0] ?? '', r.examples[1] ?? '', r.examples[2] ?? '']));
}

export function formatKeyTable(rows: readonly KeyRow[], showLexicon: boolean): string {
  const head = ['target', 'term', 'freq', 'rest', 'G²', 'log ratio', 'docs', ...(showLexicon ? ['lexicon'] : []), 'first example'];
  const widths = [22, 26, 5, 5, 8, 9, 4, ...(showLexicon ? [18] : []), 0];
  const line = (cells: string[]) => cells.map((c, i) => (widths[i] === 0 ? c : i >= 2 && i <= 6 ? padStartCp(c, widths[i]) : padEndCp(keepStart(c, widths[i]), widths[i]))).join('  ').trimEnd();
  const body = rows.map((r) => line([r.target, r.term, String(r.freq), String(r.freqRest), fmt(r.g2, 2), fmt(r.logRatio, 2), String(r.docs),
    ...(showLexicon ? [r.lexicon] : []), keepStart(r.examples[0] ?? '', 70)]));
  return [line(head), ...body].join('\n') + '\n';
}
