// The report as a list of blocks that both renderers (Markdown and HTML) draw. Every string in a block is
// plain text — corpus-derived or not — and each renderer escapes it for its own format.

/** A run of text, or a run shown as code (file names, column names, hashes). */
export type Inline = string | { code: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; text: Inline[]; role?: 'methods' }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; columns: string[]; numeric: boolean[]; rows: Inline[][] }
  | { kind: 'figure'; n: number; name: string; title: string; caption: string; svg?: string };

export const code = (c: string): Inline => ({ code: c });
