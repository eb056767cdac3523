// Checking command-specific options: whole numbers in range, a frame the lexicon knows, a grouping column
// the metadata has. Every problem is a usage error (exit 2) that says what was expected.
import type { Context } from '../../lib/context.ts';
import { UsageError } from '../../lib/diagnostics.ts';
import type { Lexicon } from '../../lib/types.ts';
import type { CorpusIndex } from '../../ingest/read.ts';
import { checkGroupColumn } from '../../03-tag.ts';

export function intOption(args: Record<string, unknown>, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = args[name];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new UsageError(`--${name} must be a whole number${max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : ` ≥ ${min}`}; got \`${String(v)}\``);
  }
  return v;
}

export function numberOption(args: Record<string, unknown>, name: string, min: number): number {
  const v = args[name];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw new UsageError(`--${name} must be a number ≥ ${min}; got \`${String(v)}\``);
  return v;
}

export function optionalString(args: Record<string, unknown>, name: string): string | undefined {
  const v = args[name];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) throw new UsageError(`--${name} was given more than once; expected one value`);
  const s = String(v);
  if (s.trim() === '') throw new UsageError(`--${name} needs a value`);
  return s;
}

export function requireFrame(lexicon: Lexicon, frame: string, option = '--frame'): void {
  if (!lexicon.frameById.has(frame)) {
    throw new UsageError(`${option} \`${frame}\` is not a frame of the lexicon; expected one of: ${lexicon.frames.map((f) => f.frame).join(', ')}`);
  }
}

/** The metadata columns a corpus offers for --by. */
export function metadataColumns(corpus: CorpusIndex): string[] {
  return [...new Set(['doc_id', 'source', 'source_type', 'date', 'lang', 'title', 'url', ...corpus.extraColumns])];
}

export function checkBy(ctx: Context, corpus: CorpusIndex): string {
  checkGroupColumn(ctx.options.by, metadataColumns(corpus));
  return ctx.options.by;
}
