// npm run bench [-- --mb 30 --sizes 30,300 --seed 1 --workers 2]: build a synthetic corpus from the shipped
// one, then measure, in one session, the baselines (reading the files, wink-nlp readDoc alone with qantar's
// configuration, a type-level lookup alone) and qantar (cold run, warm re-run after a lexicon edit, the
// tag stage on cached tokens), each in its own process for its peak memory. Prints a table and ratios;
// writes bench-out/bench.json.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticCorpus } from './bench/synth.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const sizes = arg('sizes', arg('mb', '30')).split(',').map(Number);
const seed = Number(arg('seed', '1'));
const workers = arg('workers', '2');
const root = arg('dir', 'bench-out');
const lexicon = 'lexicons';

interface Result { task: string; seconds: number; bytes?: number; tokens?: number; words?: number; maxRssMb: number; [k: string]: unknown }

function task(name: string, ...args: string[]): Result {
  const out = execFileSync(process.execPath, ['bin/run-ts.js', 'scripts/bench/tasks.ts', name, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Result;
}

const rate = (n: number | undefined, s: number) => (n ?? 0) / s;
const m = (x: number) => `${(x / 1e6).toFixed(2)} M`;
const all: Record<string, unknown>[] = [];
for (const mb of sizes) {
  const dir = join(root, `corpus-${mb}mb-seed${seed}`);
  if (!existsSync(join(dir, 'metadata.csv'))) {
    process.stderr.write(`bench: writing a ${mb} MB synthetic corpus to ${dir}\n`);
    writeSyntheticCorpus('corpus', dir, mb, seed);
  }
  const cache = join(root, `cache-${mb}`);
  const out = join(root, `out-${mb}`);
  rmSync(cache, { recursive: true, force: true });
  const read = task('read', dir);
  const wink = task('wink', dir);
  const lookup = task('lookup', dir, lexicon);
  const cold = task('run', dir, lexicon, out, cache, workers);
  const edited = join(root, 'lexicon-edited');
  rmSync(edited, { recursive: true, force: true });
  cpSync(lexicon, edited, { recursive: true });
  appendFileSync(join(edited, 'other.csv'), 'criminality,storefront* smashed,en,bench edit\n');
  const warm = task('run', dir, edited, `${out}-warm`, cache, workers);
  const tag = task('tag', dir, lexicon, cache);
  const words = cold.words ?? 0;
  const rows = [
    ['read files', `${(rate(read.bytes, read.seconds) / 1e6).toFixed(0)} MB/s`, read.seconds, read.maxRssMb],
    ['wink-nlp readDoc alone (sbd,pos; 1 core)', `${m(rate(wink.tokens, wink.seconds))} tokens/s`, wink.seconds, wink.maxRssMb],
    ['type-level lookup alone', `${m(rate(lookup.tokens, lookup.seconds))} tokens/s`, lookup.seconds, lookup.maxRssMb],
    [`qantar run, cold (${workers} workers)`, `${m(rate(cold.tokens, cold.seconds))} tokens/s, ${m(rate(words, cold.seconds))} words/s`, cold.seconds, cold.maxRssMb],
    ['qantar run, warm after a lexicon edit', `${m(rate(warm.tokens, warm.seconds))} tokens/s`, warm.seconds, warm.maxRssMb],
    ['reading the token cache (1 core)', `${m(rate(tag.words, tag.readSeconds as number))} words/s`, tag.readSeconds as number, tag.maxRssMb],
    ['frame matching alone on cached tokens (1 core)', `${m(rate(tag.words, tag.matchSeconds as number))} words/s, ${m(rate(tag.tokens, tag.matchSeconds as number))} tokens/s`, tag.matchSeconds as number, tag.maxRssMb],
    ['tag stage: matching + stance on cached tokens (1 core)', `${m(rate(tag.words, tag.seconds))} words/s`, tag.seconds, tag.maxRssMb],
  ];
  const ratios = {
    cold_vs_readDoc: rate(cold.tokens, cold.seconds) / rate(wink.tokens, wink.seconds),
    warm_speedup: cold.seconds / warm.seconds,
    tag_words_per_s: rate(tag.words, tag.seconds),
    match_words_per_s: rate(tag.words, tag.matchSeconds as number),
    match_vs_lookup: rate(tag.tokens, tag.matchSeconds as number) / rate(lookup.tokens, lookup.seconds),
    peak_rss_mb: Math.max(cold.maxRssMb, warm.maxRssMb),
  };
  process.stdout.write(`\n${mb} MB corpus (${words.toLocaleString('en-US')} words), seed ${seed}\n`);
  process.stdout.write(`| measure | throughput | seconds | peak RSS MB |\n|---|---|---|---|\n`);
  for (const r of rows) process.stdout.write(`| ${r[0]} | ${r[1]} | ${(r[2] as number).toFixed(2)} | ${r[3]} |\n`);
  process.stdout.write(`ratios: cold run / readDoc = ${ratios.cold_vs_readDoc.toFixed(2)}×; warm re-run speed-up = ${ratios.warm_speedup.toFixed(1)}×; tag stage = ${m(ratios.tag_words_per_s)} words/s (frame matching alone ${m(ratios.match_words_per_s)} words/s, ${ratios.match_vs_lookup.toFixed(2)}× the lookup baseline); peak RSS ${ratios.peak_rss_mb} MB\n`);
  all.push({ mb, seed, workers, words, results: { read, wink, lookup, cold, warm, tag }, ratios });
}
if (all.length > 1) {
  const peaks = all.map((a) => (a.ratios as { peak_rss_mb: number }).peak_rss_mb);
  process.stdout.write(`peak RSS across sizes: ${peaks.join(' MB, ')} MB (largest/smallest = ${(Math.max(...peaks) / Math.min(...peaks)).toFixed(2)})\n`);
}
mkdirSync(root, { recursive: true });
writeFileSync(join(root, 'bench.json'), `${JSON.stringify(all, null, 2)}\n`);
