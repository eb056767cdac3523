// Cue lexicons for stance (lexicons/cues/*.csv): `kind,pattern,lang,scope,note` rows, parsed like the frame
// lexicons (same pattern syntax, same file:line diagnostics, all problems collected). Pure: text in,
// records and diagnostics out; readCues in index.ts does the disk.
import { checkPatternWord } from '../lexicon/parse.ts';
import { parseCsv, requireColumns } from '../lib/csv.ts';
import { diag } from '../lib/diagnostics.ts';
import { normalizeForm } from '../lib/normalize.ts';
import { LANGS, type Diagnostic, type Lang } from '../lib/types.ts';

/**
 * What a cue does, and the scopes it may take (the first is the default). See docs/stance.md.
 * report: reporting verb (after = its complement; addressee = skips "told X"; call = "called X Y").
 * source: "according to X," over its sentence. hedge: distancing word (np = the phrase it qualifies).
 * negator / denial: negation and denial (np, clause, before, both, exist = «X нет»; denial verbs: after,
 * content, pred).
 * affirm: claims words that look negative but are not ("no doubt", "not only"). challenge / really:
 * rhetorical-question cues. blocker: verbs whose negation denies nothing ("not allow"). content: nouns
 * whose complement belongs to them ("claims that …"). epistemic: verbs whose negation reaches the
 * subject ("were never shown"). referent: referent objects of securitizing moves. exclude: claims a span.
 */
export const CUE_SCOPES = {
  report: ['after', 'addressee', 'call'],
  source: ['sentence'],
  hedge: ['np', 'clause', 'source'],
  negator: ['np', 'clause', 'before', 'both', 'exist'],
  denial: ['after', 'content', 'pred', 'before', 'both'],
  affirm: ['none', 'pair', 'holder'],
  challenge: ['sentence'],
  really: ['clause'],
  blocker: ['clause'],
  content: ['none'],
  epistemic: ['none'],
  referent: ['none'],
  exclude: ['none'],
} as const;

export type CueKind = keyof typeof CUE_SCOPES;
export const CUE_KINDS = Object.keys(CUE_SCOPES) as CueKind[];

/** One bit per kind, so that "is any of these kinds" is a single AND (see kindMask). */
export const KIND_BIT = Object.fromEntries(CUE_KINDS.map((k, i) => [k, 1 << i])) as Record<CueKind, number>;

export function kindMask(...kinds: CueKind[]): number {
  return kinds.reduce((mask, k) => mask | KIND_BIT[k], 0);
}

export interface CueEntry {
  id: number;
  kind: CueKind;
  scope: string;
  /** Normalised pattern words joined by spaces. */
  pattern: string;
  words: string[];
  lang: Lang | '';
  note: string;
  file: string;
  line: number;
}

function isKind(k: string): k is CueKind {
  return Object.hasOwn(CUE_SCOPES, k);
}

/** Check one row; returns the entry or a diagnostic. */
function parseRow(values: Record<string, string>, path: string, line: number, id: number): CueEntry | Diagnostic {
  const kind = (values.kind ?? '').trim().toLowerCase();
  if (!isKind(kind)) {
    return diag(path, line, 'error', `unknown cue kind \`${kind}\`; expected one of: ${CUE_KINDS.join(', ')}`, 'cues/unknown-kind');
  }
  const scopes: readonly string[] = CUE_SCOPES[kind];
  const scopeCell = (values.scope ?? '').trim().toLowerCase();
  if (scopeCell !== '' && !scopes.includes(scopeCell)) {
    return diag(path, line, 'error', `scope \`${scopeCell}\` is not allowed for kind \`${kind}\`; expected one of: ${scopes.join(', ')}`, 'cues/unknown-scope');
  }
  const langCell = (values.lang ?? '').trim().toLowerCase();
  if (langCell !== '' && !(LANGS as readonly string[]).includes(langCell)) {
    return diag(path, line, 'error', `unknown lang \`${langCell}\`; expected one of: ${LANGS.join(', ')}, or empty for every language`, 'cues/unknown-lang');
  }
  const lang = langCell as Lang | '';
  const raw = (values.pattern ?? '').trim();
  if (raw === '') return diag(path, line, 'error', 'empty pattern; expected a word, a glob such as alleg* or a phrase', 'cues/empty-pattern');
  const words = raw.split(/\s+/u).map((w) => normalizeForm(w, lang === '' ? 'en' : lang));
  const bad = words.map(checkPatternWord).find((m) => m !== undefined);
  if (bad) return diag(path, line, 'error', `malformed pattern \`${raw}\`: ${bad}`, 'cues/bad-glob');
  return { id, kind, scope: scopeCell || scopes[0], pattern: words.join(' '), words, lang, note: values.note ?? '', file: path, line };
}

/** Parse one cue CSV. `firstId` numbers the entries so that ids are unique across files. */
export function parseCues(text: string, path: string, firstId: number): { entries: CueEntry[]; diagnostics: Diagnostic[] } {
  const table = parseCsv(text, path, 'cues');
  const diagnostics = [...table.diagnostics, ...requireColumns(table, ['kind', 'pattern'], path, 'cues')];
  const entries: CueEntry[] = [];
  if (diagnostics.some((d) => d.rule === 'cues/missing-column')) return { entries, diagnostics };
  for (const { line, values } of table.records) {
    const r = parseRow(values, path, line, firstId + entries.length);
    if ('kind' in r) entries.push(r);
    else diagnostics.push(r);
  }
  return { entries, diagnostics };
}

/** The same kind, language and pattern twice is a warning (the second row adds nothing). */
export function validateCues(entries: readonly CueEntry[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, CueEntry>();
  for (const e of entries) {
    const key = `${e.kind}\u0000${e.lang}\u0000${e.pattern}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, e);
      continue;
    }
    const where = first.file === e.file ? `line ${first.line}` : `${first.file}:${first.line}`;
    out.push(diag(e.file, e.line, 'warning', `duplicate ${e.kind} cue \`${e.pattern}\` (also at ${where})`, 'cues/duplicate'));
  }
  return out;
}
