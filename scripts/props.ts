// npm run props [-- --seed N --runs K --kills N --only matcher,glob,csv,offsets,counts,hash,corpora,kills]
//               [-- --scale [--files 100000] [--patterns 50000] [--big-text MB]]
// The property tests at full size (the vitest suite runs the same properties with few cases), and the
// kill loop: many real runs interrupted at random moments, out/ checked after each. With --scale, the
// scale measurements instead: 100,000 small files, a 50,000-pattern lexicon, optionally one big text.
// Exit 1 when any property or kill check fails.
import fc from 'fast-check';
import { join } from 'node:path';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tempDir } from '../tests/support/fixtures.ts';
import { csvRoundTrip, globAgrees, matcherAgrees, offsetsSliceBack, streamedHashAgrees } from '../tests/support/properties.ts';
import { runIn, writeCase } from '../tests/support/robust.ts';
import { checkCountsSum, corpusArb, tallySums } from '../tests/support/sums.ts';
import { killLoop } from './props/kill.ts';
import { lexiconTimings, measure, writeBigLexicon, writeManyFiles } from './props/scale.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const seed = Number(arg('seed', '20220105'));
const runs = Number(arg('runs', '1'));
const only = arg('only', 'matcher,glob,csv,offsets,counts,hash,corpora,kills').split(',');
const log = (s: string) => process.stderr.write(`${s}\n`);
let failed = 0;

function check<T>(name: string, property: fc.IProperty<T>, numRuns: number): void {
  const t0 = performance.now();
  const r = fc.check(property, { seed, numRuns: numRuns * runs });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.failed) {
    failed++;
    log(`FAIL ${name}: seed ${seed}, counterexample ${JSON.stringify(r.counterexample)}\n${String(r.errorInstance)}`);
  } else log(`ok   ${name}: ${r.numRuns} cases in ${s} s`);
}

async function properties(): Promise<void> {
  if (only.includes('matcher')) for (const lang of ['en', 'ru'] as const) check(`matcher = naive reference (${lang})`, matcherAgrees(lang), 20_000);
  if (only.includes('glob')) check('globMatch = regular-expression glob', globAgrees(), 50_000);
  if (only.includes('csv')) check('CSV read ∘ write = identity', csvRoundTrip(), 20_000);
  if (only.includes('offsets')) for (const lang of ['en', 'ru', 'kk'] as const) check(`offsets slice back (${lang})`, offsetsSliceBack(lang), 5_000);
  if (only.includes('counts')) check('count tables of random tallies sum', tallySums(tempDir()), 1_000);
  if (only.includes('hash')) check('a text hashed in pieces = hashed whole', streamedHashAgrees(tempDir()), 5_000);
  if (only.includes('corpora')) {
    const t0 = performance.now();
    const r = await fc.check(fc.asyncProperty(corpusArb, async (files) => {
      const root = writeCase(files);
      const res = await runIn(root, 'run');
      if (res.code !== 0) throw new Error(res.stderr);
      checkCountsSum(join(root, 'out'));
      rmSync(root, { recursive: true, force: true });
    }), { seed, numRuns: 60 * runs });
    if (r.failed) {
      failed++;
      log(`FAIL random corpora sum: seed ${seed}, counterexample ${JSON.stringify(r.counterexample)}\n${String(r.errorInstance)}`);
    } else log(`ok   random corpora through \`run\` sum: ${r.numRuns} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (only.includes('kills')) {
    const kills = Number(arg('kills', '100'));
    const r = await killLoop(kills, seed, log);
    failed += r.failures.length;
    for (const f of r.failures) log(`FAIL ${f}`);
    log(`${r.failures.length ? 'FAIL' : 'ok  '} kills: ${r.runs} runs killed at random moments — interrupted ${JSON.stringify(r.interrupted)}, finished first ${r.completed}, commit rolled forward ${r.rolledForward}; torn cache entries left ${r.tornCacheFiles}, temporary cache files left ${r.tmpLeftovers}; ${r.runSeconds.toFixed(0)} s of runs`);
  }
}

async function scale(): Promise<void> {
  const root = arg('dir', join(tempDir('qantar-scale-')));
  mkdirSync(root, { recursive: true });
  const files = Number(arg('files', '100000'));
  const patterns = Number(arg('patterns', '50000'));
  let t0 = performance.now();
  writeManyFiles(join(root, 'many'), files, seed);
  log(`scale: wrote ${files.toLocaleString('en-US')} texts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const common = ['--lexicon', 'lexicons', '--workers', '1'];
  const results = [
    await measure(`ingest ${files} files`, ['ingest', '--corpus', join(root, 'many'), '--out', join(root, 'out-ingest'), ...common]),
    await measure(`run ${files} files (--reps 20)`, ['run', '--corpus', join(root, 'many'), '--out', join(root, 'out-run'), ...common, '--reps', '20', '--permutations', '19']),
  ];
  t0 = performance.now();
  writeBigLexicon(join(root, 'lex50k'), patterns, seed);
  log(`scale: wrote a ${patterns.toLocaleString('en-US')}-pattern lexicon in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const lex = lexiconTimings(join(root, 'lex50k'));
  const bigMb = Number(arg('big-text', '0'));
  if (bigMb > 0) {
    const big = join(root, 'big');
    mkdirSync(join(big, 'texts'), { recursive: true });
    const para = 'Protesters demanded lower fuel prices; officials spoke of terrorists and bandits trained abroad. '.repeat(8);
    const target = bigMb * 1024 * 1024;
    writeFileSync(join(big, 'texts/big.txt'), `${para}\n\n`.repeat(Math.ceil(target / (para.length + 2))));
    writeFileSync(join(big, 'metadata.csv'), 'doc_id,source,source_type\nbig,X,g\n');
    results.push(await measure(`tokenize one ${bigMb} MB text`, ['tokenize', '--corpus', big, '--out', join(root, 'out-big'), ...common]));
  }
  for (const r of results) log(`scale: ${r.what}: exit ${r.exit}, ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb} MB — ${r.lastLines}`);
  log(`scale: lexicon of ${patterns.toLocaleString('en-US')} patterns: ${JSON.stringify(lex)}`);
  if (!arg('dir', '')) rmSync(root, { recursive: true, force: true });
}

if (process.argv.includes('--scale')) await scale();
else await properties();
log(failed ? `props: ${failed} failures` : 'props: all passed');
process.exitCode = failed ? 1 : 0;
