// Checks across all pattern files. Two patterns that match the same tokens in two frames are an error
// (one would silently win every tie); the same twice in one frame is a warning. "The same tokens" is
// judged per language as the matcher sees them: a pattern for every language meets those of each
// language, and Russian words are compared by stem (`террористы` and `террористов` match alike).
import { diag } from '../lib/diagnostics.ts';
import { normalizeForm, stemRu } from '../lib/normalize.ts';
import { LANGS, type Diagnostic, type Lang, type PatternEntry } from '../lib/types.ts';
import { isGlob } from '../tag/glob.ts';

/** The pattern as the matcher for `lang` compiles it (see tag/compile.ts). */
function matchKey(e: PatternEntry, lang: Lang): string {
  return e.words.map((w) => {
    const n = normalizeForm(w, lang);
    return isGlob(n) ? `glob:${n}` : lang === 'ru' ? `stem:${stemRu(n)}` : `word:${n}`;
  }).join(' ');
}

function where(first: PatternEntry, e: PatternEntry): string {
  return first.file === e.file ? `line ${first.line}` : `${first.file}:${first.line}`;
}

function conflict(first: PatternEntry, e: PatternEntry, lang: Lang): Diagnostic {
  const self = `pattern \`${e.pattern}\`${e.lang ? ` (${e.lang})` : ''}`;
  const at = where(first, e);
  const alike = `matches the same ${lang} words as \`${first.pattern}\``;
  const stemNote = lang === 'ru' ? ' (Russian words match by stem)' : '';
  if (first.frame !== e.frame) {
    const message = first.pattern === e.pattern
      ? `${self} is in frame \`${e.frame}\` here and in frame \`${first.frame}\` at ${at}; a pattern belongs to one frame`
      : `${self} in frame \`${e.frame}\` ${alike} in frame \`${first.frame}\` at ${at}${stemNote}; a pattern belongs to one frame`;
    return diag(e.file, e.line, 'error', message, 'lexicon/pattern-in-two-frames');
  }
  const message = first.pattern === e.pattern
    ? `duplicate ${self} (also at ${at})`
    : `${self} ${alike} at ${at}${stemNote}, in the same frame; one of them is enough`;
  return diag(e.file, e.line, 'warning', message, 'lexicon/duplicate-pattern');
}

export function validatePatterns(entries: readonly PatternEntry[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<number>();
  for (const lang of LANGS) {
    const first = new Map<string, PatternEntry>();
    for (const e of entries) {
      if (e.lang !== '' && e.lang !== lang) continue;
      const key = matchKey(e, lang);
      const prev = first.get(key);
      if (!prev) first.set(key, e);
      else if (!reported.has(e.id)) {
        reported.add(e.id);
        out.push(conflict(prev, e, lang));
      }
    }
  }
  return out;
}
