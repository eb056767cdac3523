// Stance: how a text uses each frame hit (asserted, reported, quoted, negated, hedged), with the cue that
// decided it and, where named, the speaker; and securitizing moves. Reads the cue lists in
// lexicons/cues/*.csv; the rules are written down in docs/stance.md.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, StanceInfo, TokenizedDocument } from '../lib/types.ts';
import { displayPath } from '../ingest/read.ts';
import { readTextFile } from '../lexicon/read.ts';
import { annotateSpan, createDocStance } from './annotate.ts';
import { parseCues, validateCues, type CueEntry } from './cues.ts';
import { matchCues, type CueLexicon, type CueMatch } from './match.ts';
import { createView } from './view.ts';

export { cueMatchesOnce, type CueLexicon, type CueMatch } from './match.ts';
export type { CueEntry, CueKind } from './cues.ts';
export { findMoves, type Move } from './moves.ts';

export interface SpanRef {
  tokenStart: number;
  tokenEnd: number;
}

/** `cueMatches`: the document's cue matches when the caller has them already (matchCues), else found here. */
export type StanceAnnotator = (doc: TokenizedDocument, text: string, spans: readonly SpanRef[], cueMatches?: readonly CueMatch[]) => StanceInfo[];

/**
 * Read every .csv in the cue folder (sorted). A missing folder is allowed: with no cues, every hit is
 * asserted unless it is inside quotation marks.
 */
export function readCues(dir: string): { cues: CueLexicon; diagnostics: Diagnostic[]; hashes: Record<string, string> } {
  const diagnostics: Diagnostic[] = [];
  const hashes: Record<string, string> = {};
  const cues: CueLexicon = { files: [], entries: [] };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { cues, diagnostics, hashes };
  const names = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv') && !f.startsWith('.') && statSync(join(dir, f)).isFile()).sort();
  const entries: CueEntry[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const shown = displayPath(path);
    const text = readTextFile(path, diagnostics, hashes, 'cues');
    if (text === undefined) continue;
    const parsed = parseCues(text, shown, entries.length);
    diagnostics.push(...parsed.diagnostics);
    entries.push(...parsed.entries);
    cues.files.push(shown);
  }
  diagnostics.push(...validateCues(entries));
  cues.entries = entries;
  return { cues, diagnostics, hashes };
}

export function createStanceAnnotator(cues: CueLexicon): StanceAnnotator {
  return (doc, text, spans, cueMatches) => {
    if (spans.length === 0) return [];
    const view = createView(doc, text, cueMatches ?? matchCues(doc, cues), spans);
    const stance = createDocStance(view);
    return spans.map((s) => annotateSpan(view, stance, s.tokenStart, s.tokenEnd));
  };
}
