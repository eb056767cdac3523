// diff: what a lexicon edit changed between two output folders — hits per group × frame before and after
// (all uses), and every hit gained, lost or changed, with its context read from --corpus. Reads
// <outA>/ and <outB>/ documents.csv + hits.csv; prints a report, or writes --csv (counts) / --hits.
import type { Argv } from 'yargs';
import type { CommandSpec } from '../../commands.ts';
import { num, type Context } from '../../lib/context.ts';
import { fmt, formatCsv } from '../../lib/csv.ts';
import { hasErrors } from '../../lib/diagnostics.ts';
import { loadDocument, readCorpusIndex } from '../../ingest/read.ts';
import { checkGroupColumn } from '../../03-tag.ts';
import { intOption, optionalString } from '../shared/args.ts';
import { writeUserFile } from '../shared/files.ts';
import { keepEnd, keepStart, oneLine, padEndCp, padStartCp } from '../shared/text.ts';
import { compareCounts, compareHits, type CountChange, type HitChange } from './compare.ts';
import { readOutRun, type OutHit, type OutRun } from './read.ts';

function builder(y: Argv): Argv {
  return y
    .positional('outA', { type: 'string', describe: 'output folder before the edit' })
    .positional('outB', { type: 'string', describe: 'output folder after the edit' })
    .option('csv', { type: 'string', describe: 'write the group × frame counts before and after to this CSV file' })
    .option('hits', { type: 'string', describe: 'write every hit gained, lost or changed to this CSV file' })
    .option('limit', { type: 'number', default: 40, describe: 'how many changed hits to print' })
    .example('$0 diff out-before out', 'what the last lexicon edit changed');
}

type HitContext = (h: OutHit, run: OutRun) => { left: string; right: string };

/** Context from the corpus texts, when a document's text is the one the run saw; otherwise none. */
function createHitContext(ctx: Context): HitContext {
  const corpus = readCorpusIndex(ctx.options.corpus);
  if (hasErrors(corpus.diagnostics)) {
    ctx.stderr.write(`qantar: note: the corpus \`${ctx.options.corpus}\` could not be read; hits are shown without context\n`);
    return () => ({ left: '', right: '' });
  }
  const entries = new Map(corpus.entries.map((e) => [e.meta.docId, e]));
  const texts = new Map<string, string>();
  return (h, run) => {
    const entry = entries.get(h.docId);
    const hash = run.docs.get(h.docId)?.textHash;
    if (!entry || (hash && hash !== entry.textHash)) return { left: '', right: '' };
    let text = texts.get(h.docId);
    if (text === undefined) texts.set(h.docId, (text = loadDocument(corpus, entry).text));
    return { left: oneLine(text.slice(Math.max(0, h.start - 80), h.start)), right: oneLine(text.slice(h.end, h.end + 80)) };
  };
}

const COUNT_COLUMNS = ['group', 'frame', 'hits_before', 'hits_after', 'change', 'words_before', 'words_after', 'per_1k_before', 'per_1k_after'];
const HIT_COLUMNS = ['change', 'doc_id', 'sentence', 'start', 'end', 'frame_before', 'frame_after', 'pattern_before', 'pattern_after', 'use_before', 'use_after', 'left', 'match', 'right'];

function countsCsv(rows: readonly CountChange[]): string {
  return formatCsv(COUNT_COLUMNS, rows.map((r) => [r.group, r.frame, r.hitsBefore, r.hitsAfter, r.hitsAfter - r.hitsBefore, r.wordsBefore, r.wordsAfter, fmt(r.per1kBefore), fmt(r.per1kAfter)]));
}

function hitsCsv(changes: readonly HitChange[], contextOf: HitContext, a: OutRun, b: OutRun): string {
  return formatCsv(HIT_COLUMNS, changes.map((c) => {
    const h = (c.after ?? c.before)!;
    const cx = contextOf(h, c.after ? b : a);
    return [c.change, h.docId, h.sentence, h.start, h.end, c.before?.frame ?? '', c.after?.frame ?? '', c.before?.pattern ?? '', c.after?.pattern ?? '',
      c.before?.use ?? '', c.after?.use ?? '', cx.left, oneLine(h.text), cx.right];
  }));
}

function report(counts: readonly CountChange[], changes: readonly HitChange[], contextOf: HitContext, a: OutRun, b: OutRun, limit: number): string {
  const moved = counts.filter((r) => r.hitsBefore !== r.hitsAfter || r.wordsBefore !== r.wordsAfter);
  const lines = [`Hits per group × frame (all uses), before → after: ${moved.length} of ${counts.length} rows changed`];
  for (const r of moved) {
    lines.push(`  ${padEndCp(keepStart(r.group, 22), 22)}  ${padEndCp(r.frame, 22)}  ${padStartCp(String(r.hitsBefore), 5)} → ${padStartCp(String(r.hitsAfter), 5)}  (${r.hitsAfter >= r.hitsBefore ? '+' : ''}${r.hitsAfter - r.hitsBefore})   per 1k ${fmt(r.per1kBefore, 2)} → ${fmt(r.per1kAfter, 2)}`);
  }
  const n = (k: HitChange['change']) => changes.filter((c) => c.change === k).length;
  lines.push('', `Hits: ${n('gained')} gained (+), ${n('lost')} lost (−), ${n('changed')} changed (~)`);
  for (const c of changes.slice(0, limit)) {
    const h = (c.after ?? c.before)!;
    const cx = contextOf(h, c.after ? b : a);
    const sign = c.change === 'gained' ? '+' : c.change === 'lost' ? '−' : '~';
    const what = c.change === 'changed' ? `${c.before!.frame}/${c.before!.pattern}/${c.before!.use} → ${c.after!.frame}/${c.after!.pattern}/${c.after!.use}` : `${h.frame} (${h.pattern})`;
    lines.push(`${sign} ${padEndCp(keepStart(h.docId, 24), 24)}  ${padStartCp(keepEnd(cx.left, 40), 40)} [${oneLine(h.text)}] ${padEndCp(keepStart(cx.right, 40), 40)}  ${what}`);
  }
  if (changes.length > limit) lines.push(`… and ${changes.length - limit} more (--hits FILE writes them all)`);
  return `${lines.join('\n')}\n`;
}

async function run(ctx: Context, _s: unknown, args: Record<string, unknown>): Promise<number> {
  const limit = intOption(args, 'limit', 0);
  const a = readOutRun(String(args.outA));
  const b = readOutRun(String(args.outB));
  const by = ctx.options.by;
  checkGroupColumn(by, b.docHeader.includes(by) ? b.docHeader : a.docHeader);
  const counts = compareCounts(a, b, by);
  const changes = compareHits(a, b);
  const contextOf = createHitContext(ctx);
  const csv = optionalString(args, 'csv');
  const hitsPath = optionalString(args, 'hits');
  if (csv) await writeUserFile(ctx, csv, countsCsv(counts), '--csv', true);
  if (hitsPath) await writeUserFile(ctx, hitsPath, hitsCsv(changes, contextOf, a, b), '--hits', true);
  ctx.stdout.write(report(counts, changes, contextOf, a, b, limit));
  ctx.log(`diff: ${num(a.hits.length)} → ${num(b.hits.length)} hits; ${num(changes.length)} hits gained, lost or changed`);
  return 0;
}

export const diffCommand: CommandSpec = {
  name: 'diff <outA> <outB>',
  describe: 'what a lexicon edit changed: counts per group × frame and the hits gained or lost',
  writes: false,
  builder,
  run,
};
