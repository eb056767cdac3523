// Quanteda YAML dictionaries (pure): nested keys are categories, lists of strings are their entries.
// `key: [a, b]`, block lists and nested maps are read; everything else is a path:line error. When every
// top-level key is a qantar family (securitizing, grievance, other), those keys give the frames' family —
// the shape `qantar export --format yaml` writes. Writing nests frames under their family the same way.
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLMap, type Node } from 'yaml';
import { diag } from '../../lib/diagnostics.ts';
import { FAMILIES, type Diagnostic, type Family } from '../../lib/types.ts';
import { EXCLUSIONS_KEY, type DictCategory, type Dictionary } from './model.ts';

interface Walk {
  path: string;
  lines: LineCounter;
  dict: Dictionary;
  diagnostics: Diagnostic[];
}

const lineOf = (w: Walk, n: { range?: [number, number, number] | null } | null | undefined) => (n?.range ? w.lines.linePos(n.range[0]).line : 1);

function addValues(w: Walk, category: number, value: Node | null, keyLine: number): void {
  const name = w.dict.categories[category].name;
  if (isScalar(value)) {
    const s = String(value.value ?? '').trim();
    if (s === '') w.diagnostics.push(diag(w.path, keyLine, 'warning', `category \`${name}\` has no entries; it becomes a frame without patterns`, 'import/empty-category'));
    else w.dict.entries.push({ category, pattern: s, line: lineOf(w, value) });
    return;
  }
  for (const item of (value as { items: unknown[] }).items) {
    if (isScalar(item) && String(item.value ?? '').trim() !== '') w.dict.entries.push({ category, pattern: String(item.value).trim(), line: lineOf(w, item) });
    else w.diagnostics.push(diag(w.path, lineOf(w, item as Node), 'error', `an entry of \`${name}\` is not a word or phrase; expected a list of strings`, 'import/bad-entry'));
  }
}

type Pair = { key: unknown; value: unknown };

function walk(w: Walk, pairs: readonly Pair[], prefix: string, family: Family | undefined): void {
  for (const pair of pairs as { key: Node; value: Node | null }[]) {
    const keyLine = lineOf(w, pair.key);
    const key = isScalar(pair.key) ? String(pair.key.value ?? '').trim() : '';
    if (key === '') {
      w.diagnostics.push(diag(w.path, keyLine, 'error', 'empty or complex key; expected a category name', 'import/bad-key'));
      continue;
    }
    const name = prefix ? `${prefix}.${key}` : key;
    if (isMap(pair.value)) {
      walk(w, pair.value.items, name, family);
      continue;
    }
    if (pair.value !== null && !isSeq(pair.value) && !isScalar(pair.value)) {
      w.diagnostics.push(diag(w.path, keyLine, 'error', `category \`${name}\` holds neither a list nor nested categories`, 'import/bad-entry'));
      continue;
    }
    const category = w.dict.categories.push({ name, family, line: keyLine } satisfies DictCategory) - 1;
    addValues(w, category, pair.value, keyLine);
  }
}

export function parseQuantedaYaml(text: string, path: string): { dict: Dictionary; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  // The failsafe schema reads every scalar as a string, so `no`, `1.0` or `null` stay the words they are.
  const doc = parseDocument(text, { lineCounter: lines, schema: 'failsafe', prettyErrors: false });
  const w: Walk = { path, lines, dict: { categories: [], entries: [] }, diagnostics: [] };
  for (const e of doc.errors) w.diagnostics.push(diag(path, e.linePos?.[0].line ?? 1, 'error', `YAML syntax: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, 'import/yaml-syntax'));
  if (w.diagnostics.length) return { dict: w.dict, diagnostics: w.diagnostics };
  if (!isMap(doc.contents)) {
    w.diagnostics.push(diag(path, 1, 'error', 'expected a YAML mapping of category names to lists of words (a quanteda dictionary)', 'import/not-a-dictionary'));
    return { dict: w.dict, diagnostics: w.diagnostics };
  }
  const top = doc.contents.items;
  const keyOf = (p: { key: unknown }) => (isScalar(p.key) ? String(p.key.value) : '');
  const families = top.filter((p) => keyOf(p) !== EXCLUSIONS_KEY);
  const byFamily = families.length > 0 && families.every((p) => (FAMILIES as readonly string[]).includes(keyOf(p)) && isMap(p.value));
  if (!byFamily) walk(w, top, '', undefined);
  else {
    for (const p of families) walk(w, (p.value as YAMLMap).items, '', keyOf(p) as Family);
    walk(w, top.filter((p) => keyOf(p) === EXCLUSIONS_KEY), '', undefined);
  }
  return { dict: w.dict, diagnostics: w.diagnostics };
}

export interface YamlFrame {
  frame: string;
  family: Family;
  patterns: string[];
}

/** A quanteda dictionary: families → frames → patterns (or frames → patterns with `nest: false`). */
export function formatQuantedaYaml(frames: readonly YamlFrame[], header: string, nest: boolean): string {
  const obj: Record<string, unknown> = {};
  const kept = frames.filter((f) => f.frame !== '-');
  if (!nest) for (const f of kept) obj[f.frame] = f.patterns;
  else for (const family of FAMILIES) {
    const mine = kept.filter((f) => f.family === family);
    if (mine.length) obj[family] = Object.fromEntries(mine.map((f) => [f.frame, f.patterns]));
  }
  const ex = frames.find((f) => f.frame === '-');
  if (ex) obj[EXCLUSIONS_KEY] = ex.patterns;
  // YAML 1.1 quoting, because R's yaml package (which quanteda uses) reads unquoted `no`, `on`, `y` as booleans.
  const body = new Document(obj, { version: '1.1' }).toString({ lineWidth: 0 });
  return `${header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n')}\n${body}`;
}
