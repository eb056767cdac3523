// The qantar command line (yargs). `main(argv, io)` parses, runs one command and returns the exit code:
// 0 done, 1 bad input (diagnostics printed), 2 bad usage. It is the only place that decides exit codes,
// and it takes its streams, so tests run it in-process.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import yargs, { type Argv } from 'yargs';
import { createContext, DEFAULT_SEED, type Context, type Options } from './lib/context.ts';
import { DataError, formatDiagnostic, UsageError } from './lib/diagnostics.ts';
import { OutputSession } from './lib/io.ts';
import { COMMANDS, type CommandSpec } from './commands.ts';
import { checkCommandName, checkNumbers, checkOutputFolders, checkSingle } from './cli-checks.ts';
import { parseUses } from './04-count.ts';

/** For bin/qantar.js, which loads only this module (or its bundle). */
export { installSignalCleanup } from './lib/io.ts';

export interface Io {
  stdout: Writable;
  stderr: Writable;
}

const GLOBAL_OPTIONS = {
  corpus: { type: 'string', requiresArg: true, default: 'corpus', describe: 'corpus folder (metadata.csv + texts/) or a .csv/.jsonl file with a text column' },
  lexicon: { type: 'string', requiresArg: true, default: 'lexicons', describe: 'lexicon folder (frames.csv + pattern CSVs + cues/)' },
  out: { type: 'string', requiresArg: true, default: 'out', describe: 'output folder' },
  cache: { type: 'string', requiresArg: true, describe: 'token cache folder [default: <out>/.cache]' },
  by: { type: 'string', requiresArg: true, default: 'source_type', describe: 'metadata column that defines the groups' },
  uses: { type: 'string', array: true, requiresArg: true, default: ['asserted'], describe: 'uses the securitizing-vs-grievance comparison counts (asserted, reported, quoted, negated, hedged, or all)' },
  seed: { type: 'number', requiresArg: true, default: DEFAULT_SEED, describe: 'seed for bootstrap intervals, permutation tests and samples' },
  reps: { type: 'number', requiresArg: true, default: 2000, describe: 'bootstrap replicates for confidence intervals' },
  permutations: { type: 'number', requiresArg: true, default: 1999, describe: 'permutations for the group-vs-rest tests' },
  strict: { type: 'boolean', default: false, describe: 'treat warnings as errors' },
  workers: { type: 'number', requiresArg: true, describe: 'worker threads for tokenizing and tagging [default: CPU cores]' },
  progress: { type: 'boolean', default: true, describe: 'progress bar on a terminal (--no-progress to hide)' },
  quiet: { type: 'boolean', default: false, describe: 'print nothing but errors' },
} as const;

function buildParser(argv: string[], io: Io): Argv {
  let parser = yargs(argv)
    .scriptName('qantar')
    .usage('$0 <command> [options]\n\nMeasure securitization framing in political texts.')
    .options(GLOBAL_OPTIONS)
    .strict()
    .demandCommand(1, 'name a command; `qantar --help` lists them')
    .recommendCommands()
    .exitProcess(false)
    .wrap(Math.min(110, (io.stdout as NodeJS.WriteStream).columns ?? 100))
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .help()
    .version(false)
    .epilog('Errors are printed as path:line: message. Exit 0 done, 1 bad input, 2 bad usage.');
  for (const c of COMMANDS) {
    parser = parser.command(c.name, c.describe, (y) => (c.builder ? c.builder(y) : y));
  }
  return parser;
}

/** Options that take one value (checked for being given twice). */
const SINGLE = Object.entries(GLOBAL_OPTIONS).filter(([, o]) => o.type !== 'boolean' && !('array' in o)).map(([k]) => k);
const VALUED = new Set(SINGLE.concat('uses').map((k) => `--${k}`));

function optionsFrom(a: Record<string, unknown>): Options {
  checkSingle(a, SINGLE);
  checkNumbers(a);
  parseUses((a.uses as unknown[]).map(String));
  if (String(a.by).trim() === '') throw new UsageError('--by needs a metadata column name');
  const out = String(a.out);
  const workers = a.workers === undefined ? Math.max(1, availableParallelism()) : Number(a.workers);
  return {
    corpus: String(a.corpus), lexicon: String(a.lexicon), out, cache: a.cache ? String(a.cache) : resolve(out, '.cache'),
    by: String(a.by), uses: (a.uses as string[]).map(String), seed: Number(a.seed), reps: Number(a.reps),
    permutations: Number(a.permutations), strict: Boolean(a.strict), workers: Math.max(1, workers), progress: Boolean(a.progress),
    quiet: Boolean(a.quiet), figures: true,
  };
}

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let parsed: Record<string, unknown>;
  let helpShown = false;
  const parser = buildParser(argv, io);
  try {
    checkCommandName(argv, COMMANDS.map((c) => c.name.split(' ')[0]), VALUED);
    let text = '';
    parsed = (await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      text = output;
    })) as Record<string, unknown>;
    if (text) {
      helpShown = true;
      io.stdout.write(`${text}\n`);
    }
  } catch (e) {
    return reportError(e, io);
  }
  if (helpShown || parsed.help) return 0;
  const name = String((parsed._ as unknown[])[0]);
  const spec = COMMANDS.find((c) => c.name.split(' ')[0] === name);
  if (!spec) return reportError(new UsageError(`unknown command \`${name}\`; \`qantar --help\` lists them`), io);
  let ctx: Context;
  try {
    const options = optionsFrom(parsed);
    if (spec.writes) checkOutputFolders({ ...options, cache: parsed.cache === undefined ? undefined : options.cache });
    ctx = createContext(options, io.stdout, io.stderr);
  } catch (e) {
    return reportError(e, io);
  }
  return execute(spec, ctx, parsed);
}

async function execute(spec: CommandSpec, ctx: Context, args: Record<string, unknown>): Promise<number> {
  let session: OutputSession | undefined;
  try {
    if (spec.writes) session = OutputSession.start(ctx.options.out, spec.name.split(' ')[0]);
    const code = await spec.run(ctx, session, args);
    if (session) await session.commit();
    return code ?? 0;
  } catch (e) {
    session?.abort();
    return reportError(e, ctx);
  }
}

function reportError(e: unknown, io: Io): number {
  if (e instanceof DataError) {
    for (const d of e.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    const n = e.diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr.write(`qantar: stopped: ${n} error${n === 1 ? '' : 's'}${e.diagnostics.length > n ? ` and ${e.diagnostics.length - n} warnings (--strict)` : ''}; nothing was written\n`);
    return 1;
  }
  if (e instanceof UsageError || (e instanceof Error && e.name === 'YError')) {
    io.stderr.write(`qantar: ${e.message}\nqantar: see \`qantar --help\`\n`);
    return 2;
  }
  const err = e as Error;
  io.stderr.write(`qantar: internal error — this is a bug in qantar, not in your data. Please report it with the command you ran.\n${err?.stack ?? String(e)}\n`);
  return 70;
}
