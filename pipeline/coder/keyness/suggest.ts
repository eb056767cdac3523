// suggest: candidate terms for a frame — words and two-word phrases over-represented in the sentences
// where the frame hits, against every other sentence of the corpus, that the lexicon does not already
// match; each with three concordance lines. Reads --corpus, --lexicon; prints a table or writes --csv.
import type { Argv } from 'yargs';
import type { CommandSpec } from '../../commands.ts';
import { num, type Context } from '../../lib/context.ts';
import { intOption, optionalString, requireFrame } from '../shared/args.ts';
import { hitsBySentence, loadCoderInputs, tagDocuments } from '../shared/corpus.ts';
import { writeUserFile } from '../shared/files.ts';
import { createClaims } from '../shared/mask.ts';
import { formatKeyCsv, formatKeyTable, rankTerms } from './output.ts';
import { addDocument, createTermTable } from './terms.ts';

export function keyOptions(y: Argv): Argv {
  return y
    .option('min-freq', { type: 'number', default: 3, describe: 'leave out terms seen fewer times than this in the target' })
    .option('top', { type: 'number', default: 30, describe: 'how many terms to list' })
    .option('phrases', { type: 'boolean', default: true, describe: 'also propose two-word phrases (--no-phrases for words only)' })
    .option('csv', { type: 'string', describe: 'write the list to this CSV file instead of printing a table' })
    .option('format', { choices: ['table', 'csv'], default: 'table', describe: 'what to print when there is no --csv file' });
}

function builder(y: Argv): Argv {
  return keyOptions(y)
    .option('frame', { type: 'string', demandOption: true, describe: 'the frame to find new terms for' })
    .example('$0 suggest --frame foreign_interference', 'terms over-represented where foreign_interference hits, not yet in the lexicon');
}

async function run(ctx: Context, _s: unknown, args: Record<string, unknown>): Promise<number> {
  const frame = optionalString(args, 'frame')!;
  const minFreq = intOption(args, 'min-freq', 1);
  const top = intOption(args, 'top', 1);
  const inputs = loadCoderInputs(ctx);
  const lexicon = inputs.lexicon.lexicon;
  requireFrame(lexicon, frame);
  const claimsOf = createClaims(lexicon);
  const table = createTermTable({ buckets: 2, phrases: Boolean(args.phrases), skipClaimed: true, examples: 3 });
  let sentences = 0;
  for await (const { doc, tokens, hits } of tagDocuments(ctx, inputs, 'suggest')) {
    const framed = hitsBySentence(hits.filter((h) => h.frame === frame));
    sentences += framed.size;
    addDocument(table, doc.meta.docId, tokens, doc.text, claimsOf(tokens), (s) => (framed.has(s) ? 0 : 1));
  }
  const rows = rankTerms(table, 0, frame, minFreq, top);
  const csv = optionalString(args, 'csv');
  if (csv) await writeUserFile(ctx, csv, formatKeyCsv(rows), '--csv', true);
  else ctx.stdout.write(args.format === 'csv' ? formatKeyCsv(rows) : formatKeyTable(rows, false));
  ctx.log(`suggest: ${num(sentences)} sentences with ${frame} hits (${num(table.totals.word[0])} words outside the lexicon's matches) against ${num(table.totals.word[1])} words elsewhere → ${rows.length} candidates (min freq ${minFreq})${csv ? ` → ${csv}` : ''}`);
  return 0;
}

export const suggestCommand: CommandSpec = {
  name: 'suggest',
  describe: "candidate terms for a frame: words and phrases over-represented in its sentences, not yet in the lexicon",
  writes: false,
  builder,
  run,
};
