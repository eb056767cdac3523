// The benchmark must keep working: a tiny run (a fraction of a megabyte) through every measurement, with
// its JSON checked for shape and sanity — no timings are asserted.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from './support/fixtures.ts';

test('npm run bench runs end to end on a tiny corpus and reports every measure', () => {
  const dir = tempDir('qantar-bench-');
  execFileSync(process.execPath, ['bin/run-ts.js', 'scripts/bench.ts', '--mb', '0.2', '--dir', dir, '--workers', '2'], { stdio: 'pipe', timeout: 240_000 });
  const [result] = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8'));
  const r = result.results;
  for (const k of ['read', 'wink', 'lookup', 'cold', 'warm', 'tag']) {
    expect(r[k].seconds, k).toBeGreaterThan(0);
    expect(r[k].maxRssMb, k).toBeGreaterThan(0);
  }
  expect(r.cold.words).toBeGreaterThan(10_000);
  expect(r.warm.words).toBe(r.cold.words);
  expect(r.tag.words).toBe(r.cold.words);
  expect(r.wink.tokens).toBeGreaterThan(r.cold.words);
  expect(r.tag.tokens).toBe(r.cold.tokens);
  expect(r.tag.matchSeconds).toBeGreaterThan(0);
  expect(r.tag.readSeconds).toBeGreaterThan(0);
  expect(Object.keys(result.ratios).sort()).toEqual(['cold_vs_readDoc', 'match_vs_lookup', 'match_words_per_s', 'peak_rss_mb', 'tag_words_per_s', 'warm_speedup']);
}, 300_000);
