// Lint checks (pure): lexicon-only checks (thin frames, frames without patterns for a corpus language,
// words already covered by a glob of the same frame) and corpus checks from pattern usage (dead
// patterns, patterns always shadowed, globs matching many unrelated word types). Each → a Diagnostic.
import { diag } from '../../lib/diagnostics.ts';
import type { Diagnostic, Lang, Lexicon, PatternEntry } from '../../lib/types.ts';
import { globMatch, isGlob } from '../../tag/glob.ts';
import { stemOf } from '../shared/lang.ts';
import type { PatternUsage } from './usage.ts';

const covers = (e: PatternEntry, lang: Lang) => e.lang === '' || e.lang === lang;
const where = (a: PatternEntry, b: PatternEntry) => (a.file === b.file ? `line ${a.line}` : `${a.file}:${a.line}`);

export function thinFrames(lex: Lexicon, framesPath: string, min: number): Diagnostic[] {
  return lex.frames.flatMap((f) => {
    const n = lex.patterns.filter((p) => p.frame === f.frame).length;
    return n >= min ? [] : [diag(framesPath, f.line, 'warning', `frame \`${f.frame}\` has ${n === 0 ? 'no patterns' : `only ${n} pattern${n === 1 ? '' : 's'}`} (fewer than ${min}); its counts rest on very few words`, 'lint/thin-frame')];
  });
}

/** Per frame, the corpus languages it has no pattern for: it would count zero in those documents. */
export function frameLanguageGaps(lex: Lexicon, framesPath: string, docsByLang: ReadonlyMap<Lang, number>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of lex.frames) {
    const missing = [...docsByLang.keys()].sort().filter((l) => !lex.patterns.some((p) => p.frame === f.frame && covers(p, l)));
    if (missing.length === 0) continue;
    const what = missing.map((l) => `\`${l}\` (${docsByLang.get(l)} document${docsByLang.get(l) === 1 ? '' : 's'})`).join(', ');
    out.push(diag(framesPath, f.frame ? f.line : undefined, 'warning', `frame \`${f.frame}\` has no patterns for ${what} in the corpus; it counts zero there`, 'lint/frame-missing-lang'));
  }
  return out;
}

/** A single word already matched by a glob of the same frame adds nothing to the counts. */
export function redundantWords(lex: Lexicon): Diagnostic[] {
  const globs = lex.patterns.filter((p) => p.words.length === 1 && isGlob(p.words[0]));
  const out: Diagnostic[] = [];
  for (const p of lex.patterns) {
    if (p.words.length !== 1 || isGlob(p.words[0])) continue;
    const g = globs.find((g) => g.frame === p.frame && (g.lang === '' || g.lang === p.lang) && globMatch(g.words[0], p.words[0]));
    if (g) out.push(diag(p.file, p.line, 'warning', `\`${p.pattern}\` is already matched by \`${g.pattern}\` (${where(g, p)}) in the same ${p.frame === '-' ? 'exclusion list' : `frame \`${p.frame}\``}; it adds nothing to the counts`, 'lint/redundant'));
  }
  return out;
}

function patternName(e: PatternEntry): string {
  return e.frame === '-' ? `exclusion \`${e.pattern}\`` : `\`${e.pattern}\` (${e.frame})`;
}

export function deadPatterns(lex: Lexicon, usage: readonly PatternUsage[], corpusLangs: ReadonlySet<Lang>): Diagnostic[] {
  return lex.patterns.flatMap((p) => {
    const langs = [...corpusLangs].filter((l) => covers(p, l)).sort();
    if (langs.length === 0 || usage[p.id].potential > 0) return [];
    return [diag(p.file, p.line, 'warning', `${patternName(p)} matches nothing in the corpus (${langs.join(', ')} documents); check the spelling, or keep it knowingly for other texts`, 'lint/dead')];
  });
}

export function shadowedPatterns(lex: Lexicon, usage: readonly PatternUsage[]): Diagnostic[] {
  return lex.patterns.flatMap((p) => {
    const u = usage[p.id];
    if (u.potential === 0 || u.wins > 0) return [];
    const takers = [...u.takenBy.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const list = takers.slice(0, 3).map(([id, n]) => `${patternName(lex.patterns[id])} at ${where(lex.patterns[id], p)} ×${n}`).join(', ');
    return [diag(p.file, p.line, 'warning', `${patternName(p)} matches ${u.potential} time${u.potential === 1 ? '' : 's'} in the corpus but never counts: every match goes to a longer or preferred pattern — ${list}${takers.length > 3 ? `, and ${takers.length - 3} more` : ''}`, 'lint/shadowed')];
  });
}

/** Globs whose matches fall into `min` or more stem groups: likely unrelated words (`gas*` → gasoline, gaslighting). */
export function broadGlobs(lex: Lexicon, usage: readonly PatternUsage[], min: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of lex.patterns) {
    if (!p.words.some(isGlob)) continue;
    const stems = new Set<string>();
    // `terrorism-related` belongs with `terror`: a hyphenated form is grouped by its first part.
    for (const [form, { lang }] of usage[p.id].types) if (lang !== 'kk') stems.add(form.split(' ').map((w) => stemOf(w.split('-')[0] || w, lang)).join(' '));
    if (stems.size < min) continue;
    const types = [...usage[p.id].types.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
    const shown = types.slice(0, 20).map(([t, { count }]) => `${t} (${count})`).join(', ');
    out.push(diag(p.file, p.line, 'warning', `glob ${patternName(p)} matches ${types.length} word types with ${stems.size} different stems — check they all belong: ${shown}${types.length > 20 ? `, and ${types.length - 20} more` : ''}`, 'lint/broad-glob'));
  }
  return out;
}
