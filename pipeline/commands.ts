// The command table: each command's name, help, extra options, whether it writes to --out, and what it
// runs. The CLI (cli.ts) turns this table into yargs commands.
import type { Argv } from 'yargs';
import type { Context } from './lib/context.ts';
import type { OutputSession } from './lib/io.ts';
import * as ingest from './01-ingest.ts';
import * as tokenize from './02-tokenize.ts';
import * as tag from './03-tag.ts';
import * as count from './04-count.ts';
import * as figures from './05-figures.ts';
import * as report from './06-report.ts';
import * as all from './run.ts';
import { CODER_COMMANDS } from './coder/commands.ts';

export interface CommandSpec {
  name: string;
  describe: string;
  writes: boolean;
  builder?: (y: Argv) => Argv;
  run(ctx: Context, session: OutputSession | undefined, args: Record<string, unknown>): Promise<number | void>;
}

const stage = (name: string, describe: string, f: (ctx: Context, s: OutputSession) => Promise<void>): CommandSpec => ({
  name, describe, writes: true, run: (ctx, s) => f(ctx, s!),
});

export const COMMANDS: CommandSpec[] = [
  stage('run', 'run every stage: ingest → tokenize → tag → count → figures → report (+ manifest)', all.run),
  stage('ingest', 'check the corpus and write documents.csv', ingest.run),
  stage('tokenize', 'tokenize every document (cached) and write documents.csv with word counts', tokenize.run),
  stage('tag', 'tag frames with their use; write hits.csv and moves.csv', tag.run),
  stage('count', 'count hits by document and group; write counts and comparison tables', count.run),
  stage('figures', 'draw the paper figures (SVG + PNG) from the count tables', figures.run),
  stage('report', 'write report.md and report.html from the tables and figures', report.run),
  ...CODER_COMMANDS,
];
