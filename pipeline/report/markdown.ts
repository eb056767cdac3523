// report.md: the report blocks as CommonMark with GitHub tables. Text is escaped so that nothing a corpus
// contains (a title with `<script>`, a group called `*ngo*`, a pipe in a pattern) can become markup.
import type { Block, Inline } from './blocks.ts';

/**
 * Backslash-escape what could start Markdown or HTML syntax inside a line: \ ` * [ ] < | ~, an `&` that
 * would begin an entity, and an `_` at a word edge (inside a word, as in `security_response`, it is
 * plain). Newlines become spaces. Text stays readable in the raw file, where researchers copy from.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*[\]<|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[\p{L}\p{N}]+;)/gu, '\\&')
    .replace(/_/g, (c, i: number, all: string) => (/[\p{L}\p{N}]/u.test(all[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(all[i + 1] ?? '') ? c : '\\_'));
}

/** A code span; in a table cell a `|` must still be escaped (GitHub tables split on it first). */
function codeSpan(s: string, inTable = false): string {
  let text = s.replace(/[\r\n]+/g, ' ');
  if (inTable) text = text.replace(/\|/g, '\\|');
  const ticks = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  return /^`|`$/.test(text) ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

function inline(runs: readonly Inline[], inTable = false): string {
  return runs.map((r) => (typeof r === 'string' ? escapeMarkdown(r) : codeSpan(r.code, inTable))).join('');
}

function table(b: Extract<Block, { kind: 'table' }>): string {
  const row = (cells: readonly Inline[]) => `| ${cells.map((c) => inline([c], true) || ' ').join(' | ')} |`;
  const rule = `|${b.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  return [row(b.columns), rule, ...b.rows.map(row)].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph': return inline(b.text);
    case 'list': return b.items.map((i) => `- ${inline(i)}`).join('\n');
    case 'table': return table(b);
    case 'figure': return `![Figure ${b.n}: ${escapeMarkdown(b.title)}](figures/${b.name}.svg)\n\n**Figure ${b.n}.** ${escapeMarkdown(b.caption)} (PNG: [figures/${b.name}.png](figures/${b.name}.png))`;
  }
}

export function renderMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}
