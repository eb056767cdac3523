// Tag a string with an inline lexicon: the pure path (parse → tokenize → compile → match), no disk.
import { parsePatterns } from '../../pipeline/lexicon/parse.ts';
import type { Lang } from '../../pipeline/lib/types.ts';
import { compileLexicon } from '../../pipeline/tag/compile.ts';
import { matchDocument } from '../../pipeline/tag/match.ts';
import { tokenizeDocument } from '../../pipeline/tokenize/index.ts';

/** Rows `frame,pattern[,lang]` (one per line) → the matched spans as `text=frame`. */
export function tagInline(patternRows: string, text: string, lang: Lang = 'en'): string[] {
  const csv = `frame,pattern,lang,note\n${patternRows.trim().split('\n').map((r) => r + ','.repeat(4 - r.split(',').length)).join('\n')}\n`;
  const frames = new Set(['terrorism', 'foreign_interference', 'colour_revolution', 'economic_grievance', 'place', 'media', 'farewell', 'quality']);
  const { entries, diagnostics } = parsePatterns(csv, 'inline.csv', frames, 0);
  if (diagnostics.length) throw new Error(diagnostics.map((d) => d.message).join('; '));
  const doc = tokenizeDocument(text, { docId: 'd', lang, textHash: 'h' });
  const lex = compileLexicon(entries, lang);
  return matchDocument(doc, lex)
    .filter((m) => m.end.entry.frame !== '-')
    .map((m) => `${text.slice(doc.starts[m.tokenStart], doc.ends[m.tokenEnd - 1])}=${m.end.entry.frame}`);
}
