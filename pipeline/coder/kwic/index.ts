// kwic: every hit of a frame (`--frame F`) or of an ad hoc pattern in context, re-tagged with the live
// lexicon on cached tokens. Reads --corpus, --lexicon; prints a table, or writes a CSV coding sheet
// (`--csv sheet.csv`, `-` for stdout) with an empty `correct` column for a coder to fill.
import type { Argv } from 'yargs';
import type { CommandSpec } from '../../commands.ts';
import { num, type Context } from '../../lib/context.ts';
import { UsageError } from '../../lib/diagnostics.ts';
import { LANGS, type FrameHit, type Lang } from '../../lib/types.ts';
import { intOption, optionalString, requireFrame } from '../shared/args.ts';
import { loadCoderInputs, tagDocuments } from '../shared/corpus.ts';
import { writeUserFile } from '../shared/files.ts';
import { adhocLexicon, createLiveLookup } from './adhoc.ts';
import { formatKwicCsv, formatKwicTable, kwicRows, sortKwic, type KwicRow } from './rows.ts';

function builder(y: Argv): Argv {
  return y
    .positional('pattern', { type: 'string', describe: 'a pattern in lexicon syntax: word, glob (terror*) or phrase ("foreign mercenar*")' })
    .option('frame', { type: 'string', describe: "show the lexicon's hits of this frame (with a pattern: judge the pattern's hits as this frame)" })
    .option('window', { type: 'number', default: 8, describe: 'words of context on each side' })
    .option('sentence', { type: 'boolean', default: false, describe: 'show the whole sentence as context instead of a window' })
    .option('lang', { type: 'string', describe: 'match the ad hoc pattern only in documents of this language (en, ru, kk)' })
    .option('csv', { type: 'string', describe: 'write a coding sheet to this CSV file instead of printing the table' })
    .option('format', { choices: ['table', 'csv'], default: 'table', describe: 'what to print when there is no --csv file' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing --csv file' })
    .example('$0 kwic "terror*"', 'every match of terror* in context')
    .example('$0 kwic --frame terrorism --csv kwic-terrorism.csv', 'a coding sheet of every terrorism hit');
}

async function run(ctx: Context, _s: unknown, args: Record<string, unknown>): Promise<number> {
  const pattern = args.pattern === '' ? undefined : optionalString(args, 'pattern');
  const frame = optionalString(args, 'frame');
  if (!pattern && !frame) throw new UsageError('name a pattern (`qantar kwic "terror*"`) or a frame (`qantar kwic --frame terrorism`)');
  const window = args.sentence ? 'sentence' : intOption(args, 'window', 0, 200);
  const langArg = optionalString(args, 'lang');
  if (langArg && !(LANGS as readonly string[]).includes(langArg)) throw new UsageError(`--lang \`${langArg}\` is not supported; expected one of: ${LANGS.join(', ')}`);
  const inputs = loadCoderInputs(ctx);
  const live = inputs.lexicon.lexicon;
  if (frame) requireFrame(live, frame);
  const lexicon = pattern ? adhocLexicon(pattern, (langArg ?? '') as Lang | '', frame, live) : live;
  const lookup = createLiveLookup(live);
  const rows: KwicRow[] = [];
  const docs = new Set<string>();
  const keep = langArg ? (e: { meta: { lang: string } }) => e.meta.lang === langArg : undefined;
  for await (const { doc, entry, tokens, hits } of tagDocuments(ctx, inputs, 'kwic', { lexicon, keep })) {
    const chosen = pattern ? hits : hits.filter((h) => h.frame === frame);
    if (chosen.length === 0) continue;
    docs.add(doc.meta.docId);
    const at = pattern ? lookup(tokens) : undefined;
    const note = (h: FrameHit) => (at ? at(h.tokenStart, h.tokenEnd) : `${live.patterns[h.patternId].file}:${live.patterns[h.patternId].line}`);
    rows.push(...kwicRows(entry, tokens, doc.text, chosen, window, frame ?? '', note));
  }
  sortKwic(rows);
  const what = pattern ? `\`${lexicon.patterns[0].pattern}\`${frame ? ` as ${frame}` : ''}` : `frame ${frame}`;
  const csv = optionalString(args, 'csv');
  if (csv) await writeUserFile(ctx, csv, formatKwicCsv(rows), '--csv', Boolean(args.force));
  else ctx.stdout.write(args.format === 'csv' ? formatKwicCsv(rows) : formatKwicTable(rows));
  ctx.log(`kwic: ${what} → ${num(rows.length)} hits in ${num(docs.size)} documents${csv ? ` → ${csv}` : ''}`);
  return 0;
}

export const kwicCommand: CommandSpec = {
  name: 'kwic [pattern]',
  describe: 'every hit of a pattern or frame in context, as a table or a CSV coding sheet',
  writes: false,
  builder,
  run,
};
