// Scale measurements of `npm run props -- --scale`: a corpus of 100,000 small files through `qantar
// ingest` (and `run` with few replicates), a lexicon of 50,000 patterns loaded and compiled, and, with
// --big-text MB, one large text through `qantar tokenize`. Each command runs in its own process; its peak
// resident memory is read from /proc (VmHWM) while it runs.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../pipeline/count/rng.ts';
import { readLexicon } from '../../pipeline/lexicon/read.ts';
import { stemRu } from '../../pipeline/lib/normalize.ts';
import { compileLexicon } from '../../pipeline/tag/compile.ts';
import { matchDocument } from '../../pipeline/tag/match.ts';
import { tokenizeDocument } from '../../pipeline/tokenize/index.ts';

export interface Measured {
  what: string;
  seconds: number;
  peakRssMb: number;
  exit: number | null;
  lastLines: string;
}

/** Run `node bin/qantar.js …`, polling its peak RSS. */
export function measure(what: string, args: string[]): Promise<Measured> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/qantar.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
  let stderr = '';
  let peakKb = 0;
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // the process has just ended
    }
  }, 25);
  return new Promise((res) => child.on('close', (code) => {
    clearInterval(poll);
    res({ what, seconds: (performance.now() - t0) / 1000, peakRssMb: Math.round(peakKb / 1024), exit: code, lastLines: stderr.trim().split('\n').slice(-3).join(' | ') });
  }));
}

const SYLLABLES = ['ka', 'zo', 'ri', 'mu', 'te', 'sa', 'lo', 'ne', 'vi', 'du', 'ba', 'ge', 'po', 'hi', 'ju', 'qe'];
const RU_SYLLABLES = ['ка', 'зо', 'ри', 'му', 'те', 'са', 'ло', 'не', 'ви', 'ду', 'ба', 'ге', 'по', 'хи', 'жу', 'ще'];

function word(rng: () => number, syllables: string[], n: number): string {
  let w = '';
  for (let i = 0; i < n; i++) w += syllables[Math.floor(rng() * syllables.length)];
  return w;
}

/** metadata.csv + `n` texts of a few sentences each (lexicon words among made-up ones). */
export function writeManyFiles(dir: string, n: number, seed: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'texts'), { recursive: true });
  const rng = createRng(seed);
  const rows = ['doc_id,source,source_type,date,lang'];
  const lexiconWords = ['terrorists', 'bandits', 'fuel prices', 'corruption', 'curfew', 'foreign-trained', 'protest'];
  for (let i = 0; i < n; i++) {
    const id = `doc${String(i).padStart(6, '0')}`;
    rows.push(`${id},S${i % 50},${['official', 'media', 'ngo', 'wire'][i % 4]},2022-01-${String(1 + (i % 28)).padStart(2, '0')},en`);
    const sentences = Array.from({ length: 2 + Math.floor(rng() * 4) }, () => {
      const words = Array.from({ length: 6 + Math.floor(rng() * 8) }, () => (rng() < 0.1 ? lexiconWords[Math.floor(rng() * lexiconWords.length)] : word(rng, SYLLABLES, 1 + Math.floor(rng() * 3))));
      return `${words.join(' ')}.`;
    });
    writeFileSync(join(dir, 'texts', `${id}.txt`), sentences.join(' '));
  }
  writeFileSync(join(dir, 'metadata.csv'), `${rows.join('\n')}\n`);
}

/** frames.csv (the shipped one) + one pattern file of `n` distinct patterns: words, prefix globs, phrases; en and ru. */
export function writeBigLexicon(dir: string, n: number, seed: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'frames.csv'), readFileSync('lexicons/frames.csv'));
  const frames = readFileSync('lexicons/frames.csv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
  const rng = createRng(seed);
  const seen = new Set<string>();
  const rows = ['frame,pattern,lang,note'];
  while (rows.length <= n) {
    const ru = rng() < 0.3;
    const syl = ru ? RU_SYLLABLES : SYLLABLES;
    const kind = rng();
    const words = kind < 0.6 ? [word(rng, syl, 2 + Math.floor(rng() * 3))]
      : kind < 0.85 ? [`${word(rng, syl, 2 + Math.floor(rng() * 2))}*`]
        : [word(rng, syl, 2), word(rng, syl, 2 + Math.floor(rng() * 2)), ...(rng() < 0.5 ? [`${word(rng, syl, 2)}*`] : [])];
    const pattern = words.join(' ');
    // Russian words match by stem: one pattern per stem sequence, so that none collide.
    const key = ru ? `ru:${words.map((w) => (w.endsWith('*') ? w : stemRu(w))).join(' ')}` : `en:${pattern}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(`${frames[Math.floor(rng() * frames.length)]},${pattern},${ru ? 'ru' : 'en'},`);
  }
  writeFileSync(join(dir, 'patterns.csv'), `${rows.join('\n')}\n`);
}

/** Load, validate and compile a big lexicon in this process; match one document against it. */
export function lexiconTimings(dir: string): Record<string, number | string> {
  let t = performance.now();
  const lap = () => {
    const s = (performance.now() - t) / 1000;
    t = performance.now();
    return Number(s.toFixed(3));
  };
  const lex = readLexicon(dir);
  const read = lap();
  const errors = lex.diagnostics.filter((d) => d.severity === 'error').length;
  const en = compileLexicon(lex.lexicon.patterns, 'en');
  const compileEn = lap();
  const ru = compileLexicon(lex.lexicon.patterns, 'ru');
  const compileRu = lap();
  const text = readFileSync('corpus/texts/akorda-20220107.txt', 'utf8');
  const doc = tokenizeDocument(text, { docId: 'd', lang: 'en', textHash: 'h' });
  lap();
  const hits = matchDocument(doc, en).length;
  const match = lap();
  return { patterns: lex.lexicon.patterns.length, errors, warnings: lex.diagnostics.length - errors, read_and_validate_s: read, compile_en_s: compileEn, compile_ru_s: compileRu, en_patterns: en.patternCount, ru_patterns: ru.patternCount, match_one_doc_s: match, hits, rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20) };
}
