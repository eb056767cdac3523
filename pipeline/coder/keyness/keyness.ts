// keyness: words and two-word phrases over-represented in each group's documents (--by column) against
// all other documents, with G² and Log Ratio, the frame that claims them (if any) and concordance lines.
// `--frame F` compares only the sentences where F hits. Reads --corpus, --lexicon; prints or writes --csv.
import type { Argv } from 'yargs';
import type { CommandSpec } from '../../commands.ts';
import { num, type Context } from '../../lib/context.ts';
import { groupValue } from '../../03-tag.ts';
import { checkBy, intOption, optionalString, requireFrame } from '../shared/args.ts';
import { hitsBySentence, loadCoderInputs, tagDocuments } from '../shared/corpus.ts';
import { writeUserFile } from '../shared/files.ts';
import { createClaims } from '../shared/mask.ts';
import { formatKeyCsv, formatKeyTable, rankTerms } from './output.ts';
import { keyOptions } from './suggest.ts';
import { addDocument, createTermTable } from './terms.ts';

function builder(y: Argv): Argv {
  return keyOptions(y)
    .option('frame', { type: 'string', describe: 'compare only the sentences where this frame hits' })
    .example('$0 keyness --by source_type', 'the words that set each source type apart')
    .example('$0 keyness --by lang --frame terrorism --top 10', 'how each language talks about terrorism');
}

async function run(ctx: Context, _s: unknown, args: Record<string, unknown>): Promise<number> {
  const frame = optionalString(args, 'frame');
  const minFreq = intOption(args, 'min-freq', 1);
  const top = intOption(args, 'top', 1);
  const inputs = loadCoderInputs(ctx);
  const lexicon = inputs.lexicon.lexicon;
  if (frame) requireFrame(lexicon, frame);
  const by = checkBy(ctx, inputs.corpus);
  const groups = [...new Set(inputs.corpus.entries.map((e) => groupValue(e.meta.columns[by])))].sort();
  const claimsOf = createClaims(lexicon);
  const table = createTermTable({ buckets: groups.length, phrases: Boolean(args.phrases), skipClaimed: false, examples: 3 });
  for await (const { doc, tokens, hits } of tagDocuments(ctx, inputs, 'keyness')) {
    const g = groups.indexOf(groupValue(doc.meta.columns[by]));
    const framed = frame ? hitsBySentence(hits.filter((h) => h.frame === frame)) : undefined;
    addDocument(table, doc.meta.docId, tokens, doc.text, claimsOf(tokens), (s) => (!framed || framed.has(s) ? g : -1));
  }
  const rows = groups.flatMap((g, i) => rankTerms(table, i, g, minFreq, top));
  const csv = optionalString(args, 'csv');
  if (csv) await writeUserFile(ctx, csv, formatKeyCsv(rows), '--csv', true);
  else ctx.stdout.write(args.format === 'csv' ? formatKeyCsv(rows) : formatKeyTable(rows, true));
  ctx.log(`keyness: ${groups.length} groups by \`${by}\`${frame ? ` in ${frame} sentences` : ''}, ${num(table.totals.word.reduce((a, b) => a + b, 0))} words → ${rows.length} key terms (up to ${top} per group, min freq ${minFreq})${csv ? ` → ${csv}` : ''}`);
  return 0;
}

export const keynessCommand: CommandSpec = {
  name: 'keyness',
  describe: 'the words and phrases that set each group (--by) apart from the others',
  writes: false,
  builder,
  run,
};
