// Sentence-level precision, recall and F1 of the shipped lexicon against a hand-coded gold set
// (`id,lang,source_kind,text,frames`): npm run gold -- tests/fixtures/gold-test.csv [--details]
import { readFileSync } from 'node:fs';
import { parseCsv } from '../pipeline/lib/csv.ts';
import type { Lang } from '../pipeline/lib/types.ts';
import { readLexicon } from '../pipeline/lexicon/read.ts';
import { createStanceAnnotator, readCues } from '../pipeline/stance/index.ts';
import { createTagger } from '../pipeline/tag/tagger.ts';
import { tokenizeDocument } from '../pipeline/tokenize/index.ts';

const file = process.argv[2] ?? 'tests/fixtures/gold-test.csv';
const details = process.argv.includes('--details');
const lexicon = readLexicon(process.argv.includes('--lexicon') ? process.argv[process.argv.indexOf('--lexicon') + 1] : 'lexicons');
const tag = createTagger(lexicon.lexicon, createStanceAnnotator(readCues('lexicons/cues').cues));
const rows = parseCsv(readFileSync(file, 'utf8'), file, 'gold').records;
const frames = lexicon.lexicon.frames.map((f) => f.frame);
type Tally = { tp: number; fp: number; fn: number };
const by = new Map<string, Tally>();
const add = (k: string, d: Partial<Tally>) => {
  const t = by.get(k) ?? { tp: 0, fp: 0, fn: 0 };
  t.tp += d.tp ?? 0;
  t.fp += d.fp ?? 0;
  t.fn += d.fn ?? 0;
  by.set(k, t);
};
for (const { values: r } of rows) {
  const lang = (r.lang || 'en') as Lang;
  const doc = tokenizeDocument(r.text, { docId: r.id, lang, textHash: r.id });
  const hits = tag(doc, r.text);
  const found = new Set(hits.map((h) => h.frame));
  const gold = new Set(r.frames.split(';').map((s) => s.trim()).filter(Boolean));
  for (const f of frames) {
    const g = gold.has(f);
    const p = found.has(f);
    const d = { tp: g && p ? 1 : 0, fp: !g && p ? 1 : 0, fn: g && !p ? 1 : 0 };
    for (const k of [`all`, `lang:${lang}`, `frame:${f}`]) add(k, d);
    if (details && (d.fp || d.fn)) process.stdout.write(`${d.fp ? 'FP' : 'FN'} ${f} ${r.id}: ${r.text}${d.fp ? `  [${hits.filter((h) => h.frame === f).map((h) => h.text).join(', ')}]` : ''}\n`);
  }
}
const prf = (t: Tally) => {
  const p = t.tp / (t.tp + t.fp || 1);
  const r = t.tp / (t.tp + t.fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
process.stdout.write(`${file}: ${rows.length} sentences\n| slice | tp | fp | fn | precision | recall | F1 |\n|---|---|---|---|---|---|---|\n`);
for (const [k, t] of [...by.entries()].sort()) {
  const { p, r, f1 } = prf(t);
  process.stdout.write(`| ${k} | ${t.tp} | ${t.fp} | ${t.fn} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${f1.toFixed(3)} |\n`);
}
