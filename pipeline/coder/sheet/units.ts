// Coding units: sentences. A unit id names the document, the sentence number and a short hash of the
// sentence text (`bbc-20220104:12:3fa92c01`), so a sheet can be checked against the corpus later: an
// edited text or a changed sentence split no longer matches.
import { sha256 } from '../../lib/io.ts';
import { TokenKind, type TokenizedDocument } from '../../lib/types.ts';
import { sentenceSpan, sentenceTokens } from '../shared/text.ts';

export interface Unit {
  unitId: string;
  docId: string;
  /** 1-based. */
  sentence: number;
  text: string;
}

export function unitId(docId: string, sentence: number, sentenceText: string): string {
  return `${docId}:${sentence}:${sha256(sentenceText).slice(0, 8)}`;
}

/** `doc:12:abcd1234` → parts; undefined when it is not shaped like a unit id. */
export function parseUnitId(id: string): { docId: string; sentence: number; hash: string } | undefined {
  const m = /^([A-Za-z0-9._-]+):([1-9][0-9]*):([0-9a-f]{8})$/.exec(id.trim());
  return m ? { docId: m[1], sentence: Number(m[2]), hash: m[3] } : undefined;
}

function hasWord(doc: TokenizedDocument, s: number): boolean {
  const { first, last } = sentenceTokens(doc, s);
  for (let i = first; i < last; i++) if (doc.kinds[i] === TokenKind.Word) return true;
  return false;
}

/** Every sentence with at least one word, as a unit. */
export function documentUnits(doc: TokenizedDocument, text: string): Unit[] {
  const out: Unit[] = [];
  for (let s = 0; s < doc.sentenceEnds.length; s++) {
    if (!hasWord(doc, s)) continue;
    const span = sentenceSpan(doc, s);
    const t = text.slice(span.start, span.end);
    out.push({ unitId: unitId(doc.docId, s + 1, t), docId: doc.docId, sentence: s + 1, text: t });
  }
  return out;
}

/** The text of 1-based sentence n, or undefined when the document has no such sentence. */
export function sentenceText(doc: TokenizedDocument, text: string, n: number): string | undefined {
  if (n < 1 || n > doc.sentenceEnds.length) return undefined;
  const span = sentenceSpan(doc, n - 1);
  return text.slice(span.start, span.end);
}
