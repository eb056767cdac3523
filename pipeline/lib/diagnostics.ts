// Diagnostics: every data problem becomes one record; they are collected, printed like a compiler, and
// the run fails once. `DataError` carries them to the CLI (exit 1); `UsageError` is a bad command (exit 2).
import type { Diagnostic, Severity } from './types.ts';

export function diag(path: string, line: number | undefined, severity: Severity, message: string, rule: string,
  column?: number): Diagnostic {
  return { path, line, column, severity, message, rule };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.path : d.column === undefined ? `${d.path}:${d.line}` : `${d.path}:${d.line}:${d.column}`;
  return `${where}: ${d.severity} ${d.message}  ${d.rule}`;
}

export function hasErrors(ds: readonly Diagnostic[], strict = false): boolean {
  return ds.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/** Sort for stable output: by path, then line, then column, then rule. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => a.path.localeCompare(b.path, 'en') || (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule, 'en'));
}

/** The user's data is wrong: print the diagnostics, exit 1. */
export class DataError extends Error {
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DataError';
  }
}

/** The command itself is wrong (unknown flag, bad value): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Throw a DataError when any diagnostic is an error (or a warning, under --strict). */
export function failOnErrors(ds: Diagnostic[], strict = false): void {
  if (hasErrors(ds, strict)) throw new DataError(sortDiagnostics(ds.filter((d) => d.severity === 'error' || strict)));
}
