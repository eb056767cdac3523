// The documents that drive the comparison: the highest securitizing and grievance rates, with their
// source, date and title. The ranking uses the per-document sums already read for the figures; titles
// are fetched in a second pass over documents.csv for just those documents, so no title is held for
// the rest of the corpus.
import { join } from 'node:path';
import { readCsvRows } from '../figures/csv-stream.ts';
import type { DocRow } from '../figures/tables.ts';

export interface TopDoc {
  doc: DocRow;
  hits: number;
  rate: number;
}

export interface DocMeta {
  source: string;
  title: string;
}

/** The `k` documents with the highest rate of a family (at least one hit); ties go to more words, then doc_id. */
export function topDocuments(docs: readonly DocRow[], family: 'securitizing' | 'grievance', k: number): TopDoc[] {
  return docs
    .map((doc) => {
      const hits = family === 'securitizing' ? doc.sec : doc.griev;
      return { doc, hits, rate: doc.words > 0 ? (1000 * hits) / doc.words : 0 };
    })
    .filter((d) => d.hits > 0)
    .sort((a, b) => b.rate - a.rate || b.doc.words - a.doc.words || (a.doc.docId < b.doc.docId ? -1 : a.doc.docId > b.doc.docId ? 1 : 0))
    .slice(0, k);
}

export async function readDocMeta(dir: string, ids: ReadonlySet<string>): Promise<Map<string, DocMeta>> {
  const out = new Map<string, DocMeta>();
  if (ids.size === 0) return out;
  await readCsvRows(join(dir, 'documents.csv'), ['doc_id'], ({ values: v }) => {
    if (ids.has(v.doc_id)) out.set(v.doc_id, { source: v.source ?? '', title: v.title ?? '' });
  }, 'qantar tag');
  return out;
}
