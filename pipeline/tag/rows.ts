// The row formats of documents.csv, hits.csv and moves.csv: fixed column order, one way to write a value.
import { formatCsvRows, type Cell } from '../lib/csv.ts';
import type { DocumentMeta, FrameHit, PatternEntry, TokenizedDocument } from '../lib/types.ts';
import type { CorpusEntry } from '../ingest/read.ts';
import type { Move } from '../stance/index.ts';

export const BASE_DOC_COLUMNS = ['doc_id', 'source', 'source_type', 'date', 'lang', 'title', 'url'];
export const DOC_TAIL_COLUMNS = ['file', 'encoding', 'text_sha256', 'chars', 'sentences', 'tokens', 'words'];

export function documentColumns(extra: readonly string[]): string[] {
  return [...BASE_DOC_COLUMNS, ...extra, ...DOC_TAIL_COLUMNS];
}

/** Sentence, token and word counts of a document (summed over its segments for a very long text). */
export interface DocCounts {
  sentences: number;
  tokens: number;
  words: number;
}

export function countsOf(t: TokenizedDocument): DocCounts {
  return { sentences: t.sentenceEnds.length, tokens: t.types.length, words: t.words };
}

export function documentRow(entry: CorpusEntry, extra: readonly string[], counts?: DocCounts): Cell[] {
  const m: DocumentMeta = entry.meta;
  return [m.docId, m.source, m.sourceType, m.date, m.lang, m.title, m.url, ...extra.map((c) => m.columns[c] ?? ''),
    entry.file || m.origin, entry.decodedAs, entry.textHash, entry.chars,
    counts?.sentences ?? '', counts?.tokens ?? '', counts?.words ?? ''];
}

export const HIT_COLUMNS = ['doc_id', 'sentence', 'start', 'end', 'frame', 'family', 'pattern', 'text', 'use',
  'reported', 'quoted', 'negated', 'hedged', 'cue', 'cue_start', 'speaker', 'lexicon'];

export function hitRow(h: FrameHit, entry: PatternEntry | undefined): Cell[] {
  return [h.docId, h.sentence, h.start, h.end, h.frame, h.family, h.pattern, oneLine(h.text), h.use,
    h.reported, h.quoted, h.negated, h.hedged, oneLine(h.cue), h.cueStart >= 0 ? h.cueStart : '', oneLine(h.speaker),
    entry ? `${entry.file}:${entry.line}` : ''];
}

/** A CSV cell as formatCsvRows writes it. */
const cell = (c: Cell) => formatCsvRows([[c]]).slice(0, -1);

/**
 * hits.csv rows of hits: the same bytes as formatCsvRows(hits.map(hitRow)), with each pattern's constant
 * cells (frame, family, pattern, lexicon line) and each document id formatted once — hits.csv is the
 * largest file a run writes after counts_by_doc.csv.
 */
export function hitRowsText(hits: readonly FrameHit[], patterns: readonly PatternEntry[]): string {
  if (hits.length === 0) return '';
  const fixed = new Map<number, [string, string]>();
  const docs = new Map<string, string>();
  const lines = new Array<string>(hits.length);
  hits.forEach((h, k) => {
    let f = fixed.get(h.patternId);
    if (!f) {
      const e = patterns[h.patternId];
      fixed.set(h.patternId, (f = [`${cell(h.frame)},${cell(h.family)},${cell(h.pattern)}`, cell(e ? `${e.file}:${e.line}` : '')]));
    }
    let doc = docs.get(h.docId);
    if (doc === undefined) docs.set(h.docId, (doc = cell(h.docId)));
    lines[k] = `${doc},${h.sentence},${h.start},${h.end},${f[0]},${cell(oneLine(h.text))},${h.use},${h.reported},${h.quoted},${h.negated},${h.hedged},`
      + `${h.cue === '' ? '' : cell(oneLine(h.cue))},${h.cueStart >= 0 ? h.cueStart : ''},${h.speaker === '' ? '' : cell(oneLine(h.speaker))},${f[1]}`;
  });
  return `${lines.join('\n')}\n`;
}

export const MOVE_COLUMNS = ['doc_id', 'sentence', 'threat_frame', 'threat_text', 'threat_start', 'threat_end', 'threat_use',
  'referent_text', 'referent_start', 'referent_end', 'measure_frame', 'measure_text', 'measure_start', 'measure_end'];

export function moveRow(m: Move): Cell[] {
  return [m.docId, m.sentence, m.threat.frame, oneLine(m.threat.text), m.threat.start, m.threat.end, m.threat.use,
    oneLine(m.referent.text), m.referent.start, m.referent.end, m.measure.frame, oneLine(m.measure.text), m.measure.start, m.measure.end];
}

/** Line breaks inside a match (a phrase across a wrapped line) are shown as spaces. */
function oneLine(s: string): string {
  return s === '' ? s : s.replace(/\s+/gu, ' ');
}
