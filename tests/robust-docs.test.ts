// The README section "When something goes wrong" explains every rule id of the corpus,
// lexicon and output checks that a user can meet: a rule added without a line there fails this test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/** Rules built from a template (`${area}/…`) in lib/csv.ts and lib/encoding.ts, per area that meets them. */
const TEMPLATED = {
  corpus: ['csv-syntax', 'empty', 'header', 'missing-column', 'bad-encoding', 'binary-file', 'unknown-encoding', 'encoding-mismatch'],
  lexicon: ['csv-syntax', 'empty', 'header', 'missing-column', 'bad-encoding', 'binary-file'],
};

test('every corpus, lexicon and output rule is explained in the README section "When something goes wrong"', () => {
  const source = readdirSync('pipeline', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join('pipeline', f), 'utf8')).join('\n');
  const literal = [...source.matchAll(/'((?:corpus|lexicon|output)\/[a-z-]+)'/g)].map((m) => m[1]).filter((r) => r !== 'lexicon/duplicate');
  const rules = new Set([...literal, ...Object.entries(TEMPLATED).flatMap(([area, rs]) => rs.map((r) => `${area}/${r}`))]);
  const doc = readFileSync('README.md', 'utf8').split('## When something goes wrong')[1]?.split('\n## ')[0] ?? '';
  expect(rules.size).toBeGreaterThan(40);
  expect([...rules].filter((r) => !doc.includes(`\`${r}\``)).sort()).toEqual([]);
});
