// Read filled sheets (pure: text in, records and diagnostics out). A sheet with `unit_id` comes from
// `qantar sheet`, one with `hit_id` from `qantar kwic --csv`. Every cell that is not an allowed code, a
// unit given twice, a use without its frame, is a diagnostic naming path:line.
import { parseCsv, requireColumns } from '../../lib/csv.ts';
import { diag } from '../../lib/diagnostics.ts';
import type { Diagnostic, Use } from '../../lib/types.ts';
import { SHEET_LEAD_COLUMNS, SHEET_TAIL_COLUMNS } from '../sheet/format.ts';
import { parseUnitId } from '../sheet/units.ts';
import { CORRECT_CODES_HELP, FRAME_CODES_HELP, parseCorrectCell, parseFrameCell, parseUseCell, USE_CODES_HELP } from './codes.ts';

export interface UnitCodes {
  line: number;
  docId: string;
  sentence: number;
  hash: string;
  textHash: string;
  /** frame → present / absent / missing (undefined). */
  codes: Map<string, boolean | undefined>;
  uses: Map<string, Use | undefined>;
}

export interface UnitSheet {
  kind: 'units';
  path: string;
  coder: string;
  frames: string[];
  units: Map<string, UnitCodes>;
  /** Lines of rows left entirely blank (not coded). */
  uncoded: number[];
}

export interface Judgement {
  line: number;
  key: string;
  hitId: string;
  docId: string;
  start: number;
  end: number;
  match: string;
  frame: string;
  pattern: string;
  use: string;
  textHash: string;
  correct: boolean | undefined;
  correctUse: Use | undefined;
}

export interface KwicSheet {
  kind: 'kwic';
  path: string;
  coder: string;
  judgements: Judgement[];
}

export type Sheet = UnitSheet | KwicSheet;

export function parseSheet(text: string, path: string, coder: string): { sheet?: Sheet; diagnostics: Diagnostic[] } {
  const table = parseCsv(text, path, 'evaluate');
  if (table.header.includes('unit_id')) return parseUnitSheet(table, path, coder);
  if (table.header.includes('hit_id')) return parseKwicSheet(table, path, coder);
  const found = table.header.length ? `; its header has ${table.header.slice(0, 8).map((h) => `\`${h}\``).join(', ')}` : '';
  return { diagnostics: [...table.diagnostics, diag(path, 1, 'error', `not a qantar sheet: expected a \`unit_id\` column (from \`qantar sheet\`) or a \`hit_id\` column (from \`qantar kwic --csv\`)${found}`, 'evaluate/not-a-sheet')] };
}

type Table = ReturnType<typeof parseCsv>;

function parseUnitSheet(table: Table, path: string, coder: string): { sheet?: Sheet; diagnostics: Diagnostic[] } {
  const diagnostics = [...table.diagnostics, ...requireColumns(table, ['unit_id', 'text_sha256'], path, 'evaluate')];
  const fixed = new Set([...SHEET_LEAD_COLUMNS, ...SHEET_TAIL_COLUMNS]);
  const frames = table.header.filter((h) => !fixed.has(h) && table.header.includes(`${h}_use`));
  if (frames.length === 0) diagnostics.push(diag(path, 1, 'error', 'no frame columns: expected pairs of columns `<frame>` and `<frame>_use` as `qantar sheet` writes them', 'evaluate/no-frames'));
  if (diagnostics.some((d) => d.severity === 'error' && d.line === 1)) return { diagnostics };
  const sheet: UnitSheet = { kind: 'units', path, coder, frames, units: new Map(), uncoded: [] };
  for (const { line, values } of table.records) {
    const err = (message: string, rule: string) => diagnostics.push(diag(path, line, 'error', message, rule));
    const id = parseUnitId(values.unit_id);
    if (!id) {
      err(`unit_id \`${values.unit_id}\` is not a unit id; expected doc_id:sentence:hash as \`qantar sheet\` writes it`, 'evaluate/unknown-unit');
      continue;
    }
    const first = sheet.units.get(values.unit_id.trim());
    if (first) {
      err(`unit \`${values.unit_id.trim()}\` is coded twice in this sheet (also at line ${first.line}); expected each unit once`, 'evaluate/duplicate-unit');
      continue;
    }
    const codes = new Map<string, boolean | undefined>();
    const uses = new Map<string, Use | undefined>();
    const blanks: string[] = [];
    let ok = true;
    for (const f of frames) {
      const cell = parseFrameCell(values[f]);
      const use = parseUseCell(values[`${f}_use`]);
      if (!cell.ok) err(`\`${values[f].trim()}\` in column \`${f}\` is not a code; expected ${FRAME_CODES_HELP}`, 'evaluate/bad-code');
      if (!use.ok) err(`\`${values[`${f}_use`].trim()}\` in column \`${f}_use\` is not a use; expected ${USE_CODES_HELP}`, 'evaluate/bad-code');
      if (!cell.ok || !use.ok) {
        ok = false;
        continue;
      }
      if (use.value !== undefined && cell.value !== true) {
        err(`column \`${f}_use\` says \`${use.value}\` but column \`${f}\` does not mark the frame present; expected 1 in \`${f}\` or a blank use`, 'evaluate/use-without-frame');
        ok = false;
      }
      if (cell.blank) blanks.push(f);
      codes.set(f, cell.value);
      uses.set(f, use.value);
    }
    if (!ok) continue;
    if (blanks.length === frames.length) sheet.uncoded.push(line);
    else for (const f of blanks) codes.set(f, false);
    sheet.units.set(values.unit_id.trim(), { line, docId: id.docId, sentence: id.sentence, hash: id.hash, textHash: values.text_sha256.trim(), codes, uses });
  }
  return { sheet, diagnostics };
}

const KWIC_REQUIRED = ['hit_id', 'doc_id', 'start', 'end', 'match', 'frame', 'pattern', 'use', 'correct', 'text_sha256'];

function parseKwicSheet(table: Table, path: string, coder: string): { sheet?: Sheet; diagnostics: Diagnostic[] } {
  const diagnostics = [...table.diagnostics, ...requireColumns(table, KWIC_REQUIRED, path, 'evaluate')];
  if (diagnostics.some((d) => d.severity === 'error' && d.line === 1)) return { diagnostics };
  const sheet: KwicSheet = { kind: 'kwic', path, coder, judgements: [] };
  const seen = new Map<string, number>();
  for (const { line, values } of table.records) {
    const err = (message: string, rule: string) => diagnostics.push(diag(path, line, 'error', message, rule));
    const v = (k: string) => (values[k] ?? '').trim();
    const start = Number(v('start'));
    const end = Number(v('end'));
    if (!/^\d+$/.test(v('start')) || !/^\d+$/.test(v('end')) || end <= start) {
      err(`start \`${v('start')}\` and end \`${v('end')}\` are not character offsets; expected whole numbers with start < end as \`qantar kwic\` writes them`, 'evaluate/bad-offsets');
      continue;
    }
    const correct = parseCorrectCell(values.correct);
    const use = parseUseCell(values.correct_use ?? '');
    if (!correct.ok) err(`\`${v('correct')}\` in column \`correct\` is not a judgement; expected ${CORRECT_CODES_HELP}`, 'evaluate/bad-code');
    if (!use.ok) err(`\`${v('correct_use')}\` in column \`correct_use\` is not a use; expected ${USE_CODES_HELP}`, 'evaluate/bad-code');
    if (!correct.ok || !use.ok) continue;
    if (use.value !== undefined && correct.value !== true) {
      err(`column \`correct_use\` says \`${use.value}\` but \`correct\` is not yes; a use is judged only for a correct hit`, 'evaluate/use-without-frame');
      continue;
    }
    const key = `${v('hit_id')}\u0000${v('frame')}\u0000${v('pattern')}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      err(`hit \`${v('hit_id')}\` (${v('frame') || 'no frame'}, \`${v('pattern')}\`) is judged twice in this sheet (also at line ${prev}); expected each hit once`, 'evaluate/duplicate-unit');
      continue;
    }
    seen.set(key, line);
    sheet.judgements.push({ line, key, hitId: v('hit_id'), docId: v('doc_id'), start, end, match: values.match, frame: v('frame'), pattern: v('pattern'),
      use: v('use'), textHash: v('text_sha256'), correct: correct.value, correctUse: use.value });
  }
  return { sheet, diagnostics };
}
