// Stance: how a text uses each frame hit (asserted, reported, quoted, negated, hedged), with the cue that
// decided it and, where named, the speaker. Also finds securitizing moves. Cue lists: lexicons/cues/.
import type { Diagnostic, FrameHit, StanceInfo, TokenizedDocument } from '../lib/types.ts';

export interface CueLexicon {
  files: string[];
}

export interface SpanRef {
  tokenStart: number;
  tokenEnd: number;
}

export type StanceAnnotator = (doc: TokenizedDocument, text: string, spans: readonly SpanRef[]) => StanceInfo[];

export interface Move {
  docId: string;
  sentence: number;
  threat: FrameHit;
  referent: { text: string; start: number; end: number };
  measure: FrameHit;
}

export function readCues(_dir: string): { cues: CueLexicon; diagnostics: Diagnostic[]; hashes: Record<string, string> } {
  return { cues: { files: [] }, diagnostics: [], hashes: {} };
}

export function createStanceAnnotator(_cues: CueLexicon): StanceAnnotator {
  return (_doc, _text, spans) => spans.map(() => ({ use: 'asserted', reported: false, quoted: false, negated: false, hedged: false, cue: '', cueStart: -1, speaker: '' }));
}

export function findMoves(_doc: TokenizedDocument, _text: string, _hits: readonly FrameHit[], _cues: CueLexicon): Move[] {
  return [];
}
