// Worker threads change nothing but speed: tokenize and tag with two workers write byte for byte what one
// worker writes — cold (tokenizing in the workers), warm (tokens from the cache) and with a very long
// text cut into segments that the workers take one by one.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { segmentation } from '../pipeline/tokenize/segments.ts';
import { workerPolicy } from '../pipeline/tokenize/stream.ts';
import { writeSyntheticCorpus } from '../scripts/bench/synth.ts';
import { runCli } from './support/cli.ts';
import { tempDir, writeTree } from './support/fixtures.ts';

const saved = { segmentation: { ...segmentation }, workerPolicy: { ...workerPolicy } };
afterEach(() => {
  Object.assign(segmentation, saved.segmentation);
  Object.assign(workerPolicy, saved.workerPolicy);
});

const paragraph = (i: number) => `Paragraph ${i}: officials said terrorists attacked, but critics pointed to fuel prices and corruption. ` +
  `“So-called terrorists,” one lawyer wrote, “were protesters.” The authorities did not call it a colour revolution.`;

/** The shipped corpus plus one long text, so the segment path runs too. */
function corpusWithLongText(): string {
  const meta = readFileSync('corpus/metadata.csv', 'utf8');
  const files: Record<string, string> = {};
  const header = meta.split('\n')[0].split(',');
  const row = header.map((h) => ({ doc_id: 'zz-long', source: 'Test', source_type: 'media', date: '2022-01-10', lang: 'en', title: 'Long' }[h] ?? ''));
  files['metadata.csv'] = `${meta.trimEnd()}\n${row.join(',')}\n`;
  files['texts/zz-long.txt'] = Array.from({ length: 60 }, (_, i) => paragraph(i)).join('\n\n');
  const root = writeTree(files);
  for (const line of meta.trim().split('\n').slice(1)) {
    const id = line.split(',')[0];
    writeTree({ [`texts/${id}.txt`]: readFileSync(join('corpus/texts', `${id}.txt`)) }, root);
  }
  return root;
}

const OUTPUTS = ['documents.csv', 'hits.csv', 'moves.csv'];

describe('worker threads', () => {
  test('tokenize and tag with two workers write exactly what one worker writes, cold and warm', async () => {
    const corpus = corpusWithLongText();
    Object.assign(segmentation, { from: 4000, chars: 3000 });
    const run = async (stage: string, workers: number, cache: string) => {
      const out = join(tempDir(), 'out');
      const r = await runCli([stage, '--corpus', corpus, '--out', out, '--cache', cache, '--quiet', '--no-progress', '--workers', String(workers)]);
      expect(r.stderr).not.toMatch(/error/);
      expect(r.code).toBe(0);
      return out;
    };
    const read = (out: string, f: string) => readFileSync(join(out, f), 'utf8');
    const one = await run('tag', 1, join(tempDir(), 'cache'));
    workerPolicy.minChars = 0;
    const cache = join(tempDir(), 'cache');
    const tokenized = await run('tokenize', 2, cache);
    expect(read(tokenized, 'documents.csv')).toBe(read(one, 'documents.csv'));
    const cold = await run('tag', 2, join(tempDir(), 'cache'));
    const warm = await run('tag', 2, cache);
    for (const f of OUTPUTS) {
      expect(read(cold, f), `cold ${f}`).toBe(read(one, f));
      expect(read(warm, f), `warm ${f}`).toBe(read(one, f));
    }
    expect(read(one, 'hits.csv').split('\n').filter((l) => l.startsWith('zz-long,')).length).toBeGreaterThan(100);
  }, 120_000);

  // `qantar` itself runs the bundles in dist/, workers included, and starts them only above 2 M characters.
  test('the qantar command with two workers (the bundled CLI) writes what one worker writes in-process', async () => {
    const corpus = tempDir('qantar-workers-');
    writeSyntheticCorpus('corpus', corpus, 3, 7);
    const cache = join(tempDir(), 'cache');
    const bundled = join(tempDir(), 'out');
    execFileSync(process.execPath, ['bin/qantar.js', 'run', '--corpus', corpus, '--out', bundled, '--cache', cache, '--quiet', '--no-progress', '--reps', '20', '--permutations', '19', '--workers', '2'], { stdio: 'pipe' });
    const manifestWorkers = JSON.parse(readFileSync(join(bundled, 'manifest.json'), 'utf8')).runtime.workers_used;
    expect(manifestWorkers).toBe(2);
    const here = join(tempDir(), 'out');
    const r = await runCli(['tag', '--corpus', corpus, '--out', here, '--cache', cache, '--quiet', '--no-progress', '--workers', '1']);
    expect(r.code).toBe(0);
    for (const f of OUTPUTS) expect(readFileSync(join(bundled, f), 'utf8'), f).toBe(readFileSync(join(here, f), 'utf8'));
  }, 180_000);

  test.each([1, 2])('a token cache that cannot be written stops the run as a data error (%i workers)', async (workers) => {
    workerPolicy.minChars = 0;
    const blocker = join(tempDir(), 'blocker');
    writeFileSync(blocker, 'a file where the cache folder should be');
    const r = await runCli(['tag', '--corpus', 'corpus', '--out', join(tempDir(), 'out'), '--cache', join(blocker, 'cache'), '--quiet', '--no-progress', '--workers', String(workers)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the token cache: a file is in the way of a folder; .*output\/write-failed/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });
});
