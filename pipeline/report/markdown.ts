// report.md: the report blocks as CommonMark with GitHub tables. Text is escaped so that nothing a corpus
// contains (a title with `<script>`, a group called `*ngo*`, a pipe in a pattern) can become markup.
import type { Block, Inline } from './blocks.ts';

/** Backslash-escape the characters that start Markdown or HTML syntax inside a line; newlines become spaces. */
export function escapeMarkdown(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>&|~$#]/g, (c) => `\\${c}`);
}

function codeSpan(s: string): string {
  const text = s.replace(/[\r\n]+/g, ' ');
  const ticks = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  return /^`|`$/.test(text) ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

function inline(runs: readonly Inline[]): string {
  return runs.map((r) => (typeof r === 'string' ? escapeMarkdown(r) : codeSpan(r.code))).join('');
}

function table(b: Extract<Block, { kind: 'table' }>): string {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
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
