// The sentences every coder codes: drawn once, on the first start, exactly as `qantar sheet --sample N
// --seed S` draws them (same strata, same generator), or taken from a sheet `qantar sheet` wrote
// (--sheet). Written as <dir>/sample.csv (a blank coding sheet) and <dir>/sample.design.json; later
// starts read the sample back from sample.csv, so a lexicon edit never changes what coders code.
import { basename } from 'node:path';
import type { Context } from '../lib/context.ts';
import { diag, failOnErrors } from '../lib/diagnostics.ts';
import { writeFileAtomic } from '../lib/io.ts';
import type { Diagnostic } from '../lib/types.ts';
import { displayPath } from '../ingest/read.ts';
import type { UnitSheet } from '../coder/evaluate/read-sheets.ts';
import { compareDates, compareText } from '../coder/shared/text.ts';
import { formatDesign, formatSheet, type SheetRow } from '../coder/sheet/format.ts';
import { stratifiedSample, type Allocation } from '../coder/sheet/sample.ts';
import type { ReviewData } from './data.ts';

export interface SampleOptions {
  size: number;
  seed: number;
  by: string;
  allocation: Allocation;
}

function sortRows(rows: SheetRow[]): SheetRow[] {
  return rows.sort((a, b) => compareDates(a.date, b.date) || compareText(a.docId, b.docId) || a.sentence - b.sentence);
}

/** Draw the sample and write sample.csv and sample.design.json. */
export async function drawSample(ctx: Context, data: ReviewData, paths: { sample: string; design: string }, o: SampleOptions): Promise<SheetRow[]> {
  const drawn = stratifiedSample(data.strata, o.size, o.seed, o.allocation);
  const rows = sortRows(drawn.units);
  await writeFileAtomic(paths.sample, formatSheet(data.frames, rows));
  await writeFileAtomic(paths.design, formatDesign({
    qantar_sheet: 1, name: 'sample', seed: o.seed, sample: rows.length, coders: 1, by: o.by, allocation: o.allocation, unit: 'sentence',
    sheets: [basename(paths.sample)],
    corpus: { path: displayPath(data.inputs.corpus.path), metadata_sha256: data.inputs.corpus.metadataHash, documents: data.inputs.corpus.entries.length, sentences: data.sentences },
    lexicon: data.inputs.lexicon.hashes,
    strata: drawn.strata.map((s) => ({ group: s.group, lexicon_hit: s.hit, sentences: s.size, sampled: s.sampled })),
  }));
  return rows;
}

/** Copy the units of a sheet from `qantar sheet` (checked against the corpus already) as the sample. */
export async function adoptSheet(data: ReviewData, sheet: UnitSheet, samplePath: string): Promise<SheetRow[]> {
  const rows = sampleRows(data, sheet);
  await writeFileAtomic(samplePath, formatSheet(data.frames, rows));
  return rows;
}

/** The sample's rows in the sheet's order; a unit the corpus no longer has is an error. */
export function sampleRows(data: ReviewData, sheet: UnitSheet): SheetRow[] {
  const problems: Diagnostic[] = [];
  const rows: SheetRow[] = [];
  for (const [id, u] of sheet.units) {
    const row = data.units.get(id);
    if (row) rows.push(row);
    else problems.push(diag(sheet.path, u.line, 'error', `unit \`${id}\` is not a sentence of the corpus as it is now; expected a unit id written by \`qantar sheet\` for this corpus`, 'review/unknown-unit'));
  }
  failOnErrors(problems, false);
  return rows;
}
