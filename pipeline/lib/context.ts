// What every command receives: resolved options, the output streams, and a logger. The CLI builds it;
// stages never read process.argv or process.env themselves.
import type { Writable } from 'node:stream';

export interface Options {
  corpus: string;
  lexicon: string;
  out: string;
  cache: string;
  by: string;
  uses: string[];
  seed: number;
  reps: number;
  permutations: number;
  strict: boolean;
  workers: number;
  progress: boolean;
  quiet: boolean;
  figures: boolean;
}

export interface Context {
  options: Options;
  stdout: Writable;
  stderr: Writable;
  /** One line per stage: before → after. */
  log(line: string): void;
}

export const DEFAULT_SEED = 20220105;

export function createContext(options: Options, stdout: Writable, stderr: Writable): Context {
  return {
    options, stdout, stderr,
    log: (line) => {
      if (!options.quiet) stderr.write(`${line}\n`);
    },
  };
}

export function num(n: number): string {
  return n.toLocaleString('en-US');
}
