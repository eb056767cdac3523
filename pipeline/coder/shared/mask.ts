// Which tokens the live lexicon claims: per token, the frame of the match covering it (`-` for an
// exclusion) or undefined. Suggest leaves claimed tokens out of its candidates; keyness names the frame.
import type { Lang, Lexicon, TokenizedDocument } from '../../lib/types.ts';
import { compileLexicon, type CompiledLexicon } from '../../tag/compile.ts';
import { matchDocument } from '../../tag/match.ts';

export type Claims = (string | undefined)[];

export function createClaims(lexicon: Lexicon): (doc: TokenizedDocument) => Claims {
  const compiled = new Map<Lang, CompiledLexicon>();
  return (doc) => {
    let lex = compiled.get(doc.lang);
    if (!lex) compiled.set(doc.lang, (lex = compileLexicon(lexicon.patterns, doc.lang)));
    const claims: Claims = new Array(doc.types.length).fill(undefined);
    for (const m of matchDocument(doc, lex)) claims.fill(m.end.entry.frame, m.tokenStart, m.tokenEnd);
    return claims;
  };
}
