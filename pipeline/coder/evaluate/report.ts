// evaluation.csv (one tidy row per number) and evaluation.md (the same numbers as tables a coder reads,
// with the definitions). Pure: result rows in, text out; numbers via fmt() so reruns are byte-identical.
import { fmt, formatCsv } from '../../lib/csv.ts';
import type { PrecisionCount } from './kwic.ts';
import { RESULT_COLUMNS, type ResultRow } from './results.ts';

/** Metrics that are counts print as whole numbers; every other value with four decimals (NA when undefined). */
const COUNT_METRICS = new Set(['tp', 'fp', 'fn', 'tn', 'judged', 'false_positives', 'in_lexicon']);

export function formatEvaluationCsv(rows: readonly ResultRow[]): string {
  const num = (x: number | undefined) => (x === undefined ? '' : fmt(x));
  return formatCsv(RESULT_COLUMNS, rows.map((r) => [r.section, r.frame, r.pattern, r.gold, r.metric,
    COUNT_METRICS.has(r.metric) ? String(r.value) : num(r.value), num(r.low), num(r.high), r.n]));
}

export interface EvaluationSummary {
  unitSheets: { path: string; coder: string; units: number; uncoded: number }[];
  kwicSheets: { path: string; coder: string; judged: number }[];
  units: number;
  lexicon: string;
  reps: number;
  seed: number;
}

const f3 = (x: number | undefined) => (x === undefined ? '' : fmt(x, 3));
const withCi = (r: ResultRow | undefined) => (r ? `${f3(r.value)}${r.low !== undefined && Number.isFinite(r.low) ? ` [${f3(r.low)}, ${f3(r.high)}]` : ''}` : '');
const esc = (s: string) => s.replace(/\|/g, '\\|');

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n') + '\n';
}

function find(rows: readonly ResultRow[], section: string, frame: string, gold: string, metric: string): ResultRow | undefined {
  return rows.find((r) => r.section === section && r.frame === frame && r.gold === gold && r.metric === metric);
}

function agreementSection(rows: readonly ResultRow[], section: string, title: string): string {
  const mine = rows.filter((r) => r.section === section);
  if (mine.length === 0) return '';
  const frames = [...new Set(mine.map((r) => r.frame))];
  const pairNames = [...new Set(mine.filter((r) => r.metric === 'cohen_kappa').map((r) => r.gold))];
  const body = frames.map((f) => [f, String(find(mine, section, f, 'all coders', 'krippendorff_alpha')?.n ?? ''),
    f3(find(mine, section, f, 'all coders', 'percent_agreement')?.value), f3(find(mine, section, f, 'all coders', 'krippendorff_alpha')?.value),
    ...pairNames.map((p) => f3(find(mine, section, f, p, 'cohen_kappa')?.value))]);
  return `## ${title}\n\n${table(['frame', 'units', 'agreement', "Krippendorff's α", ...pairNames.map((p) => `Cohen's κ (${p})`)], body)}\n`;
}

function lexiconSection(rows: readonly ResultRow[]): string {
  const mine = rows.filter((r) => r.section === 'lexicon');
  if (mine.length === 0) return '';
  const out: string[] = ['## Lexicon against the gold codes\n'];
  for (const gold of [...new Set(mine.map((r) => r.gold))]) {
    const frames = [...new Set(mine.filter((r) => r.gold === gold).map((r) => r.frame))];
    const get = (f: string, m: string) => find(mine, 'lexicon', f, gold, m);
    const body = frames.map((f) => [f, ...['tp', 'fp', 'fn', 'tn'].map((m) => (get(f, m) ? String(get(f, m)!.value) : '')),
      withCi(get(f, 'precision')), withCi(get(f, 'recall')), withCi(get(f, 'f1')), f3(get(f, 'cohen_kappa')?.value)]);
    out.push(`### Gold: ${gold}\n\n${table(['frame', 'TP', 'FP', 'FN', 'TN', 'precision [95% CI]', 'recall [95% CI]', 'F1 [95% CI]', 'κ'], body)}`);
  }
  return `${out.join('\n')}\n`;
}

function useSection(rows: readonly ResultRow[]): string {
  const mine = rows.filter((r) => r.section === 'use_accuracy');
  if (mine.length === 0) return '';
  const body = mine.map((r) => [r.gold, r.frame, f3(r.value), String(r.n)]);
  return `## Use accuracy\n\nWhere the gold marks a frame present with a use and the lexicon hits that frame in the sentence, the use of the lexicon's first hit of that frame is compared with the gold use.\n\n${table(['gold', 'frame', 'use accuracy', 'units'], body)}\n`;
}

function kwicSection(rows: readonly ResultRow[], ranked: readonly PrecisionCount[], liveOf: (c: PrecisionCount) => boolean): string {
  const frames = rows.filter((r) => r.section === 'kwic_frame' && r.metric === 'precision');
  if (frames.length === 0) return '';
  const fp = (section: string, frame: string, pattern: string, metric: string) => rows.find((r) => r.section === section && r.frame === frame && r.pattern === pattern && r.metric === metric);
  const frameBody = frames.map((r) => [r.frame || '(none)', String(r.n), String(fp('kwic_frame', r.frame, '', 'false_positives')?.value ?? ''), withCi(r), f3(fp('kwic_frame', r.frame, '', 'use_accuracy')?.value)]);
  const patternBody = ranked.map((c) => [c.frame || '(none)', c.pattern, String(c.correct + c.wrong), String(c.wrong), withCi(fp('kwic_pattern', c.frame, c.pattern, 'precision')), liveOf(c) ? 'yes' : 'no']);
  return `## KWIC judgements: precision per frame\n\n${table(['frame', 'judged hits', 'false positives', 'precision [95% CI]', 'use accuracy'], frameBody)}\n` +
    `## Patterns ranked by false positives\n\nThe patterns to look at first: most false positives at the top. Intervals are Wilson 95% intervals.\n\n${table(['frame', 'pattern', 'judged', 'false positives', 'precision [95% CI]', 'in lexicon now'], patternBody)}\n`;
}

const DEFINITIONS = `## How these numbers are computed

- **Units** are sentences (\`qantar sheet\`); a unit × frame is one decision: present or absent. The lexicon says *present* when the sentence has at least one hit of the frame, in any use, under the lexicon as it is now.
- **Precision** = TP / (TP + FP), **recall** = TP / (TP + FN), **F1** = 2·TP / (2·TP + FP + FN). **Micro** pools the counts of all frames; **macro** averages the frames' scores (frames where a score is undefined are left out). Intervals: percentile bootstrap over units.
- **Consensus** is the majority code among coders; a tie leaves the unit × frame out.
- **Krippendorff's α** (nominal) = 1 − D_o / D_e from the coincidence matrix; units coded by fewer than two coders are left out, so missing codes are allowed. **Cohen's κ** = (p_o − p_e) / (1 − p_e) over the units both coders coded. *all* pools every unit × frame. NA means undefined (e.g. every code the same).
- **KWIC precision** = hits judged correct / hits judged, from \`qantar kwic --csv\` sheets; with several judges, their majority.
`;

export function formatEvaluationMd(s: EvaluationSummary, rows: readonly ResultRow[], ranked: readonly PrecisionCount[], liveOf: (c: PrecisionCount) => boolean): string {
  const sheets = [
    ...s.unitSheets.map((u) => `- \`${u.path}\` (coder \`${u.coder}\`): ${u.units} units coded${u.uncoded ? `, ${u.uncoded} rows left blank (not coded)` : ''}`),
    ...s.kwicSheets.map((k) => `- \`${k.path}\` (KWIC, judge \`${k.coder}\`): ${k.judged} hits judged`),
  ].join('\n');
  return `# Evaluation\n\nLexicon: \`${s.lexicon}\`. Bootstrap: ${s.reps} replicates, seed ${s.seed}.\n\n${sheets}\n\n` +
    agreementSection(rows, 'agreement', 'Agreement among coders') + agreementSection(rows, 'use_agreement', 'Agreement among coders on uses') +
    agreementSection(rows, 'kwic_agreement', 'Agreement among KWIC judges') + lexiconSection(rows) + useSection(rows) + kwicSection(rows, ranked, liveOf) + DEFINITIONS;
}
