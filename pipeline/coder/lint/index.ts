// lint: check the lexicon as a whole and against the corpus. Errors: malformed patterns, a pattern in two
// frames (from the lexicon reader). Warnings: duplicates, words already covered by a glob, dead and
// always-shadowed patterns, broad globs, thin frames, frames with no patterns for a corpus language.
// Reads --lexicon, --corpus and the token cache; prints path:line messages; exit 1 on errors.
import { join } from 'node:path';
import type { Argv } from 'yargs';
import type { CommandSpec } from '../../commands.ts';
import { num, type Context } from '../../lib/context.ts';
import { formatDiagnostic, hasErrors, sortDiagnostics, UsageError } from '../../lib/diagnostics.ts';
import type { Diagnostic, Lang } from '../../lib/types.ts';
import { displayPath, readCorpusIndex } from '../../ingest/read.ts';
import { readLexicon } from '../../lexicon/read.ts';
import { readCues } from '../../stance/index.ts';
import { tokenizeCorpus } from '../../tokenize/stream.ts';
import { intOption } from '../shared/args.ts';
import { emptyStats } from '../shared/corpus.ts';
import { broadGlobs, deadPatterns, frameLanguageGaps, redundantWords, shadowedPatterns, thinFrames } from './checks.ts';
import { createUsage, createUsageRecorder } from './usage.ts';

const SKIPPABLE = ['dead', 'shadowed', 'broad-glob', 'redundant', 'thin-frame', 'frame-missing-lang'];

function skipped(args: Record<string, unknown>): Set<string> {
  const list = (args.skip as unknown[]).flatMap((s) => String(s).split(',')).map((s) => s.trim().replace(/^lint\//, '')).filter(Boolean);
  for (const s of list) if (!SKIPPABLE.includes(s)) throw new UsageError(`--skip: unknown check \`${s}\`; expected one or more of: ${SKIPPABLE.join(', ')}`);
  return new Set(list.map((s) => `lint/${s}`));
}

/** `865 dead, 15 shadowed` — warnings per check, most first. */
function byRule(ds: readonly Diagnostic[]): string {
  const m = new Map<string, number>();
  for (const d of ds) if (d.severity === 'warning') m.set(d.rule, (m.get(d.rule) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${n} ${r.replace(/^[a-z]+\//, '')}`).join(', ');
}

function builder(y: Argv): Argv {
  return y
    .option('min-patterns', { type: 'number', default: 5, describe: 'warn about frames with fewer patterns than this' })
    .option('broad', { type: 'number', default: 5, describe: 'warn about globs whose matches have this many different stems or more' })
    .option('skip', { type: 'string', array: true, default: [], describe: `checks to leave out: ${SKIPPABLE.join(', ')}` })
    .example('$0 lint', 'check lexicons/ against corpus/')
    .example('$0 lint --skip dead', 'everything but the list of patterns with no match in the corpus')
    .example('$0 lint --strict', 'fail (exit 1) on warnings too, e.g. in CI');
}

async function run(ctx: Context, _s: unknown, args: Record<string, unknown>): Promise<number> {
  const minPatterns = intOption(args, 'min-patterns', 0);
  const broad = intOption(args, 'broad', 2);
  const skip = skipped(args);
  const loaded = readLexicon(ctx.options.lexicon);
  const lex = loaded.lexicon;
  const framesPath = displayPath(join(ctx.options.lexicon, 'frames.csv'));
  const cues = readCues(join(ctx.options.lexicon, 'cues'));
  const found: Diagnostic[] = [...loaded.diagnostics, ...cues.diagnostics];
  found.push(...thinFrames(lex, framesPath, minPatterns), ...redundantWords(lex));
  const corpus = readCorpusIndex(ctx.options.corpus);
  found.push(...corpus.diagnostics);
  let docs = 0;
  if (!hasErrors(corpus.diagnostics) && lex.frames.length > 0) {
    const docsByLang = new Map<Lang, number>();
    for (const e of corpus.entries) docsByLang.set(e.meta.lang, (docsByLang.get(e.meta.lang) ?? 0) + 1);
    const usage = lex.patterns.map(createUsage);
    const record = createUsageRecorder(lex.patterns, usage);
    for await (const { tokens } of tokenizeCorpus(ctx, corpus, emptyStats())) {
      record(tokens);
      docs++;
    }
    found.push(...frameLanguageGaps(lex, framesPath, docsByLang), ...deadPatterns(lex, usage, new Set(docsByLang.keys())),
      ...shadowedPatterns(lex, usage), ...broadGlobs(lex, usage, broad));
  } else if (lex.frames.length > 0) {
    ctx.stderr.write('qantar: the corpus could not be read, so dead, shadowed and broad patterns were not checked\n');
  }
  const shown = sortDiagnostics(found.filter((d) => !skip.has(d.rule)));
  for (const d of shown) ctx.stdout.write(`${formatDiagnostic(d)}\n`);
  const errors = shown.filter((d) => d.severity === 'error').length;
  const warnings = shown.length - errors;
  ctx.log(`lint: ${num(lex.patterns.length)} patterns in ${lex.files.length} files, ${lex.frames.length} frames, ${num(docs)} documents → ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${warnings ? ` (${byRule(shown)})` : ''}`);
  return hasErrors(shown, ctx.options.strict) ? 1 : 0;
}

export const lintCommand: CommandSpec = {
  name: 'lint',
  describe: 'check the lexicon: malformed, duplicate, shadowed, dead and over-broad patterns, thin frames',
  writes: false,
  builder,
  run,
};
