// review: a local web page for coders over an existing run — judge the lexicon's hits in context and code
// a sample of sentences blind, several coders each under their own name, with precision, recall and
// agreement computed as `qantar evaluate` computes them. Reads --out (manifest, token cache), the corpus
// and the lexicon; writes only the review folder (<out>/review or --dir). Serves 127.0.0.1 only.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Argv } from 'yargs';
import type { CommandSpec } from '../commands.ts';
import { createContext, num, type Context } from '../lib/context.ts';
import { UsageError } from '../lib/diagnostics.ts';
import { ROOT } from '../lib/where.ts';
import { displayPath } from '../ingest/read.ts';
import { intOption, optionalString } from '../coder/shared/args.ts';
import { checkTarget } from '../coder/shared/files.ts';
import type { Allocation } from '../coder/sheet/sample.ts';
import { loadReviewData } from './data.ts';
import { createRoutes, type ReviewApp } from './routes.ts';
import { createHandler, listen } from './server.ts';
import { openWorkspace } from './workspace.ts';

/** Tried first when no --port is given, so a restarted server comes back where the open page expects it. */
export const DEFAULT_PORT = 8470;

export interface ReviewOptions {
  port?: number;
  dir: string;
  sample?: number;
  sheet?: string;
  allocation: Allocation;
}

export interface RunningReview {
  url: string;
  port: number;
  app: ReviewApp;
  close(): Promise<void>;
  /** Settles when the server stops. */
  closed: Promise<void>;
}

/** Load the corpus and lexicon, open the review folder and listen on 127.0.0.1. */
export async function startReview(ctx: Context, o: ReviewOptions): Promise<RunningReview> {
  const data = await loadReviewData(ctx);
  const ws = await openWorkspace(ctx, data, { dir: o.dir, sample: o.sample, sheet: o.sheet, seed: ctx.options.seed, by: ctx.options.by, allocation: o.allocation });
  const app: ReviewApp = {
    data, ws, token: randomBytes(24).toString('hex'), instance: randomBytes(8).toString('hex'),
    options: { reps: ctx.options.reps, seed: ctx.options.seed, corpus: ctx.options.corpus, lexicon: ctx.options.lexicon },
  };
  let port = 0;
  const handler = createHandler(createRoutes(app), app.token, () => port, pathToFileURL(join(ROOT, 'pipeline/review/static/')));
  const l = await listen((req, res) => void handler(req, res), o.port, DEFAULT_PORT);
  port = l.port;
  const closed = new Promise<void>((resolve) => l.server.once('close', () => resolve()));
  const close = () => {
    l.server.closeAllConnections();
    return new Promise<void>((resolve) => l.server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${port}/`, port, app, close, closed };
}

/**
 * The corpus and lexicon the run in --out came from (its manifest), unless --corpus or --lexicon name
 * others. A default that is not the run's would show hits the run never had.
 */
function runInputs(ctx: Context): Context {
  const manifest = join(ctx.options.out, 'manifest.json');
  if (!existsSync(manifest)) return ctx;
  let inputs: { corpus?: { path?: string }; lexicon?: { path?: string } } | undefined;
  try {
    inputs = (JSON.parse(readFileSync(manifest, 'utf8')) as { inputs?: typeof inputs }).inputs;
  } catch {
    return ctx;
  }
  const pick = (given: string, fallback: string, recorded: string | undefined) =>
    given === fallback && recorded && recorded !== given && existsSync(recorded) ? recorded : given;
  const corpus = pick(ctx.options.corpus, 'corpus', inputs?.corpus?.path);
  const lexicon = pick(ctx.options.lexicon, 'lexicons', inputs?.lexicon?.path);
  if (corpus === ctx.options.corpus && lexicon === ctx.options.lexicon) return ctx;
  const next = createContext({ ...ctx.options, corpus, lexicon }, ctx.stdout, ctx.stderr);
  next.log(`review: corpus ${displayPath(corpus)} and lexicon ${displayPath(lexicon)}, as recorded in ${displayPath(manifest)}`);
  return next;
}

function builder(y: Argv): Argv {
  return y
    .option('port', { type: 'number', describe: `port on 127.0.0.1 [default: ${DEFAULT_PORT} if free, else any free port]` })
    .option('dir', { type: 'string', describe: 'folder for the sample and the coders\' decisions [default: <out>/review]' })
    .option('sample', { type: 'number', describe: 'on the first start: how many sentences to sample for coding [default: 100]' })
    .option('sheet', { type: 'string', describe: 'on the first start: code the sentences of this sheet from `qantar sheet` instead of a new sample' })
    .option('allocation', { choices: ['proportional', 'equal'], default: 'proportional', describe: 'share of the sample per stratum (group × hit / no hit)' })
    .example('$0 review', 'open the review page over out/ and the corpus and lexicon it came from')
    .example('$0 review --sample 300 --seed 7 --by source', 'first start: 300 sentences stratified by source × hit / no hit');
}

async function run(ctx: Context, _s: unknown, args: Record<string, unknown>): Promise<number> {
  const port = args.port === undefined ? undefined : intOption(args, 'port', 0, 65535);
  const sample = args.sample === undefined ? undefined : intOption(args, 'sample', 1);
  const sheet = optionalString(args, 'sheet');
  if (sample !== undefined && sheet !== undefined) throw new UsageError('give --sample or --sheet, not both');
  const dir = optionalString(args, 'dir') ?? join(ctx.options.out, 'review');
  checkTarget(ctx, dir, '--dir', { force: true });
  const rctx = runInputs(ctx);
  const review = await startReview(rctx, { port, dir, sample, sheet, allocation: args.allocation as Allocation });
  const d = review.app.data;
  rctx.log(`review: ${num(d.hits.length)} hits in ${d.frames.length} frames, ${num(review.app.ws.sample.length)} sentences to code → decisions in ${displayPath(dir)}`);
  ctx.stdout.write(`qantar review is running at ${review.url}\nOpen it in a browser on this computer; press Ctrl-C here to stop (every decision is saved as it is made).\n`);
  await review.closed;
  return 0;
}

export const reviewCommand: CommandSpec = {
  name: 'review',
  describe: 'a local web page to judge hits and code sentences, with precision, recall and agreement updating live',
  writes: false,
  builder,
  run,
};
