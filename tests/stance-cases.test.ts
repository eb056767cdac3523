// The stance test sets (tests/fixtures/stance-cases.csv, English; stance-cases-ru.csv, Russian): every row
// is run through tokenize + tag with the shipped lexicons/ and cues as a one-document corpus. Each
// expected hit (`surface|frame|use`) is aligned with a predicted hit of the same frame overlapping its
// surface; the uses of aligned hits are scored. Expected hits the lexicon does not find are listed
// (lexicon coverage), not dropped. Fails below 0.9 use accuracy or below 0.6 precision for any use.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { fmt, parseCsv } from '../pipeline/lib/csv.ts';
import { USES, type FrameHit, type Lang, type Use } from '../pipeline/lib/types.ts';
import { readLexicon } from '../pipeline/lexicon/read.ts';
import { createStanceAnnotator, readCues } from '../pipeline/stance/index.ts';
import { createTagger } from '../pipeline/tag/tagger.ts';
import { tokenizeDocument } from '../pipeline/tokenize/index.ts';

interface Expected {
  id: string;
  surface: string;
  frame: string;
  use: Use;
  /** Every offset where the surface occurs in the sentence. */
  starts: number[];
}

interface Scored {
  expected: number;
  predicted: number;
  aligned: { id: string; surface: string; gold: Use; predicted: Use; cue: string }[];
  missing: Expected[];
}

const lexicon = readLexicon('lexicons');
const cues = readCues('lexicons/cues');
const tag = createTagger(lexicon.lexicon, createStanceAnnotator(cues.cues));

/** `surface|frame|use;…` → expected hits, each with every place its surface occurs. */
function expectedHits(id: string, sentence: string, cell: string): Expected[] {
  return cell.split(';').map((s) => s.trim()).filter(Boolean).map((item) => {
    const [surface, frame, use] = item.split('|').map((x) => x.trim());
    if (!(USES as readonly string[]).includes(use)) throw new Error(`${id}: unknown use \`${use}\` in \`${item}\``);
    const starts: number[] = [];
    for (let at = sentence.indexOf(surface); at >= 0; at = sentence.indexOf(surface, at + 1)) starts.push(at);
    if (starts.length === 0) throw new Error(`${id}: surface \`${surface}\` is not in the sentence`);
    return { id, surface, frame, use: use as Use, starts };
  });
}

/**
 * Align an expected hit with the first unused predicted hit of the same frame that overlaps one of its
 * surface's occurrences, in order ("bandits" listed twice takes the first, then the second occurrence).
 */
function align(e: Expected, hits: readonly FrameHit[], used: Set<number>): number {
  for (const start of e.starts) {
    const k = hits.findIndex((h, i) => !used.has(i) && h.frame === e.frame && h.start < start + e.surface.length && start < h.end);
    if (k >= 0) return k;
  }
  return -1;
}

function score(file: string, lang: Lang): Scored {
  const rows = parseCsv(readFileSync(file, 'utf8'), file, 'test').records;
  const out: Scored = { expected: 0, predicted: 0, aligned: [], missing: [] };
  for (const { values } of rows) {
    const text = values.sentence;
    const hits: FrameHit[] = tag(tokenizeDocument(text, { docId: values.id, lang, textHash: values.id }), text);
    const used = new Set<number>();
    out.predicted += hits.length;
    for (const e of expectedHits(values.id, text, values.hits)) {
      out.expected++;
      const k = align(e, hits, used);
      if (k < 0) {
        out.missing.push(e);
        continue;
      }
      used.add(k);
      out.aligned.push({ id: e.id, surface: e.surface, gold: e.use, predicted: hits[k].use, cue: hits[k].cue });
    }
  }
  return out;
}

function table(s: Scored, title: string): { accuracy: number; precision: Map<Use, number> } {
  const lines = [`\n${title}`, `frames: recall ${fmt(s.aligned.length / s.expected, 3)} (${s.aligned.length}/${s.expected} expected hits found), precision ${fmt(s.aligned.length / s.predicted, 3)} (${s.aligned.length}/${s.predicted} predicted hits expected)`];
  lines.push('use        gold  pred  correct  precision  recall');
  const precision = new Map<Use, number>();
  for (const u of USES) {
    const gold = s.aligned.filter((a) => a.gold === u).length;
    const pred = s.aligned.filter((a) => a.predicted === u).length;
    const ok = s.aligned.filter((a) => a.gold === u && a.predicted === u).length;
    precision.set(u, pred === 0 ? NaN : ok / pred);
    lines.push(`${u.padEnd(10)} ${String(gold).padStart(4)}  ${String(pred).padStart(4)}  ${String(ok).padStart(7)}  ${fmt(ok / pred, 3).padStart(9)}  ${fmt(ok / gold, 3).padStart(6)}`);
  }
  const correct = s.aligned.filter((a) => a.gold === a.predicted).length;
  const accuracy = correct / s.aligned.length;
  lines.push(`use accuracy ${fmt(accuracy, 3)} (${correct}/${s.aligned.length} aligned hits)`);
  for (const a of s.aligned.filter((x) => x.gold !== x.predicted)) lines.push(`  wrong use: ${a.id} ${a.surface}: expected ${a.gold}, got ${a.predicted}${a.cue ? ` (cue \`${a.cue}\`)` : ''}`);
  lines.push(`lexicon coverage: ${s.missing.length} expected hit(s) not found by the lexicon${s.missing.length ? ':' : ''}`);
  for (const m of s.missing) lines.push(`  not found: ${m.id} \`${m.surface}\` (${m.frame})`);
  console.log(lines.join('\n'));
  return { accuracy, precision };
}

// The development sets must stay at 0.9; the held-out sets (paraphrased from real reporting, written
// blind to the rules and never used to tune them) are held to the project's acceptance bar of 0.8.
const SETS = [
  ['tests/fixtures/stance-cases.csv', 'en', 0.9],
  ['tests/fixtures/stance-cases-ru.csv', 'ru', 0.9],
  ['tests/fixtures/stance-holdout.csv', 'en', 0.8],
  ['tests/fixtures/stance-holdout-ru.csv', 'ru', 0.8],
] as const;

for (const [file, lang, floor] of SETS) {
  describe(`stance test set ${file}`, () => {
    let result: { accuracy: number; precision: Map<Use, number> };
    beforeAll(() => {
      result = table(score(file, lang), `${file} (${lang})`);
    });

    test('the lexicon and the cue lists load without errors', () => {
      expect([...lexicon.diagnostics, ...cues.diagnostics].filter((d) => d.severity === 'error')).toEqual([]);
    });

    test(`overall use accuracy on aligned hits is at least ${floor}`, () => {
      expect(result.accuracy).toBeGreaterThanOrEqual(floor);
    });

    test.each(USES.map((u) => [u]))('the precision of `%s` is at least 0.6', (u) => {
      const p = result.precision.get(u)!;
      if (!Number.isNaN(p)) expect(p).toBeGreaterThanOrEqual(0.6);
    });
  });
}
