// Concordance rows (pure): hits of one document → rows with left context, match and right context;
// sorted by date, then document, then offset; printed as a terminal table or as a CSV coding sheet with
// empty `correct`, `correct_use` and `note` columns that `qantar evaluate` reads back.
import { formatCsv, type Cell } from '../../lib/csv.ts';
import type { FrameHit, TokenizedDocument } from '../../lib/types.ts';
import type { CorpusEntry } from '../../ingest/read.ts';
import { compareDates, compareText, contextOf, keepEnd, keepStart, oneLine, padEndCp, padStartCp } from '../shared/text.ts';

export interface KwicRow {
  hitId: string;
  docId: string;
  source: string;
  date: string;
  sentence: number;
  start: number;
  end: number;
  frame: string;
  pattern: string;
  use: string;
  left: string;
  match: string;
  right: string;
  /** --frame: the pattern's file:line; ad hoc: what the live lexicon does at this span. */
  lexicon: string;
  textHash: string;
}

export const KWIC_COLUMNS = ['hit_id', 'doc_id', 'source', 'date', 'frame', 'pattern', 'use', 'left', 'match', 'right',
  'correct', 'correct_use', 'note', 'lexicon', 'sentence', 'start', 'end', 'text_sha256'];

/** A hit's id: stable as long as the document text is unchanged. */
export function hitId(docId: string, start: number, end: number): string {
  return `${docId}:${start}-${end}`;
}

export function kwicRows(entry: CorpusEntry, tokens: TokenizedDocument, text: string, hits: readonly FrameHit[],
  window: number | 'sentence', frame: string, lexiconNote: (h: FrameHit) => string): KwicRow[] {
  return hits.map((h) => {
    const { left, right } = contextOf(tokens, text, h.tokenStart, h.tokenEnd, window, h.sentence - 1);
    return {
      hitId: hitId(h.docId, h.start, h.end), docId: h.docId, source: entry.meta.source, date: entry.meta.date,
      sentence: h.sentence, start: h.start, end: h.end, frame, pattern: h.pattern, use: h.use,
      left, match: oneLine(h.text), right, lexicon: lexiconNote(h), textHash: entry.textHash,
    };
  });
}

export function sortKwic(rows: KwicRow[]): KwicRow[] {
  return rows.sort((a, b) => compareDates(a.date, b.date) || compareText(a.docId, b.docId) || a.start - b.start || a.end - b.end);
}

export function formatKwicCsv(rows: readonly KwicRow[]): string {
  return formatCsv(KWIC_COLUMNS, rows.map((r): Cell[] => [r.hitId, r.docId, r.source, r.date, r.frame, r.pattern, r.use,
    r.left, r.match, r.right, '', '', '', r.lexicon, r.sentence, r.start, r.end, r.textHash]));
}

/**
 * A fixed-width table: date, document, left context (right-aligned), [match], right context, use, and
 * the frame (or, for an ad hoc pattern without a frame, what the live lexicon does there).
 */
export function formatKwicTable(rows: readonly KwicRow[], contextWidth = 42): string {
  const docWidth = Math.min(28, Math.max(6, ...rows.map((r) => [...r.docId].length)));
  return rows.map((r) => [
    padEndCp(r.date || '—', 10), padEndCp(keepStart(r.docId, docWidth), docWidth),
    padStartCp(keepEnd(r.left, contextWidth), contextWidth), `[${r.match}]`,
    padEndCp(keepStart(r.right, contextWidth), contextWidth), padEndCp(r.use, 8), r.frame || r.lexicon || '·',
  ].join('  ').trimEnd() + '\n').join('');
}
