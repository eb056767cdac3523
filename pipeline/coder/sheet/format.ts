// The coding sheet's layout: what the coder reads (document, source, date, the sentence with the one
// before and after), one empty column per frame and one `<frame>_use` column per frame, a note, and the
// columns `evaluate` uses to check the sheet against the corpus. No lexicon output appears (blind coding).
import { formatCsv, type Cell } from '../../lib/csv.ts';
import type { Frame } from '../../lib/types.ts';
import { oneLine } from '../shared/text.ts';

export interface SheetRow {
  unitId: string;
  docId: string;
  source: string;
  date: string;
  previous: string;
  text: string;
  next: string;
  sentence: number;
  textHash: string;
}

export const SHEET_LEAD_COLUMNS = ['unit_id', 'doc_id', 'source', 'date', 'previous', 'text', 'next'];
export const SHEET_TAIL_COLUMNS = ['note', 'sentence', 'text_sha256'];

export function sheetColumns(frames: readonly Frame[]): string[] {
  return [...SHEET_LEAD_COLUMNS, ...frames.flatMap((f) => [f.frame, `${f.frame}_use`]), ...SHEET_TAIL_COLUMNS];
}

export function formatSheet(frames: readonly Frame[], rows: readonly SheetRow[]): string {
  const blanks = frames.flatMap(() => ['', '']);
  return formatCsv(sheetColumns(frames), rows.map((r): Cell[] => [r.unitId, r.docId, r.source, r.date,
    oneLine(r.previous), oneLine(r.text), oneLine(r.next), ...blanks, '', r.sentence, r.textHash]));
}

export interface SheetDesign {
  qantar_sheet: 1;
  name: string;
  seed: number;
  sample: number;
  coders: number;
  by: string;
  allocation: string;
  unit: 'sentence';
  /** File names of the sheets, next to the design file. */
  sheets: string[];
  corpus: { path: string; metadata_sha256: string; documents: number; sentences: number };
  lexicon: Record<string, string>;
  strata: { group: string; lexicon_hit: boolean; sentences: number; sampled: number }[];
}

/** The design sidecar, for the methods section; it shows which strata hold lexicon hits, so coders should not see it. */
export function formatDesign(d: SheetDesign): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}
