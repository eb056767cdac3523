// The values a coder may write in a sheet, and what they mean. Case and surrounding spaces are ignored.
//   frame columns:   1 yes y x true → present;  0 no n false → absent;  ? → unsure (missing);  blank → see below
//   <frame>_use:     asserted reported quoted negated hedged, or blank
//   correct (KWIC):  yes y 1 true → correct;  no n 0 false → false positive;  ? or blank → not judged
// In a unit sheet a row counts as coded when any frame cell is filled; its blank frame cells then mean
// absent. A row with every frame cell blank was not coded: each of its values is missing.
import { USES, type Use } from '../../lib/types.ts';

const YES = new Set(['1', 'yes', 'y', 'x', 'true']);
const NO = new Set(['0', 'no', 'n', 'false']);
const UNSURE = new Set(['?']);

export type Cell = { ok: true; value: boolean | undefined; blank: boolean } | { ok: false };

export function parseFrameCell(raw: string): Cell {
  const v = raw.trim().toLowerCase();
  if (v === '') return { ok: true, value: undefined, blank: true };
  if (YES.has(v)) return { ok: true, value: true, blank: false };
  if (NO.has(v)) return { ok: true, value: false, blank: false };
  if (UNSURE.has(v)) return { ok: true, value: undefined, blank: false };
  return { ok: false };
}

export function parseCorrectCell(raw: string): Cell {
  const v = raw.trim().toLowerCase();
  if (v === 'x') return { ok: false };
  return parseFrameCell(raw);
}

export function parseUseCell(raw: string): { ok: true; value: Use | undefined } | { ok: false } {
  const v = raw.trim().toLowerCase();
  if (v === '') return { ok: true, value: undefined };
  return (USES as readonly string[]).includes(v) ? { ok: true, value: v as Use } : { ok: false };
}

export const FRAME_CODES_HELP = '1 (present), 0 or blank (absent), or ? (unsure)';
export const CORRECT_CODES_HELP = 'yes, no, or blank / ? (not judged)';
export const USE_CODES_HELP = `${USES.join(', ')}, or blank`;
