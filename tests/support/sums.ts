// The counts always sum: a check of a finished out/ folder, shared by the vitest suite and
// scripts/props.ts. hits.csv rows → counts_by_doc → counts_by_group → comparison → manifest, each
// recounted from the level below; no NaN or Infinity anywhere.
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyseGroups, COMPARISON_COLUMNS, comparisonRows, COUNTS_BY_DOC_COLUMNS, COUNTS_BY_GROUP_COLUMNS, countsByDocRows, countsByDocText, countsByGroupRows } from '../../pipeline/count/tables.ts';
import { storeOf, type DocTally } from '../../pipeline/count/tally.ts';
import { formatCsv, formatCsvHeader, parseCsv, type Cell } from '../../pipeline/lib/csv.ts';
import { USES, type Frame } from '../../pipeline/lib/types.ts';

function table(out: string, name: string): Record<string, string>[] {
  const t = parseCsv(readFileSync(join(out, name), 'utf8'), name, 'test');
  deepStrictEqual(t.diagnostics, [], `${name} does not parse`);
  return t.records.map((r) => r.values);
}

function add(m: Map<string, number>, k: string, n: number): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

/** Throws (node:assert) when any table of `out` does not sum from the one below it. */
export function checkCountsSum(out: string, comparisonUses = ['asserted']): void {
  for (const f of readdirSync(out).filter((f) => f.endsWith('.csv'))) ok(!/NaN|Infinity/.test(readFileSync(join(out, f), 'utf8')), `${f} holds NaN or Infinity`);
  const docs = table(out, 'documents.csv');
  const hits = table(out, 'hits.csv');
  const byDoc = table(out, 'counts_by_doc.csv');
  const byGroup = table(out, 'counts_by_group.csv');
  const comparison = table(out, 'comparison.csv');
  const hitCount = new Map<string, number>();
  for (const h of hits) add(hitCount, `${h.doc_id}|${h.frame}|${h.use}`, 1);
  const words = new Map(docs.map((d) => [d.doc_id, Number(d.words)]));
  const group = new Map<string, string>();
  const sums = new Map<string, number>();
  const allOf = new Map<string, number>();
  for (const r of byDoc) {
    const n = Number(r.hits);
    strictEqual(Number(r.words), words.get(r.doc_id), `words of ${r.doc_id}`);
    group.set(r.doc_id, r.group);
    if (r.use === 'all') allOf.set(`${r.doc_id}|${r.frame}`, n);
    else {
      strictEqual(n, hitCount.get(`${r.doc_id}|${r.frame}|${r.use}`) ?? 0, `hits of ${r.doc_id} ${r.frame} ${r.use}`);
      add(sums, `${r.doc_id}|${r.frame}`, n);
    }
  }
  for (const [k, n] of allOf) strictEqual(n, sums.get(k) ?? 0, `'all' of ${k}`);
  strictEqual([...hitCount.values()].reduce((a, b) => a + b, 0), byDoc.filter((r) => r.use !== 'all').reduce((a, r) => a + Number(r.hits), 0), 'every hit counted once');
  const expected = new Map<string, { hits: number; words: number; docs: number; withHit: number }>();
  for (const r of byDoc) {
    const k = `${r.group}|${r.frame}|${r.use}`;
    const e = expected.get(k) ?? { hits: 0, words: 0, docs: 0, withHit: 0 };
    expected.set(k, { hits: e.hits + Number(r.hits), words: e.words + Number(r.words), docs: e.docs + 1, withHit: e.withHit + (Number(r.hits) > 0 ? 1 : 0) });
  }
  strictEqual(byGroup.length, expected.size, 'one counts_by_group row per group × frame × use');
  for (const r of byGroup) {
    const e = expected.get(`${r.group}|${r.frame}|${r.use}`);
    deepStrictEqual({ hits: Number(r.hits), words: Number(r.words), docs: Number(r.docs), withHit: Number(r.docs_with_hit) }, e, `counts_by_group ${r.group} ${r.frame} ${r.use}`);
  }
  const family = new Map<string, number>();
  for (const r of byGroup) if (comparisonUses.includes(r.use)) add(family, `${r.group}|${r.family}`, Number(r.hits));
  for (const c of comparison) {
    strictEqual(Number(c.securitizing_hits), family.get(`${c.group}|securitizing`) ?? 0, `securitizing hits of ${c.group}`);
    strictEqual(Number(c.grievance_hits), family.get(`${c.group}|grievance`) ?? 0, `grievance hits of ${c.group}`);
    strictEqual(Number(c.docs), [...group.values()].filter((g) => g === c.group).length, `docs of ${c.group}`);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { counts: { hits: number; documents: number; words: number } };
  strictEqual(manifest.counts.hits, hits.length, 'manifest hits = rows of hits.csv');
  strictEqual(manifest.counts.documents, docs.length, 'manifest documents = rows of documents.csv');
  strictEqual(manifest.counts.words, [...words.values()].reduce((a, b) => a + b, 0), 'manifest words = sum of document words');
}

const FRAMES: Frame[] = [
  { frame: 'terrorism', family: 'securitizing', label: '', description: '', line: 2 },
  { frame: 'foreign_interference', family: 'securitizing', label: '', description: '', line: 3 },
  { frame: 'economic_grievance', family: 'grievance', label: '', description: '', line: 4 },
  { frame: 'criminality', family: 'other', label: '', description: '', line: 5 },
];

const talliesArb = fc.array(fc.record({
  group: fc.constantFrom('g1', 'g2', 'Reuters, "wire"', '(missing)'),
  words: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })),
  counts: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9 }) }), { minLength: FRAMES.length * USES.length, maxLength: FRAMES.length * USES.length }),
}), { minLength: 1, maxLength: 12 }).map((docs) => docs.map((d, i): DocTally => ({ docId: `d${i}`, group: d.group, lang: 'en', words: d.words, counts: Int32Array.from(d.counts), moves: 0 })));

/** The count tables of random per-document tallies sum, checked by checkCountsSum on files written to `dir`. */
export function tallySums(dir: string) {
  return fc.property(talliesArb, (tallies) => {
    const o = { frames: FRAMES, comparisonUses: [0], seed: 1, reps: 5, permutations: 5 };
    const store = storeOf(tallies, FRAMES.length);
    const results = analyseGroups(store, o);
    const hits: Cell[][] = [];
    for (const t of tallies) FRAMES.forEach((f, fi) => USES.forEach((u, ui) => {
      for (let k = 0; k < t.counts[fi * USES.length + ui]; k++) hits.push([t.docId, f.frame, u]);
    }));
    writeFileSync(join(dir, 'documents.csv'), formatCsv(['doc_id', 'words'], tallies.map((t) => [t.docId, t.words])));
    writeFileSync(join(dir, 'hits.csv'), formatCsv(['doc_id', 'frame', 'use'], hits));
    const byDoc = formatCsv(COUNTS_BY_DOC_COLUMNS, countsByDocRows(store, FRAMES));
    // The table as the count stage writes it (without a cell array per row) must be the same bytes.
    if (formatCsvHeader(COUNTS_BY_DOC_COLUMNS) + countsByDocText(store, FRAMES) !== byDoc) throw new Error('countsByDocText differs from the formatted rows');
    writeFileSync(join(dir, 'counts_by_doc.csv'), byDoc);
    writeFileSync(join(dir, 'counts_by_group.csv'), formatCsv(COUNTS_BY_GROUP_COLUMNS, countsByGroupRows(results, FRAMES)));
    writeFileSync(join(dir, 'comparison.csv'), formatCsv(COMPARISON_COLUMNS, comparisonRows(store, results, o, 'asserted')));
    const words = tallies.reduce((n, t) => n + t.words, 0);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ counts: { hits: hits.length, documents: tallies.length, words } }));
    checkCountsSum(dir);
  });
}

const WORDS = ['Terrorists', 'terror', 'bandits', 'foreign-trained', 'from abroad', 'fuel prices', 'gas prices', 'gas station', 'curfew', 'corruption',
  'террористы', 'цены', 'the', 'and', 'protest', '.', ',', '\n\n', '«', '»', '2022', 'so-called'];

/** A random small corpus (texts from lexicon words, filler and punctuation) as files for writeCase. */
export const corpusArb = fc.array(fc.record({
  group: fc.constantFrom('official', 'media', 'ngo'),
  lang: fc.constantFrom('en', 'en', 'ru'),
  text: fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((w) => w.join(' ')),
}), { minLength: 1, maxLength: 8 }).map((docs) => {
  const files: Record<string, string | null> = { 'corpus/texts/a.txt': null, 'corpus/texts/b.txt': null, 'corpus/texts/c.txt': null };
  files['corpus/metadata.csv'] = `doc_id,source,source_type,lang\n${docs.map((d, i) => `r${i},S${i},${d.group},${d.lang}`).join('\n')}\n`;
  docs.forEach((d, i) => { files[`corpus/texts/r${i}.txt`] = d.text; });
  return files;
});
