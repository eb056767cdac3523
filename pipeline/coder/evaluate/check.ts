// Check filled sheets against the corpus as it is now, and read the live lexicon's verdict for each coded
// sentence. A sheet whose document text changed (sha256), whose unit no longer names the same sentence,
// or whose KWIC offsets no longer hold the matched words, is refused: its codes may not fit the text.
import type { Context } from '../../lib/context.ts';
import { diag } from '../../lib/diagnostics.ts';
import type { Diagnostic, FrameHit, Use } from '../../lib/types.ts';
import type { Inputs } from '../../inputs.ts';
import { sha256 } from '../../lib/io.ts';
import { hitsBySentence, tagDocuments } from '../shared/corpus.ts';
import { oneLine } from '../shared/text.ts';
import { sentenceText } from '../sheet/units.ts';
import type { Judgement, Sheet, UnitCodes } from './read-sheets.ts';

/** What the lexicon finds in one sentence: frames with a hit, and the use of each frame's first hit. */
export interface LexiconVerdict {
  frames: Set<string>;
  firstUse: Map<string, Use>;
}

interface Problem {
  path: string;
  line: number;
  docId: string;
  rule: string;
  message: string;
}

/** One diagnostic per sheet × document × rule, so a changed text does not print a line per row. */
function collapse(problems: Problem[]): Diagnostic[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const k = `${p.path}\u0000${p.docId}\u0000${p.rule}`;
    const l = groups.get(k);
    if (l) l.push(p);
    else groups.set(k, [p]);
  }
  return [...groups.values()].map((ps) => {
    const more = ps.length > 1 ? ` (and ${ps.length - 1} more row${ps.length > 2 ? 's' : ''} of this document)` : '';
    return diag(ps[0].path, ps[0].line, 'error', `${ps[0].message}${more}`, ps[0].rule);
  });
}

export function verdict(hits: readonly FrameHit[]): LexiconVerdict {
  const firstUse = new Map<string, Use>();
  for (const h of hits) if (!firstUse.has(h.frame)) firstUse.set(h.frame, h.use);
  return { frames: new Set(hits.map((h) => h.frame)), firstUse };
}

export async function checkSheets(ctx: Context, inputs: Inputs, sheets: readonly Sheet[]): Promise<{ diagnostics: Diagnostic[]; verdicts: Map<string, LexiconVerdict> }> {
  const entries = new Map(inputs.corpus.entries.map((e) => [e.meta.docId, e]));
  const problems: Problem[] = [];
  const needed = new Set<string>();
  const checkDoc = (path: string, line: number, docId: string, textHash: string, what: string): boolean => {
    const entry = entries.get(docId);
    if (!entry) {
      problems.push({ path, line, docId, rule: 'evaluate/unknown-unit', message: `${what} names document \`${docId}\`, which is not in the corpus \`${inputs.corpus.path}\`` });
      return false;
    }
    if (entry.textHash !== textHash) {
      problems.push({ path, line, docId, rule: 'evaluate/stale-sheet', message: `the text of document \`${docId}\` has changed since this sheet was made (text_sha256 ${textHash.slice(0, 12)}… ≠ ${entry.textHash.slice(0, 12)}… now); its codes may no longer fit the text — restore the text or code a new sheet` });
      return false;
    }
    needed.add(docId);
    return true;
  };
  for (const s of sheets) {
    if (s.kind === 'units') for (const [id, u] of s.units) checkDoc(s.path, u.line, u.docId, u.textHash, `unit \`${id}\``);
    else for (const j of s.judgements) checkDoc(s.path, j.line, j.docId, j.textHash, `hit \`${j.hitId}\``);
  }
  const unitsOf = new Map<string, { path: string; id: string; u: UnitCodes }[]>();
  const judgementsOf = new Map<string, { path: string; j: Judgement }[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const s of sheets) {
    if (s.kind === 'units') for (const [id, u] of s.units) push(unitsOf, u.docId, { path: s.path, id, u });
    else for (const j of s.judgements) push(judgementsOf, j.docId, { path: s.path, j });
  }
  const verdicts = new Map<string, LexiconVerdict>();
  for await (const { doc, tokens, hits } of tagDocuments(ctx, inputs, 'evaluate', { keep: (e) => needed.has(e.meta.docId) })) {
    const bySentence = hitsBySentence(hits);
    const docId = doc.meta.docId;
    for (const { path, id, u } of unitsOf.get(docId) ?? []) {
      const t = sentenceText(tokens, doc.text, u.sentence);
      if (t === undefined || sha256(t).slice(0, 8) !== u.hash) {
        problems.push({ path, line: u.line, docId, rule: 'evaluate/unknown-unit', message: `unit \`${id}\` does not match sentence ${u.sentence} of \`${docId}\` any more (the sentence split has changed); expected a unit id written by \`qantar sheet\` for this corpus` });
      } else {
        verdicts.set(id, verdict(bySentence.get(u.sentence - 1) ?? []));
      }
    }
    for (const { path, j } of judgementsOf.get(docId) ?? []) {
      const found = j.end <= doc.text.length ? oneLine(doc.text.slice(j.start, j.end)) : undefined;
      if (found !== oneLine(j.match)) {
        problems.push({ path, line: j.line, docId, rule: 'evaluate/stale-sheet', message: `hit \`${j.hitId}\`: the text at ${j.start}–${j.end} is ${found === undefined ? 'past the end of the document' : `\`${found}\``}, not \`${oneLine(j.match)}\`; expected the match column as \`qantar kwic\` wrote it` });
      }
    }
  }
  return { diagnostics: collapse(problems), verdicts };
}
