// LIWC .dic dictionaries (pure). A `%` line opens and closes the category legend (`<number> <name>`),
// then each line is an entry followed by its category numbers, tab-separated (LIWC-22 phrases may hold
// spaces). LIWC 2007's conditional codes such as `(02 134)125/464` cannot be expressed as patterns:
// they are skipped with a warning. Anything else malformed is a path:line error.
import { diag } from '../../lib/diagnostics.ts';
import type { Diagnostic } from '../../lib/types.ts';
import type { Dictionary } from './model.ts';

const CONDITIONAL = /^\(.*\)|\/|^<.*>$/;

function fields(line: string): string[] {
  return (line.includes('\t') ? line.split('\t') : line.split(/\s+/u)).map((f) => f.trim()).filter(Boolean);
}

export function parseLiwcDic(text: string, path: string): { dict: Dictionary; diagnostics: Diagnostic[] } {
  const dict: Dictionary = { categories: [], entries: [] };
  const diagnostics: Diagnostic[] = [];
  const err = (line: number, message: string, rule: string) => diagnostics.push(diag(path, line, 'error', message, rule));
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let i = lines.findIndex((l) => l.trim() !== '');
  if (i < 0 || lines[i].trim() !== '%') {
    err(i < 0 ? 1 : i + 1, 'expected a `%` line opening the category legend (LIWC .dic format)', 'import/not-a-dictionary');
    return { dict, diagnostics };
  }
  const byNumber = new Map<string, number>();
  for (i++; i < lines.length && lines[i].trim() !== '%'; i++) {
    const f = fields(lines[i]);
    if (f.length === 0) continue;
    if (f.length < 2 || !/^\d+$/.test(f[0])) {
      err(i + 1, `legend line \`${lines[i].trim()}\` is not \`<number> <category>\``, 'import/bad-legend');
      continue;
    }
    const num = String(Number(f[0]));
    if (byNumber.has(num)) {
      err(i + 1, `category number ${f[0]} is declared twice`, 'import/bad-legend');
      continue;
    }
    byNumber.set(num, dict.categories.push({ name: f[1], line: i + 1 }) - 1);
  }
  if (i >= lines.length) {
    err(lines.length, 'the category legend is never closed; expected a second `%` line', 'import/bad-legend');
    return { dict, diagnostics };
  }
  for (i++; i < lines.length; i++) readEntry(lines[i], i + 1, byNumber, dict, diagnostics, path);
  return { dict, diagnostics };
}

function readEntry(raw: string, line: number, byNumber: Map<string, number>, dict: Dictionary, diagnostics: Diagnostic[], path: string): void {
  if (raw.trim() === '') return;
  // Without tabs the entry is every leading field that is not a category number (a phrase with spaces).
  const f = fields(raw);
  const split = raw.includes('\t') ? 1 : Math.max(1, f.findIndex((x) => /^\d+$/.test(x) || CONDITIONAL.test(x)));
  const pattern = f.slice(0, split).join(' ');
  const codes = f.slice(split);
  const plain = codes.filter((c) => !CONDITIONAL.test(c));
  const skipped = codes.filter((c) => CONDITIONAL.test(c));
  if (skipped.length) diagnostics.push(diag(path, line, 'warning', `conditional categories ${skipped.map((c) => `\`${c}\``).join(' ')} of \`${pattern}\` cannot be expressed as patterns and are skipped`, 'import/conditional'));
  if (codes.length === 0) diagnostics.push(diag(path, line, 'error', `entry \`${pattern}\` has no category numbers; expected \`word<TAB>number…\``, 'import/bad-entry'));
  for (const c of plain) {
    const k = /^\d+$/.test(c) ? byNumber.get(String(Number(c))) : undefined;
    if (k === undefined) diagnostics.push(diag(path, line, 'error', `entry \`${pattern}\` names category \`${c}\`, which the legend does not declare`, 'import/unknown-category'));
    else dict.entries.push({ category: k, pattern, line });
  }
}

/** A LIWC .dic: the legend numbered in frame order, then one line per pattern (sorted) with its categories. */
export function formatLiwcDic(categories: readonly string[], entries: readonly { pattern: string; category: number }[]): string {
  const legend = categories.map((c, i) => `${i + 1}\t${c}`);
  const byPattern = new Map<string, Set<number>>();
  for (const e of entries) {
    const s = byPattern.get(e.pattern) ?? new Set<number>();
    byPattern.set(e.pattern, s.add(e.category + 1));
  }
  const body = [...byPattern.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((p) => [p, ...[...byPattern.get(p)!].sort((a, b) => a - b)].join('\t'));
  return ['%', ...legend, '%', ...body].join('\n') + '\n';
}
