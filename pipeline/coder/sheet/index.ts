// sheet: a stratified random sample of sentences to code by hand, as K identical CSV sheets (one per
// coder) and a design sidecar recording the seed and the strata. Reads --corpus, --lexicon (only to form
// the hit / no-hit strata); writes <dir>/<name>-coder<k>.csv and <dir>/<name>.design.json.
import { basename, join } from 'node:path';
import type { Argv } from 'yargs';
import type { CommandSpec } from '../../commands.ts';
import { num, type Context } from '../../lib/context.ts';
import { UsageError } from '../../lib/diagnostics.ts';
import { writeFileAtomic } from '../../lib/io.ts';
import { displayPath } from '../../ingest/read.ts';
import { groupValue } from '../../03-tag.ts';
import { checkBy, intOption, optionalString } from '../shared/args.ts';
import { hitsBySentence, loadCoderInputs, tagDocuments } from '../shared/corpus.ts';
import { checkTarget } from '../shared/files.ts';
import { compareDates, compareText } from '../shared/text.ts';
import { formatDesign, formatSheet, type SheetRow } from './format.ts';
import { stratifiedSample, type Allocation, type Stratum } from './sample.ts';
import { documentUnits } from './units.ts';

function builder(y: Argv): Argv {
  return y
    .option('sample', { type: 'number', demandOption: true, describe: 'how many sentences to sample' })
    .option('coders', { type: 'number', default: 1, describe: 'how many identical sheets to write, one per coder' })
    .option('allocation', { choices: ['proportional', 'equal'], default: 'proportional', describe: 'share of the sample per stratum (group × hit / no hit)' })
    .option('dir', { type: 'string', default: 'sheets', describe: 'folder for the sheets and the design file' })
    .option('name', { type: 'string', default: 'sample', describe: 'file name stem: <name>-coder1.csv, …, <name>.design.json' })
    .option('force', { type: 'boolean', default: false, describe: 'replace existing sheets of the same name' })
    .example('$0 sheet --sample 200 --seed 7 --coders 2', 'two identical sheets of 200 sentences, stratified by source_type and hit / no hit');
}

async function run(ctx: Context, _s: unknown, args: Record<string, unknown>): Promise<number> {
  const n = intOption(args, 'sample', 1);
  const coders = intOption(args, 'coders', 1, 50);
  const name = optionalString(args, 'name')!;
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new UsageError(`--name \`${name}\` may hold only letters, digits, \`.\`, \`_\` and \`-\``);
  const dir = optionalString(args, 'dir')!;
  const sheets = Array.from({ length: coders }, (_, k) => join(dir, `${name}-coder${k + 1}.csv`));
  const designPath = join(dir, `${name}.design.json`);
  for (const p of [...sheets, designPath]) checkTarget(ctx, p, '--dir/--name', { force: Boolean(args.force) });
  const inputs = loadCoderInputs(ctx);
  const by = checkBy(ctx, inputs.corpus);
  const strata = new Map<string, Stratum<SheetRow>>();
  let sentences = 0;
  for await (const { doc, entry, tokens, hits } of tagDocuments(ctx, inputs, 'sheet')) {
    const group = groupValue(doc.meta.columns[by]);
    const hitSentences = hitsBySentence(hits);
    const units = documentUnits(tokens, doc.text);
    sentences += units.length;
    units.forEach((u, i) => {
      const hit = hitSentences.has(u.sentence - 1);
      const key = `${group}\u0000${hit}`;
      let s = strata.get(key);
      if (!s) strata.set(key, (s = { group, hit, members: [] }));
      s.members.push({ unitId: u.unitId, docId: u.docId, source: doc.meta.source, date: doc.meta.date, sentence: u.sentence, text: u.text,
        previous: units[i - 1]?.sentence === u.sentence - 1 ? units[i - 1].text : '', next: units[i + 1]?.sentence === u.sentence + 1 ? units[i + 1].text : '',
        textHash: entry.textHash });
    });
  }
  const sample = stratifiedSample([...strata.values()], n, ctx.options.seed, args.allocation as Allocation);
  const rows = sample.units.sort((a, b) => compareDates(a.date, b.date) || compareText(a.docId, b.docId) || a.sentence - b.sentence);
  if (rows.length < n) ctx.stderr.write(`qantar: warning: the corpus has only ${num(rows.length)} sentences; the sheet holds all of them\n`);
  const lexicon = inputs.lexicon.lexicon;
  const text = formatSheet(lexicon.frames, rows);
  for (const p of sheets) await writeFileAtomic(p, text);
  await writeFileAtomic(designPath, formatDesign({
    qantar_sheet: 1, name, seed: ctx.options.seed, sample: rows.length, coders, by, allocation: String(args.allocation), unit: 'sentence',
    sheets: sheets.map((p) => basename(p)),
    corpus: { path: displayPath(inputs.corpus.path), metadata_sha256: inputs.corpus.metadataHash, documents: inputs.corpus.entries.length, sentences },
    lexicon: inputs.lexicon.hashes,
    strata: sample.strata.map((s) => ({ group: s.group, lexicon_hit: s.hit, sentences: s.size, sampled: s.sampled })),
  }));
  ctx.log(`sheet: ${num(sentences)} sentences in ${sample.strata.length} strata (${by} × hit / no hit) → ${num(rows.length)} sampled with seed ${ctx.options.seed} → ${sheets.map((p) => displayPath(p)).join(', ')} + ${displayPath(designPath)}`);
  return 0;
}

export const sheetCommand: CommandSpec = {
  name: 'sheet',
  describe: 'a stratified random sample of sentences to code by hand (blind: no lexicon output)',
  writes: false,
  builder,
  run,
};
