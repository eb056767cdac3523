// evaluate: read filled coding sheets (`qantar sheet`) and judged KWIC sheets (`qantar kwic --csv`),
// check them against the corpus, and report agreement among coders, the live lexicon against the gold
// codes, use accuracy and per-pattern precision. Writes out/evaluation.csv and out/evaluation.md.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Argv } from 'yargs';
import type { CommandSpec } from '../../commands.ts';
import { num, type Context } from '../../lib/context.ts';
import { diag, failOnErrors, formatDiagnostic, UsageError } from '../../lib/diagnostics.ts';
import { decodeText } from '../../lib/encoding.ts';
import type { OutputSession } from '../../lib/io.ts';
import type { Diagnostic } from '../../lib/types.ts';
import { displayPath } from '../../ingest/read.ts';
import { loadCoderInputs } from '../shared/corpus.ts';
import { checkSheets } from './check.ts';
import { hitVerdicts, kwicAgreement, kwicPrecision } from './kwic.ts';
import { parseSheet, type KwicSheet, type Sheet, type UnitSheet } from './read-sheets.ts';
import { formatEvaluationCsv, formatEvaluationMd } from './report.ts';
import { uniqueNames } from './results.ts';
import { lexiconVsGold, unitAgreement, unitData, useAccuracy } from './units.ts';

function builder(y: Argv): Argv {
  return y
    .option('gold', { type: 'string', array: true, demandOption: true, describe: 'filled sheets: coding sheets from `qantar sheet` (one per coder) and/or judged KWIC sheets' })
    .example('$0 evaluate --gold sheets/sample-coder1.csv sheets/sample-coder2.csv', 'agreement between two coders, and the lexicon against each and their consensus')
    .example('$0 evaluate --gold kwic-terrorism.csv', 'precision of each terrorism pattern from KWIC judgements');
}

function readSheets(paths: string[]): { sheets: Sheet[]; diagnostics: Diagnostic[] } {
  const names = uniqueNames(paths.map((p) => basename(p, extname(p))));
  const sheets: Sheet[] = [];
  const diagnostics: Diagnostic[] = [];
  paths.forEach((p, i) => {
    const shown = displayPath(p);
    let bytes: Buffer;
    try {
      bytes = readFileSync(p);
    } catch {
      diagnostics.push(diag(shown, undefined, 'error', 'sheet not found or not readable; expected a CSV file written by `qantar sheet` or `qantar kwic --csv`', 'evaluate/not-found'));
      return;
    }
    const decoded = decodeText(bytes, shown, '');
    if ('error' in decoded) return void diagnostics.push({ ...decoded.error, rule: 'evaluate/encoding' });
    const parsed = parseSheet(decoded.text, shown, names[i]);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.sheet) sheets.push(parsed.sheet);
  });
  return { sheets, diagnostics };
}

function sheetWarnings(units: UnitSheet[], frames: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of units) {
    if (s.uncoded.length > 0) {
      const lines = s.uncoded.slice(0, 8).join(', ') + (s.uncoded.length > 8 ? ', …' : '');
      out.push(diag(s.path, s.uncoded[0], 'warning', `${s.uncoded.length} row${s.uncoded.length > 1 ? 's have' : ' has'} every frame cell blank and count${s.uncoded.length > 1 ? '' : 's'} as not coded (lines ${lines}); for a sentence with no frame, write 0 in any frame column`, 'evaluate/uncoded-rows'));
    }
    const unknown = s.frames.filter((f) => !frames.has(f));
    if (unknown.length) out.push(diag(s.path, 1, 'warning', `frame column${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `\`${f}\``).join(', ')} not in the lexicon: agreement only, no precision or recall`, 'evaluate/unknown-frame'));
  }
  return out;
}

async function run(ctx: Context, session: OutputSession | undefined, args: Record<string, unknown>): Promise<number> {
  const paths = (args.gold as unknown[]).map(String).filter((p) => p.trim() !== '');
  if (paths.length === 0) throw new UsageError('--gold needs at least one filled sheet');
  const inputs = loadCoderInputs(ctx);
  const lexicon = inputs.lexicon.lexicon;
  const { sheets, diagnostics } = readSheets(paths);
  const checked = await checkSheets(ctx, inputs, sheets);
  const unitSheets = sheets.filter((s): s is UnitSheet => s.kind === 'units');
  const kwicSheets = sheets.filter((s): s is KwicSheet => s.kind === 'kwic');
  const frameIds = lexicon.frames.map((f) => f.frame);
  const all = [...diagnostics, ...checked.diagnostics, ...sheetWarnings(unitSheets, new Set(frameIds))];
  failOnErrors(all, ctx.options.strict);
  for (const w of all.filter((d) => d.severity === 'warning')) ctx.stderr.write(`${formatDiagnostic(w)}\n`);

  const rows = [];
  let units = 0;
  if (unitSheets.length > 0) {
    const d = unitData(unitSheets, unitSheets.map((s) => s.coder), frameIds);
    units = d.unitIds.length;
    const opts = { lexiconFrames: new Set(frameIds), reps: ctx.options.reps, seed: ctx.options.seed };
    rows.push(...unitAgreement(d), ...lexiconVsGold(d, checked.verdicts, opts), ...useAccuracy(d, checked.verdicts, opts.lexiconFrames));
  }
  const judges = kwicSheets.map((s) => s.coder);
  const hv = hitVerdicts(kwicSheets);
  const live = new Set(lexicon.patterns.map((p) => `${p.frame}\u0000${p.pattern}`));
  const kp = kwicPrecision(hv.verdicts, judges.length === 1 ? judges[0] : 'consensus', frameIds, live);
  rows.push(...kwicAgreement(hv.items, judges), ...kp.rows);

  await session!.write('evaluation.csv', formatEvaluationCsv(rows));
  await session!.write('evaluation.md', formatEvaluationMd({
    unitSheets: unitSheets.map((s) => ({ path: s.path, coder: s.coder, units: s.units.size - s.uncoded.length, uncoded: s.uncoded.length })),
    kwicSheets: kwicSheets.map((s) => ({ path: s.path, coder: s.coder, judged: s.judgements.filter((j) => j.correct !== undefined).length })),
    units, lexicon: displayPath(ctx.options.lexicon), reps: ctx.options.reps, seed: ctx.options.seed,
  }, rows, kp.ranked, (c) => live.has(`${c.frame}\u0000${c.pattern}`)));
  const judged = hv.verdicts.filter((v) => v.correct !== undefined).length;
  ctx.log(`evaluate: ${unitSheets.length} coding sheet${unitSheets.length === 1 ? '' : 's'} (${num(units)} units), ${kwicSheets.length} KWIC sheet${kwicSheets.length === 1 ? '' : 's'} (${num(judged)} judged hits) → evaluation.csv (${num(rows.length)} rows), evaluation.md`);
  return 0;
}

export const evaluateCommand: CommandSpec = {
  name: 'evaluate',
  describe: 'agreement among coders, and precision / recall / F1 of the lexicon against filled sheets',
  writes: true,
  builder,
  run,
};
