// A small inline frame lexicon and the shipped cue lists, for the stance and moves tests: they do not move
// when the shipped frame lexicon is edited.
import { formatDiagnostic } from '../../pipeline/lib/diagnostics.ts';
import type { Frame, FrameHit, Lang, Lexicon } from '../../pipeline/lib/types.ts';
import { parsePatterns } from '../../pipeline/lexicon/parse.ts';
import { createStanceAnnotator, readCues } from '../../pipeline/stance/index.ts';
import { createTagger } from '../../pipeline/tag/tagger.ts';
import { tokenizeDocument } from '../../pipeline/tokenize/index.ts';

const FRAMES: [string, Frame['family']][] = [['terrorism', 'securitizing'], ['foreign_interference', 'securitizing'],
  ['colour_revolution', 'securitizing'], ['economic_grievance', 'grievance'], ['security_response', 'other'], ['csto_sovereignty', 'other']];

const PATTERNS = `frame,pattern,lang,note
terrorism,terrorist*,en,
terrorism,bandits,en,
terrorism,militants,en,
foreign_interference,foreign fighters,en,
foreign_interference,from abroad,en,
colour_revolution,colour revolution,en,
colour_revolution,maidan,en,
economic_grievance,gas prices,en,
security_response,troops,en,
security_response,shoot without warning,en,
security_response,constitutional order,en,
csto_sovereignty,csto,,
security_response,restore constitutional order,en,
terrorism,террорист*,ru,
terrorism,бандит*,ru,
foreign_interference,иностранн* наемник*,ru,
colour_revolution,цветн* революци*,ru,
economic_grievance,цен* на газ,ru,
security_response,войск*,ru,
csto_sovereignty,одкб,ru,
`;

/** A lexicon built inline, so these tests do not move when the shipped frame lexicon is edited. */
export function inlineLexicon(): Lexicon {
  const frames: Frame[] = FRAMES.map(([frame, family], i) => ({ frame, family, label: frame, description: '', line: i + 2 }));
  const parsed = parsePatterns(PATTERNS, 'inline.csv', new Set(frames.map((f) => f.frame)), 0);
  if (parsed.diagnostics.length) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
  return { frames, frameById: new Map(frames.map((f) => [f.frame, f])), patterns: parsed.entries, files: ['inline.csv'] };
}

export const cues = readCues('lexicons/cues');
const tag = createTagger(inlineLexicon(), createStanceAnnotator(cues.cues));

export function hitsOf(text: string, lang: Lang = 'en'): FrameHit[] {
  return tag(tokenizeDocument(text, { docId: 'd', lang, textHash: 'h' }), text);
}


/** Tag a tokenized document with the inline lexicon and the shipped cues. */
export function tagDocument(doc: ReturnType<typeof tokenizeDocument>, text: string): FrameHit[] {
  return tag(doc, text);
}
