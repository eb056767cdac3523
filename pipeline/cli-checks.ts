// Usage checks the CLI makes before any work: an unknown command (with a suggestion), an option given
// twice or without its value, numbers out of range, and an --out or --cache folder that overlaps the
// corpus or the lexicon (inputs are never overwritten). Each problem is a UsageError (exit 2).
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError } from './lib/diagnostics.ts';

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/**
 * The first word that is not an option (nor an option's value) must be a command. yargs' own message
 * for a typo is only "Did you mean …?", so the check is made here. `valued` lists the options that take
 * a value, as `--name`.
 */
export function checkCommandName(argv: readonly string[], commands: readonly string[], valued: ReadonlySet<string>): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return;
    if (a.startsWith('-')) {
      if (!a.includes('=') && valued.has(a)) i++;
      continue;
    }
    if (commands.includes(a)) return;
    const near = commands.filter((c) => distance(a, c) <= Math.max(2, Math.floor(c.length / 3))).sort((x, y) => distance(a, x) - distance(a, y));
    throw new UsageError(`unknown command \`${a}\`${near.length ? ` (did you mean \`${near[0]}\`?)` : ''}; \`qantar --help\` lists the commands`);
  }
}

/** An option that takes one value, given twice, arrives from yargs as an array: refuse it. */
export function checkSingle(args: Record<string, unknown>, names: readonly string[]): void {
  for (const n of names) {
    const v = args[n];
    if (Array.isArray(v)) throw new UsageError(`--${n} is given ${v.length} times (${v.map((x) => `\`${String(x)}\``).join(', ')}); give it once`);
  }
}

const LIMITS: Record<string, [number, number]> = {
  seed: [0, 4294967295],
  reps: [0, 1_000_000],
  permutations: [0, 1_000_000],
  workers: [0, 256],
};

/** Whole numbers within their range; `undefined` (not given, no default) passes. */
export function checkNumbers(args: Record<string, unknown>): void {
  for (const [name, [lo, hi]] of Object.entries(LIMITS)) {
    const v = args[name];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
      throw new UsageError(`--${name} must be a whole number from ${lo} to ${hi.toLocaleString('en-US')}; got \`${String(v)}\``);
    }
  }
}

/** The real path of `p`, also when it does not exist yet (its nearest existing ancestor resolved). */
export function realPath(p: string): string {
  const abs = resolve(p);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realPath(parent), basename(abs));
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(b + sep) || b.startsWith(a + sep);
}

/** --out (and --cache) must be folders apart from the corpus and the lexicon. */
export function checkOutputFolders(o: { out: string; cache?: string; corpus: string; lexicon: string }): void {
  for (const [flag, p] of [['--out', o.out], ['--cache', o.cache]] as const) {
    if (p === undefined) continue;
    if (p.trim() === '') throw new UsageError(`${flag} needs a folder path`);
    if (existsSync(p) && !statSync(p).isDirectory()) throw new UsageError(`${flag} \`${p}\` is a file; expected a folder (it is created when missing)`);
    const target = realPath(p);
    for (const [inFlag, inPath] of [['--corpus', o.corpus], ['--lexicon', o.lexicon]] as const) {
      if (overlaps(target, realPath(inPath))) {
        throw new UsageError(`${flag} \`${p}\` overlaps ${inFlag} \`${inPath}\`; outputs must go to a separate folder so inputs are never overwritten`);
      }
    }
  }
}
