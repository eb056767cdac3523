// Between a dictionary and qantar's lexicon files (pure). Import: categories → frames.csv rows, entries
// → pattern rows, with --only to pick categories and a rule for words in several categories (a qantar
// pattern belongs to one frame). Export: the lexicon's frames and patterns → categories and entries.
import { formatCsv } from '../../lib/csv.ts';
import { diag, UsageError } from '../../lib/diagnostics.ts';
import { normalizeForm } from '../../lib/normalize.ts';
import type { Diagnostic, Family, Lang, Lexicon } from '../../lib/types.ts';
import { checkPatternWord } from '../../lexicon/parse.ts';
import { frameIds, type Dictionary } from './model.ts';

export interface ImportOptions {
  family: Family;
  lang: Lang | '';
  only?: string[];
  overlap: 'first' | 'error';
  source: string;
}

export interface LexiconFiles {
  framesCsv: string;
  patternsCsv: string;
  frames: number;
  patterns: number;
}

function pick(dict: Dictionary, only: string[] | undefined): Set<number> {
  if (!only) return new Set(dict.categories.keys());
  const ids = frameIds(dict.categories);
  const chosen = new Set<number>();
  for (const o of only) {
    const k = dict.categories.findIndex((c, i) => c.name === o || ids[i] === o);
    if (k < 0) throw new UsageError(`--only: no category \`${o}\`; the dictionary has: ${dict.categories.map((c) => c.name).join(', ')}`);
    chosen.add(k);
  }
  return chosen;
}

/** Entries kept (one category per pattern), with warnings for unmatchable words and overlaps. */
function keptEntries(dict: Dictionary, chosen: Set<number>, o: ImportOptions, path: string, diagnostics: Diagnostic[]) {
  const firstCategory = new Map<string, { category: number; line: number }>();
  const overlaps: string[] = [];
  const kept: { category: number; pattern: string; line: number }[] = [];
  for (const e of dict.entries) {
    if (!chosen.has(e.category)) continue;
    const words = e.pattern.split(/\s+/u).map((w) => normalizeForm(w, o.lang === '' ? 'en' : o.lang));
    const bad = words.map(checkPatternWord).find((m) => m !== undefined);
    if (bad) {
      diagnostics.push(diag(path, e.line, 'warning', `entry \`${e.pattern}\` is skipped: ${bad}`, 'import/unmatchable'));
      continue;
    }
    const key = words.join(' ');
    const prev = firstCategory.get(key);
    if (!prev) {
      firstCategory.set(key, { category: e.category, line: e.line });
      kept.push(e);
    } else if (prev.category !== e.category) {
      overlaps.push(`\`${e.pattern}\` (line ${e.line}: ${dict.categories[e.category].name}; kept in ${dict.categories[prev.category].name}, line ${prev.line})`);
      if (o.overlap === 'error') diagnostics.push(diag(path, e.line, 'error', `\`${e.pattern}\` is in category \`${dict.categories[e.category].name}\` and in \`${dict.categories[prev.category].name}\` (line ${prev.line}); a qantar pattern belongs to one frame — choose categories with --only, or --overlap first`, 'import/overlap'));
    }
  }
  if (o.overlap === 'first' && overlaps.length) {
    diagnostics.push(diag(path, undefined, 'warning', `${overlaps.length} entr${overlaps.length === 1 ? 'y is' : 'ies are'} in more than one category; each was kept in its first category only (a qantar pattern belongs to one frame): ${overlaps.slice(0, 10).join('; ')}${overlaps.length > 10 ? '; …' : ''}`, 'import/overlap'));
  }
  return kept;
}

export function dictionaryToLexicon(dict: Dictionary, o: ImportOptions, path: string): { files: LexiconFiles; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const chosen = pick(dict, o.only);
  const ids = frameIds(dict.categories);
  const kept = keptEntries(dict, chosen, o, path, diagnostics);
  const frames = dict.categories.map((c, i) => ({ c, i })).filter(({ i }) => chosen.has(i) && ids[i] !== '-');
  const framesCsv = formatCsv(['frame', 'family', 'label', 'description'], frames.map(({ c, i }) => [ids[i], c.family ?? o.family, c.name, `imported from ${o.source}:${c.line}`]));
  const patternsCsv = formatCsv(['frame', 'pattern', 'lang', 'note'], kept.map((e) => [ids[e.category], e.pattern, o.lang, `${o.source}:${e.line}`]));
  return { files: { framesCsv, patternsCsv, frames: frames.length, patterns: kept.length }, diagnostics };
}

export interface ExportFrame {
  frame: string;
  family: Family;
  patterns: string[];
}

/** The lexicon's frames (in frames.csv order) with their patterns, each pattern once; exclusions last as `-`. */
export function lexiconToFrames(lex: Lexicon, o: { lang?: Lang; exclusions: boolean }): ExportFrame[] {
  const keep = (l: Lang | '') => o.lang === undefined || l === '' || l === o.lang;
  const out: ExportFrame[] = lex.frames.map((f) => ({ frame: f.frame, family: f.family, patterns: [] }));
  const byId = new Map(out.map((f) => [f.frame, f]));
  const ex: ExportFrame = { frame: '-', family: 'other', patterns: [] };
  for (const p of lex.patterns) {
    if (!keep(p.lang)) continue;
    const target = p.frame === '-' ? (o.exclusions ? ex : undefined) : byId.get(p.frame);
    if (target && !target.patterns.includes(p.pattern)) target.patterns.push(p.pattern);
  }
  return ex.patterns.length ? [...out, ex] : out;
}
